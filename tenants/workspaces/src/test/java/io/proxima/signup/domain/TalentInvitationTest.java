package io.proxima.signup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TalentInvitationTest {

  private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

  private static TalentInvitation.Issued issued() {
    return TalentInvitation.invite("tanaka@example.jp", "田中", "健", "ja", "staff-1", NOW);
  }

  @Test
  void aNewInvitationIsPendingWithALinkThatOnlyItsHashIsKeptOf() {
    TalentInvitation.Issued issued = issued();
    assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(issued.invitation().status(NOW)).isEqualTo(TalentInvitation.Status.PENDING);
    assertThat(issued.invitation().expiresAt()).isEqualTo(NOW.plus(TalentInvitation.VALIDITY));
    assertThat(TalentInvitation.hashOf(issued.token())).hasSize(64).isNotEqualTo(issued.token());
  }

  @Test
  void acceptingIsOnceAndRecordsWho() {
    TalentInvitation invitation = issued().invitation();
    invitation.accept("freelancer-1", NOW.plusSeconds(60));
    assertThat(invitation.status(NOW.plusSeconds(61))).isEqualTo(TalentInvitation.Status.ACCEPTED);
    assertThat(invitation.answeredBy()).contains("freelancer-1");
    assertThatThrownBy(() -> invitation.accept("freelancer-1", NOW.plusSeconds(62)))
        .isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> invitation.decline(null, NOW.plusSeconds(62)))
        .isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void anExpiredLinkCannotBeAnsweredButCanBeSentAgain() {
    TalentInvitation invitation = issued().invitation();
    Instant later = NOW.plus(TalentInvitation.VALIDITY).plusSeconds(1);
    assertThat(invitation.status(later)).isEqualTo(TalentInvitation.Status.EXPIRED);
    assertThat(invitation.answerable(later)).isFalse();
    assertThatThrownBy(() -> invitation.accept("freelancer-1", later))
        .isInstanceOf(DomainException.NotFound.class);
    String fresh = invitation.reissue("staff-2", later);
    assertThat(invitation.status(later)).isEqualTo(TalentInvitation.Status.PENDING);
    assertThat(invitation.expiresAt()).isEqualTo(later.plus(TalentInvitation.VALIDITY));
    assertThat(fresh).isNotBlank();
  }

  @Test
  void aRevokedOrDeclinedInvitationCannotBeRevivedOrRevokedAgain() {
    TalentInvitation revoked = issued().invitation();
    revoked.revoke("staff-1", NOW);
    assertThatThrownBy(() -> revoked.revoke("staff-1", NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> revoked.reissue("staff-1", NOW))
        .isInstanceOf(DomainException.Conflict.class);
    TalentInvitation declined = issued().invitation();
    declined.decline(null, NOW);
    assertThat(declined.status(NOW.plus(Duration.ofDays(30))))
        .isEqualTo(TalentInvitation.Status.DECLINED);
  }

  @Test
  void onlyJapaneseOrEnglishMail() {
    assertThatThrownBy(
            () -> TalentInvitation.invite("a@example.jp", null, null, "fr", "staff-1", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
