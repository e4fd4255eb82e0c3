package io.proxima.platform.audit;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long each tenant keeps its audit log, and the purge that enforces it. A tenant without a
 * setting, and the platform's own chain, keep {@code proxima.audit.retention.default-days}; nobody
 * goes below {@code proxima.audit.retention.minimum-days}, and that never below the schema's own
 * floor of 365 days.
 */
@ApplicationScoped
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  /** The floor V12__audit_chain.sql enforces in the audit_retention table and audit_purge(). */
  public static final int SCHEMA_MINIMUM_DAYS = 365;

  /** A hundred years: beyond that a number is a typo, not a policy. */
  public static final int MAXIMUM_DAYS = 36_500;

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  private final AuditLog audit;
  private final AuditChains chains;
  private final int minimumDays;
  private final int defaultDays;
  private final Clock clock = Clock.systemUTC();

  /** For the CDI client proxy only. */
  protected AuditRetention() {
    this.audit = null;
    this.chains = null;
    this.minimumDays = SCHEMA_MINIMUM_DAYS;
    this.defaultDays = SCHEMA_MINIMUM_DAYS;
  }

  @Inject
  public AuditRetention(
      AuditLog audit,
      AuditChains chains,
      @ConfigProperty(name = "proxima.audit.retention.minimum-days", defaultValue = "365")
          int minimumDays,
      @ConfigProperty(name = "proxima.audit.retention.default-days", defaultValue = "1825")
          int defaultDays) {
    this.audit = audit;
    this.chains = chains;
    this.minimumDays = Math.max(minimumDays, SCHEMA_MINIMUM_DAYS);
    this.defaultDays = Math.max(defaultDays, this.minimumDays);
    if (this.minimumDays != minimumDays || this.defaultDays != defaultDays) {
      LOG.warning(
          () ->
              "audit retention raised to minimum "
                  + this.minimumDays
                  + " days, default "
                  + this.defaultDays
                  + " days: configured values were below the floor");
    }
  }

  /** A tenant's retention: its own setting, or the platform default. */
  public record Setting(
      UUID tenantId,
      int keepDays,
      boolean platformDefault,
      int minimumDays,
      Instant changedAt,
      String changedBy) {}

  @Transactional
  public Setting of(UUID tenantId) {
    requireTenant(tenantId);
    return NativeSql.list(
            entityManager,
            "SELECT keep_days, changed_at, changed_by FROM audit_retention WHERE tenant_id = ?1",
            row ->
                new Setting(
                    tenantId,
                    row.integer("keep_days"),
                    false,
                    minimumDays,
                    row.instant("changed_at"),
                    row.string("changed_by")),
            tenantId)
        .stream()
        .findFirst()
        .orElseGet(() -> new Setting(tenantId, defaultDays, true, minimumDays, null, null));
  }

  /** Sets a tenant's retention; platform admins only (row-level security refuses anyone else). */
  @Transactional
  public Setting set(UUID tenantId, int keepDays) {
    if (keepDays < minimumDays || keepDays > MAXIMUM_DAYS) {
      throw new DomainException.InvalidValue(
          "keepDays", "keepDays must be between " + minimumDays + " and " + MAXIMUM_DAYS);
    }
    requireTenant(tenantId);
    Setting before = of(tenantId);
    String subject = TenancyContext.current().subject();
    entityManager
        .createNativeQuery(
            "INSERT INTO audit_retention (tenant_id, keep_days, changed_at, changed_by)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (tenant_id) DO UPDATE"
                + " SET keep_days = excluded.keep_days, changed_at = excluded.changed_at,"
                + " changed_by = excluded.changed_by")
        .setParameter(1, tenantId)
        .setParameter(2, keepDays)
        .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
        .setParameter(4, subject)
        .executeUpdate();
    audit.record(
        "audit.retention.changed",
        tenantId,
        tenantId.toString(),
        "keep_days " + before.keepDays() + " -> " + keepDays);
    return of(tenantId);
  }

  /**
   * Purges every chain the caller sees (all of them in the platform scope) to its retention; the
   * entries removed per chain, only chains that lost any. One transaction per chain.
   */
  public Map<String, Long> purgeExpired() {
    Map<String, Long> removed = new LinkedHashMap<>();
    for (AuditChains.Chain chain : chains.chains()) {
      int keep = chain.keepDays() == null ? defaultDays : Math.max(chain.keepDays(), minimumDays);
      long count = chains.purge(chain.key(), keep);
      if (count > 0) {
        removed.put(chain.key(), count);
      }
    }
    return removed;
  }

  public int defaultDays() {
    return defaultDays;
  }

  public int minimumDays() {
    return minimumDays;
  }

  private void requireTenant(UUID tenantId) {
    Number found =
        (Number)
            entityManager
                .createNativeQuery("SELECT count(*) FROM tenant WHERE id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
    if (found.longValue() == 0) {
      throw new DomainException.NotFound("no tenant " + tenantId);
    }
  }
}
