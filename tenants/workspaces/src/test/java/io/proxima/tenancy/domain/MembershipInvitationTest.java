package io.proxima.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipInvitationTest {

  private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

  private static Membership madeForTheInvitation() {
    Membership membership =
        Membership.grant("sub-1", "sato@example.jp", "佐藤 花子", TenantRole.RECRUITER, null, NOW);
    membership.madeTheAccount();
    return membership;
  }

  @Test
  void aNewAccountIsPendingUntilItsFirstPasswordIsSetThroughTheLink() {
    Membership membership = madeForTheInvitation();
    assertThat(membership.invitationPending()).isTrue();
    String token = membership.issueInvitationLink("ja", NOW);
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(membership.invitationLinkValid(NOW.plus(Duration.ofDays(6)))).isTrue();
    assertThat(membership.invitationLinkValid(NOW.plus(Membership.INVITATION_VALIDITY))).isFalse();

    membership.accountActivated(NOW);
    assertThat(membership.invitationPending()).isFalse();
    assertThat(membership.invitationLinkValid(NOW)).isFalse();
    assertThatThrownBy(() -> membership.accountActivated(NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> membership.issueInvitationLink("ja", NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aNewLinkReplacesTheOldOneAndForgetsWhenTheMailLeft() {
    Membership membership = madeForTheInvitation();
    String first = membership.issueInvitationLink("en", NOW);
    membership.invitationMailed(NOW);
    String second = membership.issueInvitationLink("en", NOW.plusSeconds(60));
    assertThat(second).isNotEqualTo(first);
    assertThat(Membership.hashOf(second)).isNotEqualTo(Membership.hashOf(first));
    assertThat(membership.invitationMailedAt()).isEmpty();
    assertThat(membership.invitationLanguage()).isEqualTo("en");
  }

  @Test
  void onlyTheLanguagesTheMailIsWrittenIn() {
    assertThatThrownBy(() -> madeForTheInvitation().issueInvitationLink("de", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void anOfferToAnExistingAccountIsPendingUntilAcceptedAndNeedsNoPassword() {
    Membership offer =
        Membership.offer("sub-2", "k@example.jp", "Ken", TenantRole.RECRUITER, null, NOW);
    assertThat(offer.invitationPending()).isTrue();
    assertThat(offer.needsFirstPassword()).isFalse();
    offer.issueInvitationLink("ja", NOW);
    offer.accept(NOW);
    assertThat(offer.invitationPending()).isFalse();
    assertThat(offer.invitationLinkValid(NOW)).isFalse();
  }

  @Test
  void aCompanyRoleCarriesItsWorkspaceAndAnAgencyRoleNone() {
    Membership membership = madeForTheInvitation();
    assertThatThrownBy(
            () -> membership.changeRole(TenantRole.RECRUITER, java.util.UUID.randomUUID()))
        .isInstanceOf(DomainException.InvalidValue.class);
    membership.changeRole(TenantRole.AGENCY_ADMIN, null);
    assertThat(membership.role()).isEqualTo(TenantRole.AGENCY_ADMIN);
  }
}
