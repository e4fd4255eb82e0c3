package io.proxima.tenancy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentEvent;
import io.proxima.tenancy.domain.ConsentTerms;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consent-and-purpose log on a real PostgreSQL under row-level security: the freelancer reads
 * all of their entries, a tenant only those about itself, nobody else any; entries are never
 * changed or deleted, by the application role or by the schema owner, except by the person's own
 * erasure, which leaves each tenant they still shared with one pseudonymous entry of the end.
 */
class ConsentLogStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
  private final JpaConsentLog log = new JpaConsentLog(kit.entityManager());

  private final String freelancer = "freelancer-" + UUID.randomUUID();

  @Test
  void theFreelancerReadsEveryEntryATenantOnlyItsOwnAndNobodyElseAny() {
    Tenant a = agency("案件のご紹介のため");
    Tenant b = agency("案件のご紹介と契約手続きのため");
    share(a);
    share(b);
    revoke(a);

    List<ConsentEvent> mine =
        kit.in(TenancyContext.self(freelancer), () -> log.ofFreelancer(freelancer, 100));
    assertThat(mine)
        .extracting(ConsentEvent::kind)
        .containsExactly(
            ConsentEvent.Kind.REVOKED, ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.GIVEN);
    assertThat(mine.get(0).terms().purpose()).isEqualTo("案件のご紹介のため");

    // Tenant A's staff: A's entries only, whichever way they ask.
    TenancyContext staffOfA = TenancyContext.tenant(a.id(), a.slug().value(), "staff-of-a");
    assertThat(kit.in(staffOfA, () -> log.ofCurrentTenant(100)))
        .extracting(ConsentEvent::tenantId)
        .containsOnly(a.id())
        .hasSize(2);
    assertThat(kit.in(staffOfA, () -> log.ofFreelancer(freelancer, 100)))
        .extracting(ConsentEvent::tenantId)
        .containsOnly(a.id());
    assertThat(countAs(staffOfA, b.id())).isZero();
    // Tenant B's staff do not see the freelancer's entries about A.
    TenancyContext staffOfB = TenancyContext.tenant(b.id(), b.slug().value(), "staff-of-b");
    assertThat(kit.in(staffOfB, () -> log.ofFreelancer(freelancer, 100)))
        .extracting(ConsentEvent::tenantId)
        .containsOnly(b.id())
        .hasSize(1);
    assertThat(countAs(staffOfB, a.id())).isZero();
    // A third tenant, another person: nothing.
    Tenant c = agency(null);
    assertThat(
            kit.in(
                TenancyContext.tenant(c.id(), c.slug().value(), "staff-of-c"),
                () -> log.ofFreelancer(freelancer, 100)))
        .isEmpty();
    assertThat(kit.in(TenancyContext.self("someone-else"), () -> log.ofFreelancer(freelancer, 100)))
        .isEmpty();
  }

  @Test
  void staffCannotWriteAnEntryInAFreelancersName() {
    Tenant a = agency(null);
    Consent consent = share(a);

    assertThatThrownBy(
            () ->
                kit.in(
                    TenancyContext.tenant(a.id(), a.slug().value(), "staff-of-a"),
                    () -> log.append(ConsentEvent.given(consent, true))))
        .hasStackTraceContaining("row-level security");
  }

  @Test
  void entriesAreNeverChangedOrDeletedByTheApplicationNorByTheSchemaOwner() throws SQLException {
    Tenant a = agency("案件のご紹介のため");
    share(a);

    try (Connection app = kit.applicationDataSource().getConnection();
        Statement sql = app.createStatement()) {
      sql.execute("SET app.subject = '" + freelancer + "'");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "UPDATE consent_event SET purpose = 'rewritten' WHERE freelancer_subject = '"
                          + freelancer
                          + "'"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "DELETE FROM consent_event WHERE freelancer_subject = '" + freelancer + "'"))
          .hasMessageContaining("permission denied");
    }
    String update =
        "UPDATE consent_event SET purpose = 'rewritten' WHERE freelancer_subject = '"
            + freelancer
            + "'";
    String delete = "DELETE FROM consent_event WHERE freelancer_subject = '" + freelancer + "'";
    // The owner: row-level security gives it no row to change (no update or delete policy).
    try (Connection owner = kit.ownerDataSource().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute("SET app.scope = 'platform'");
      assertThat(sql.executeUpdate(update)).isZero();
      assertThat(sql.executeUpdate(delete)).isZero();
    }
    // Past row-level security (the superuser), the table itself refuses.
    try (Connection superuser = kit.superuserDataSource().getConnection();
        Statement sql = superuser.createStatement()) {
      assertThatThrownBy(() -> sql.executeUpdate(update)).hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.executeUpdate(delete)).hasMessageContaining("append-only");
      // The erasure flag opens deletes inside erase_freelancer(), never updates.
      sql.execute("SET proxima.erasure = 'on'");
      assertThatThrownBy(() -> sql.executeUpdate(update)).hasMessageContaining("append-only");
      sql.execute("SET proxima.erasure = 'off'");
      assertThatThrownBy(() -> sql.execute("TRUNCATE consent_event"))
          .hasMessageContaining("append-only");
    }
    assertThat(
            kit.in(TenancyContext.self(freelancer), () -> log.ofFreelancer(freelancer, 10))
                .get(0)
                .terms()
                .purpose())
        .isEqualTo("案件のご紹介のため");
  }

  @Test
  void theFreelancersErasureTakesTheirEntriesAndLeavesEachTenantStillSharedWithAPseudonymousEnd()
      throws SQLException {
    Tenant still = agency("案件のご紹介のため");
    Tenant stopped = agency(null);
    share(still);
    share(stopped);
    revoke(stopped);

    String pseudonym =
        kit.in(
            TenancyContext.self(freelancer),
            () ->
                (String)
                    kit.entityManager()
                        .createNativeQuery("SELECT erase_freelancer(?1, NULL)")
                        .setParameter(1, freelancer)
                        .getSingleResult());

    assertThat(kit.in(TenancyContext.self(freelancer), () -> log.ofFreelancer(freelancer, 10)))
        .isEmpty();
    List<String> left = new ArrayList<>();
    try (Connection owner = kit.ownerDataSource().getConnection();
        PreparedStatement query =
            owner.prepareStatement(
                "SELECT tenant_id, freelancer_subject, kind, purpose FROM consent_event"
                    + " WHERE tenant_id IN (?, ?) ORDER BY occurred_at")) {
      owner.createStatement().execute("SET app.scope = 'platform'");
      query.setObject(1, still.id());
      query.setObject(2, stopped.id());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          left.add(
              rows.getObject(1, UUID.class).equals(still.id())
                  + " "
                  + rows.getString(2)
                  + " "
                  + rows.getString(3)
                  + " "
                  + rows.getString(4));
        }
      }
    }
    assertThat(left).containsExactly("true erased:" + pseudonym + " ENDED_BY_ERASURE 案件のご紹介のため");
    TenancyContext staff = TenancyContext.tenant(still.id(), still.slug().value(), "staff");
    assertThat(kit.in(staff, () -> log.ofCurrentTenant(10)))
        .singleElement()
        .extracting(ConsentEvent::kind)
        .isEqualTo(ConsentEvent.Kind.ENDED_BY_ERASURE);
  }

  private Tenant agency(String purpose) {
    String slug = "c" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named("みなと " + slug), Plan.FREE, NOW);
    tenant.stateSharingPurpose(purpose);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }

  /** What {@code Consents.give} does in the freelancer's request. */
  private Consent share(Tenant tenant) {
    return kit.in(
        TenancyContext.self(freelancer),
        () -> {
          boolean before =
              consents.ofFreelancer(freelancer).stream()
                  .anyMatch(earlier -> earlier.tenantId().equals(tenant.id()));
          Consent consent =
              Consent.give(
                  freelancer,
                  tenant.id(),
                  ConsentTerms.today(tenant.sharingPurpose()),
                  Consent.Channel.PORTAL,
                  Instant.now());
          consents.store(consent);
          log.append(ConsentEvent.given(consent, before));
          return consent;
        });
  }

  private void revoke(Tenant tenant) {
    kit.in(
        TenancyContext.self(freelancer),
        () -> {
          Consent consent = consents.activeConsent(freelancer, tenant.id()).orElseThrow();
          consent.revoke(Instant.now());
          log.append(ConsentEvent.revoked(consent));
        });
  }

  private long countAs(TenancyContext context, UUID tenantId) {
    return kit.in(
        context,
        () ->
            ((Number)
                    kit.entityManager()
                        .createNativeQuery(
                            "SELECT count(*) FROM consent_event WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getSingleResult())
                .longValue());
  }
}
