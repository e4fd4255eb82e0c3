package io.proxima.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.identity.domain.IdentityClaims;
import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.infrastructure.JpaUserAccountRepository;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.privacy.application.StaffIdentityRemovals;
import io.proxima.privacy.domain.IdentityAccounts;
import io.proxima.privacy.domain.PendingIdentityRemovals;
import io.proxima.privacy.infrastructure.JpaPendingIdentityRemovals;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentChanged;
import io.proxima.tenancy.domain.ConsentEvent;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRole;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantStatus;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaConsentLog;
import io.proxima.tenancy.infrastructure.JpaConsentRepository;
import io.proxima.tenancy.infrastructure.JpaMembershipRepository;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A closed tenant's deletion on a real PostgreSQL: not before its retention period; then its staff
 * and what it held about people are gone, its consents ended and logged in each freelancer's log,
 * the freelancers' accounts untouched, and the tenant cannot come back. Only the platform may run
 * it.
 */
class TenantDeletionsOnPostgresTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
  private static final TenancyContext PLATFORM = TenancyContext.platform("system:test");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
  private final JpaConsentLog log = new JpaConsentLog(kit.entityManager());
  private final JpaMembershipRepository memberships =
      new JpaMembershipRepository(kit.entityManager());
  private final JpaUserAccountRepository accounts =
      new JpaUserAccountRepository(kit.entityManager());
  private final List<ConsentChanged> changed = new CopyOnWriteArrayList<>();
  private final TenantDeletions deletions = new TenantDeletions(tenants, recording(changed), 90);

  private final String freelancer = "freelancer-" + UUID.randomUUID();
  private final String staff = "staff-" + UUID.randomUUID();

  @Test
  void aClosedTenantIsErasedAfterItsRetentionPeriodAndItsFreelancersKeepEverythingOfTheirs() {
    Tenant tenant = agency();
    Tenant other = agency();
    kit.in(
        context(tenant, staff),
        () ->
            memberships.store(
                Membership.grant(
                    staff, staff + "@example.jp", "Staff", TenantRole.AGENCY_ADMIN, null, NOW)));
    kit.in(
        TenancyContext.self(freelancer),
        () ->
            accounts.storeIfAbsent(
                UserAccount.firstSeen(
                    new IdentityClaims(freelancer, freelancer, freelancer + "@example.jp", "Ken"),
                    NOW)));
    share(tenant);
    share(other);
    // Staff of this tenant and another one, and staff who is also a freelancer: both stay in
    // Keycloak; only the one whose only membership is this tenant leaves.
    String shared = "staff-shared-" + UUID.randomUUID();
    grant(tenant, shared);
    grant(other, shared);
    grant(tenant, freelancer);

    close(tenant);
    Instant closedAt =
        kit.in(PLATFORM, () -> tenants.findById(tenant.id()).orElseThrow())
            .closedAt()
            .orElseThrow();
    assertThat(kit.in(PLATFORM, () -> deletions.due(closedAt.plus(Duration.ofDays(89)))))
        .doesNotContain(tenant.id());
    assertThat(kit.in(PLATFORM, () -> deletions.due(closedAt.plus(Duration.ofDays(90)))))
        .contains(tenant.id())
        .doesNotContain(other.id());

    TenantDeletions.Erased erased = kit.in(PLATFORM, () -> deletions.erase(tenant.id()));

    assertThat(erased.consentsEnded()).isOne();
    assertThat(erased.staffLeaving()).containsExactly(staff);
    assertThat(
            rows(
                "SELECT count(*) FROM identity_removal WHERE removed_at IS NULL"
                    + " AND keycloak_subject IN (SELECT member_subject FROM membership"
                    + " WHERE tenant_id = ?)",
                other.id()))
        .as("the shared staff is not queued")
        .isZero();
    assertThat(kit.in(PLATFORM, () -> tenants.queueStaffIdentityRemoval(tenant.id())))
        .as("repeated, nothing more to queue")
        .isEmpty();
    assertThat(changed).containsExactly(new ConsentChanged(freelancer, tenant.id(), false));
    assertThat(rows("SELECT count(*) FROM membership WHERE tenant_id = ?", tenant.id())).isZero();
    assertThat(
            rows(
                "SELECT count(*) FROM consent WHERE tenant_id = ? AND revoked_at IS NULL",
                tenant.id()))
        .isZero();
    // The freelancer: their log says the consent ended with the tenant, their other consent and
    // their account stay.
    List<ConsentEvent> mine =
        kit.in(TenancyContext.self(freelancer), () -> log.ofFreelancer(freelancer, 10));
    assertThat(mine.get(0).kind()).isEqualTo(ConsentEvent.Kind.ENDED_BY_TENANT_DELETION);
    assertThat(mine.get(0).tenantId()).isEqualTo(tenant.id());
    assertThat(mine.get(0).terms().purpose()).isEqualTo("案件のご紹介と契約手続きのため");
    assertThat(
            kit.in(
                TenancyContext.self(freelancer),
                () -> consents.activeConsent(freelancer, other.id())))
        .isPresent();
    assertThat(kit.in(TenancyContext.self(freelancer), () -> accounts.findBySubject(freelancer)))
        .isPresent();

    Tenant after = kit.in(PLATFORM, () -> tenants.findById(tenant.id()).orElseThrow());
    assertThat(after.status()).isEqualTo(TenantStatus.CLOSED);
    assertThat(after.personalDataErasedAt()).isPresent();
    assertThat(kit.in(PLATFORM, () -> deletions.due(closedAt.plus(Duration.ofDays(365)))))
        .doesNotContain(tenant.id());
    assertThatThrownBy(() -> kit.in(PLATFORM, () -> after.resume(NOW)))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(
            rows(
                "SELECT count(*) FROM audit_event WHERE tenant_id = ?"
                    + " AND action = 'tenant.personal-data-erased'",
                tenant.id()))
        .isOne();
  }

  @Test
  void staffKeycloakDidNotTakeStayQueuedAndTheRetriesRemoveThemLater() {
    Tenant tenant = agency();
    grant(tenant, staff);
    close(tenant);
    TenantDeletions.Erased erased = kit.in(PLATFORM, () -> deletions.erase(tenant.id()));
    assertThat(erased.staffLeaving()).containsExactly(staff);

    // Keycloak is down after the commit: the erasure stands, the removal stays queued.
    List<String> asked = new CopyOnWriteArrayList<>();
    StaffIdentityRemovals whileDown =
        new StaffIdentityRemovals(
            pending(),
            subject -> {
              asked.add(subject);
              throw new IdentityAccounts.Unavailable("Keycloak did not answer", null);
            });
    assertThat(whileDown.remove(erased.staffLeaving())).isZero();
    assertThat(asked).containsExactly(staff);
    assertThat(pending().awaiting(10_000)).contains(staff);

    // A later run (after a restart: nothing in memory) finds it in the table and removes it.
    List<String> removed = new CopyOnWriteArrayList<>();
    StaffIdentityRemovals afterRestart = new StaffIdentityRemovals(pending(), removed::add);
    assertThat(afterRestart.retry(10_000)).isPositive();
    assertThat(removed).contains(staff);
    assertThat(pending().awaiting(10_000)).doesNotContain(staff);
  }

  /** The queue on the test's PostgreSQL, each call in its own transaction as in the server. */
  private PendingIdentityRemovals pending() {
    JpaPendingIdentityRemovals table = new JpaPendingIdentityRemovals(kit.entityManager());
    return new PendingIdentityRemovals() {
      @Override
      public List<String> awaiting(int limit) {
        return kit.in(PLATFORM, () -> table.awaiting(limit));
      }

      @Override
      public void removed(String subject, Instant at) {
        kit.in(
            PLATFORM,
            () -> {
              table.removed(subject, at);
              return null;
            });
      }
    };
  }

  @Test
  void onlyAClosedTenantAndOnlyThePlatformMayBeErased() {
    Tenant open = agency();

    assertThatThrownBy(() -> kit.in(PLATFORM, () -> deletions.erase(open.id())))
        .isInstanceOf(DomainException.Conflict.class);
    close(open);
    assertThatThrownBy(
            () ->
                kit.in(
                    context(open, staff),
                    () ->
                        kit.entityManager()
                            .createNativeQuery("SELECT erase_tenant(?1)")
                            .setParameter(1, open.id())
                            .getSingleResult()))
        .hasStackTraceContaining("only the platform may erase a tenant");
  }

  private void grant(Tenant tenant, String subject) {
    kit.in(
        context(tenant, subject),
        () ->
            memberships.store(
                Membership.grant(
                    subject, subject + "@example.jp", "Staff", TenantRole.RECRUITER, null, NOW)));
  }

  private Tenant agency() {
    String slug = "d" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named("みなと " + slug), Plan.FREE, NOW);
    kit.in(PLATFORM, () -> tenants.store(tenant));
    return tenant;
  }

  private void close(Tenant tenant) {
    kit.in(PLATFORM, () -> tenants.findById(tenant.id()).orElseThrow().close(Instant.now()));
  }

  private void share(Tenant tenant) {
    kit.in(
        TenancyContext.self(freelancer),
        () -> {
          Consent consent =
              Consent.give(
                  freelancer,
                  tenant.id(),
                  tenant.sharingTerms(),
                  Consent.Channel.PORTAL,
                  Instant.now());
          consents.store(consent);
          log.append(ConsentEvent.given(consent, false));
        });
  }

  private static TenancyContext context(Tenant tenant, String subject) {
    return TenancyContext.tenant(tenant.id(), tenant.slug().value(), subject);
  }

  private long rows(String sql, UUID tenantId) {
    try (Connection owner = kit.superuserDataSource().getConnection();
        PreparedStatement query = owner.prepareStatement(sql)) {
      query.setObject(1, tenantId);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> Event<T> recording(List<T> fired) {
    return new Event<>() {
      @Override
      public void fire(T event) {
        fired.add(event);
      }

      @Override
      public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Event<T> select(Annotation... qualifiers) {
        return this;
      }

      @Override
      public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
