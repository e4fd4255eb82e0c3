package io.proxima.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenancyDomainTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"acme", "tech-agent-01", "a1b"})
  void acceptsSlugsThatFitAHostName(String slug) {
    assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ab", "Acme", "-acme", "acme-", "ac--me", "アクメ", "acme.jp", "admin", "api"})
  void refusesSlugsThatAreMalformedOrReserved(String slug) {
    assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void brandingDefaultsColoursAndNormalisesHosts() {
    Branding branding =
        new Branding(
            " 株式会社テック ", null, null, "#AABBCC", List.of("Jobs.Example.JP", "jobs.example.jp"));

    assertThat(branding.displayName()).isEqualTo("株式会社テック");
    assertThat(branding.primaryColor()).isEqualTo(Branding.DEFAULT_PRIMARY);
    assertThat(branding.accentColor()).isEqualTo("#aabbcc");
    assertThat(branding.hostNames()).containsExactly("jobs.example.jp");
  }

  @Test
  void brandingRefusesHostileValues() {
    assertThatThrownBy(() -> new Branding("x", null, "red;}</style>", null, List.of()))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Branding("x", "javascript:alert(1)", null, null, List.of()))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () -> new Branding("x", "https://user@evil.example/logo.png", null, null, List.of()))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Branding("x", null, null, null, List.of("evil host")))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Branding(" ", null, null, null, List.of()))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void suspendAndResumeKeepTheTenantAndRecordWhen() {
    Tenant tenant =
        Tenant.register(
            new TenantSlug("acme"), TenantType.AGENCY, Branding.named("Acme"), Plan.FREE, NOW);

    tenant.suspend(NOW.plusSeconds(60));

    assertThat(tenant.isActive()).isFalse();
    assertThat(tenant.statusChangedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThatThrownBy(() -> tenant.suspend(NOW)).isInstanceOf(DomainException.Conflict.class);

    tenant.resume(NOW.plusSeconds(120));

    assertThat(tenant.isActive()).isTrue();
    assertThatThrownBy(() -> tenant.resume(NOW)).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void rebrandingReplacesHostNames() {
    Tenant tenant =
        Tenant.register(
            new TenantSlug("acme"),
            TenantType.AGENCY,
            new Branding("Acme", null, null, null, List.of("a.example.jp")),
            Plan.STANDARD,
            NOW);

    tenant.rebrand(new Branding("Acme 2", null, "#101010", null, List.of("b.example.jp")));

    assertThat(tenant.branding().hostNames()).containsExactly("b.example.jp");
    assertThat(tenant.branding().primaryColor()).isEqualTo("#101010");
  }

  @Test
  void agencyRolesHaveNoWorkspace() {
    assertThatThrownBy(
            () ->
                Membership.grant(
                    "sub", "a@example.jp", "A", TenantRole.RECRUITER, UUID.randomUUID(), NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThat(
            Membership.grant(
                    "sub", "a@example.jp", "A", TenantRole.COMPANY_MEMBER, UUID.randomUUID(), NOW)
                .role())
        .isEqualTo(TenantRole.COMPANY_MEMBER);
  }

  @Test
  void rolesTravelByTheirWireNames() {
    for (TenantRole role : TenantRole.values()) {
      assertThat(TenantRole.fromWireName(role.wireName())).isEqualTo(role);
    }
    assertThat(TenantRole.AGENCY_ADMIN.wireName()).isEqualTo("agency-admin");
  }

  @Test
  void revokedConsentStaysAsHistory() {
    Consent consent = Consent.give("freelancer", UUID.randomUUID(), NOW);

    consent.revoke(NOW.plusSeconds(5));
    consent.revoke(NOW.plusSeconds(50));

    assertThat(consent.isActive()).isFalse();
    assertThat(consent.revokedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void plansHaveIncreasingLimits() {
    assertThat(Plan.FREE.seats()).isLessThan(Plan.STANDARD.seats());
    assertThat(Plan.fromWireName("enterprise")).isEqualTo(Plan.ENTERPRISE);
    assertThatThrownBy(() -> Plan.fromWireName("gold"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
