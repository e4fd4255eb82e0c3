package io.proxima.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a consent records of its terms, and the log entries made from it. */
class ConsentLogTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private static Tenant agency() {
    return Tenant.register(
        new TenantSlug("minato"), TenantType.AGENCY, Branding.named("みなと"), Plan.FREE, NOW);
  }

  @Test
  void aTenantWithoutItsOwnPurposeOffersThePlatformsDefaultAndEverythingItCanRead() {
    Tenant tenant = agency();

    assertThat(tenant.statesOwnSharingPurpose()).isFalse();
    assertThat(tenant.sharingPurpose()).isEqualTo("案件のご紹介と契約手続きのため");
    assertThat(tenant.sharingTerms().items())
        .containsExactly(
            SharedItem.PROFILE,
            SharedItem.SKILL_SHEET,
            SharedItem.EMAIL,
            SharedItem.AVAILABILITY,
            SharedItem.MESSAGES,
            SharedItem.CANDIDACY);
  }

  @Test
  void aStatedPurposeIsTrimmedPlainTextOfAtMost500CharactersAndNullGoesBackToTheDefault() {
    Tenant tenant = agency();

    tenant.stateSharingPurpose("  SES案件のご紹介のため \n");
    assertThat(tenant.sharingPurpose()).isEqualTo("SES案件のご紹介のため");
    assertThat(tenant.statesOwnSharingPurpose()).isTrue();

    assertThatThrownBy(() -> tenant.stateSharingPurpose("   "))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> tenant.stateSharingPurpose("目的\u0000"))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> tenant.stateSharingPurpose("あ".repeat(501)))
        .isInstanceOf(DomainException.InvalidValue.class);
    tenant.stateSharingPurpose("あ".repeat(500));
    // 500 characters, not 500 UTF-16 units: an emoji counts once.
    tenant.stateSharingPurpose("😀".repeat(500));

    tenant.stateSharingPurpose(null);
    assertThat(tenant.sharingPurpose()).isEqualTo(ConsentTerms.DEFAULT_PURPOSE);
  }

  @Test
  void aConsentKeepsThePurposeItWasGivenForWhenTheTenantChangesIts() {
    Tenant tenant = agency();
    tenant.stateSharingPurpose("案件のご紹介のため");
    Consent consent =
        Consent.give(
            "freelancer-1", tenant.id(), tenant.sharingTerms(), Consent.Channel.PORTAL, NOW);

    tenant.stateSharingPurpose("案件のご紹介と、匿名化した統計の作成のため");

    assertThat(consent.terms().purpose()).isEqualTo("案件のご紹介のため");
    assertThat(consent.terms().purposeDiffersFrom(tenant.sharingPurpose())).isTrue();
    assertThat(consent.terms().purposeDiffersFrom("案件のご紹介のため")).isFalse();
    // A consent older than the log stated no purpose: nothing to compare, nothing "changed".
    assertThat(new ConsentTerms(SharedItem.WHAT_A_TENANT_SEES, null).purposeDiffersFrom("x"))
        .isFalse();
  }

  @Test
  void entriesNameHowTheConsentWasGivenAndCarryItsTermsAsGiven() {
    UUID tenant = UUID.randomUUID();
    ConsentTerms terms = ConsentTerms.today("案件のご紹介のため");
    Consent first = Consent.give("f", tenant, terms, Consent.Channel.PORTAL, NOW);
    Consent invited = Consent.give("f", tenant, terms, Consent.Channel.INVITATION, NOW);

    ConsentEvent given = ConsentEvent.given(first, false);
    assertThat(given.kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
    assertThat(given.occurredAt()).isEqualTo(NOW);
    assertThat(given.tenantId()).isEqualTo(tenant);
    assertThat(given.freelancerSubject()).isEqualTo("f");
    assertThat(given.consentId()).isEqualTo(first.id());
    assertThat(given.terms()).isEqualTo(terms);
    assertThat(ConsentEvent.given(first, true).kind()).isEqualTo(ConsentEvent.Kind.GIVEN_AGAIN);
    // Through an invitation whether or not they had shared before.
    assertThat(ConsentEvent.given(invited, true).kind())
        .isEqualTo(ConsentEvent.Kind.GIVEN_BY_INVITATION);
    assertThat(ConsentEvent.Kind.GIVEN_BY_INVITATION.gives()).isTrue();
    assertThat(ConsentEvent.Kind.REVOKED.gives()).isFalse();
  }

  @Test
  void aRevocationIsLoggedAtItsTimeWithTheTermsItEndsAndOnlyOnceRevoked() {
    Consent consent =
        Consent.give(
            "f", UUID.randomUUID(), ConsentTerms.today("案件のご紹介のため"), Consent.Channel.PORTAL, NOW);
    assertThatThrownBy(() -> ConsentEvent.revoked(consent))
        .isInstanceOf(IllegalStateException.class);

    consent.revoke(NOW.plusSeconds(60));
    ConsentEvent revoked = ConsentEvent.revoked(consent);

    assertThat(revoked.kind()).isEqualTo(ConsentEvent.Kind.REVOKED);
    assertThat(revoked.occurredAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(revoked.terms().purpose()).isEqualTo("案件のご紹介のため");
  }

  @Test
  void onlyErasureAndTenantDeletionEndAConsentWithoutItsFreelancer() {
    Consent consent = Consent.give("f", UUID.randomUUID(), NOW);

    assertThat(ConsentEvent.ended(consent, ConsentEvent.Kind.ENDED_BY_TENANT_DELETION, NOW).kind())
        .isEqualTo(ConsentEvent.Kind.ENDED_BY_TENANT_DELETION);
    assertThatThrownBy(() -> ConsentEvent.ended(consent, ConsentEvent.Kind.REVOKED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void termsHaveAVersionThatChangesWithThePurposeAndAStaleOneIsRefusedWithTheCurrentTerms() {
    Tenant tenant = agency();
    String shown = tenant.sharingTerms().version();

    assertThat(shown).matches("[A-Za-z0-9_-]{12}");
    assertThat(agency().sharingTerms().version()).as("equal terms, equal version").isEqualTo(shown);
    assertThat(tenant.sharingTermsAsSeen(shown)).isEqualTo(tenant.sharingTerms());
    assertThat(tenant.sharingTermsAsSeen(null))
        .as("a caller that sends no version gets today's terms, as before")
        .isEqualTo(tenant.sharingTerms());

    tenant.stateSharingPurpose("自社案件のご紹介のため");
    String now = tenant.sharingTerms().version();
    assertThat(now).isNotEqualTo(shown);
    assertThatThrownBy(() -> tenant.sharingTermsAsSeen(shown))
        .isInstanceOfSatisfying(
            ConsentTermsChanged.class,
            changed -> {
              assertThat(changed.tenantSlug()).isEqualTo("minato");
              assertThat(changed.tenantName()).isEqualTo("みなと");
              assertThat(changed.current().purpose()).isEqualTo("自社案件のご紹介のため");
              assertThat(changed.current().version()).isEqualTo(now);
            });
    assertThat(tenant.sharingTermsAsSeen(now).purpose()).isEqualTo("自社案件のご紹介のため");

    tenant.stateSharingPurpose(null);
    assertThat(tenant.sharingTerms().version())
        .as("back to the default purpose, back to the version it was shown with")
        .isEqualTo(shown);
    assertThat(new ConsentTerms(java.util.List.of(SharedItem.PROFILE), "案件のご紹介と契約手続きのため").version())
        .as("what is shared is part of the version too")
        .isNotEqualTo(shown);
  }

  /** Versions already handed to browsers must keep their value: 9 bytes of SHA-256, base64url. */
  @Test
  void aTermsVersionKeepsItsValue() {
    ConsentTerms terms =
        new ConsentTerms(
            java.util.List.of(SharedItem.PROFILE, SharedItem.EMAIL), ConsentTerms.DEFAULT_PURPOSE);

    assertThat(terms.version()).isEqualTo("P2l8vzHcG5Td");
  }
}
