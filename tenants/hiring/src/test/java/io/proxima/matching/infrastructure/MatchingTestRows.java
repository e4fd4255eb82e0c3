package io.proxima.matching.infrastructure;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Tenants and rows arranged as the database owner for the matching repository tests. */
final class MatchingTestRows {

  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private final PersistenceTestKit kit;

  MatchingTestRows(PersistenceTestKit kit) {
    this.kit = kit;
  }

  Tenant register() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }

  <T> T in(Tenant tenant, Supplier<T> work) {
    return kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  void in(Tenant tenant, Runnable work) {
    kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  /** A candidate card as the owner's triggers would write it for a freelancer sharing. */
  void card(Tenant tenant, String subject, String title, String[] skills, Instant updatedAt) {
    card(tenant, subject, title, skills, "REMOTE", updatedAt);
  }

  void card(
      Tenant tenant,
      String subject,
      String title,
      String[] skills,
      String workStyle,
      Instant updatedAt) {
    StringBuilder years = new StringBuilder("{");
    for (String skill : skills) {
      years.append(years.length() > 1 ? "," : "").append('"').append(skill).append("\": 5");
    }
    years.append('}');
    execute(
        "INSERT INTO candidate_card (tenant_id, freelancer_subject, display_name, title,"
            + " skill_names, skill_years, desired_rate_min_yen, desired_rate_max_yen, desired_days,"
            + " desired_work_style, locations, status, search_vector, shared_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 600000, 700000, 5, ?, '{東京}',"
            + " 'AVAILABLE', to_tsvector('simple', ?), ?, ?)",
        tenant.id(),
        subject,
        subject,
        title,
        skills,
        years.toString(),
        workStyle,
        title.toLowerCase(java.util.Locale.ROOT),
        Timestamp.from(updatedAt),
        Timestamp.from(updatedAt));
  }

  void execute(String sql, Object... parameters) {
    executeIn(null, sql, parameters);
  }

  /** As the owner, with the tenant set for the row-level security the owner is held to too. */
  void executeIn(Tenant tenant, String sql, Object... parameters) {
    try (Connection c = kit.ownerDataSource().getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      if (tenant != null) {
        try (PreparedStatement set =
            c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
          set.setString(1, tenant.id().toString());
          set.execute();
        }
      }
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof String[] array) {
          statement.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          statement.setObject(i + 1, p);
        }
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
