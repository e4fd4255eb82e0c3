package io.proxima.tenancy.infrastructure;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaTenantRepository() {
    this(null);
  }

  @Inject
  public JpaTenantRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Tenant> findById(UUID id) {
    return Optional.ofNullable(entityManager.find(Tenant.class, id));
  }

  @Override
  public Optional<Tenant> findBySlug(String slug) {
    return entityManager
        .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Tenant> findByHost(String host) {
    return entityManager
        .createQuery("select t from Tenant t join t.hostNames h where h = :host", Tenant.class)
        .setParameter("host", host)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean slugTaken(String slug) {
    return findBySlug(slug).isPresent();
  }

  @Override
  public List<String> hostsTakenByOthers(UUID tenantId, List<String> hosts) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select h from Tenant t join t.hostNames h where t.id <> :id and h in :hosts",
            String.class)
        .setParameter("id", tenantId)
        .setParameter("hosts", hosts)
        .getResultList();
  }

  @Override
  public void store(Tenant tenant) {
    if (!entityManager.contains(tenant)) {
      entityManager.persist(tenant);
    }
  }

  @Override
  public List<Tenant> listedAgencies(String text, int limit) {
    String pattern =
        "%"
            + text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return entityManager
        .createQuery(
            """
            select t from Tenant t
             where t.type = io.proxima.tenancy.domain.TenantType.AGENCY
               and t.status = io.proxima.tenancy.domain.TenantStatus.ACTIVE
               and (lower(t.displayName) like :pattern escape '\\'
                    or t.slug like :pattern escape '\\')
             order by t.displayName, t.slug
            """,
            Tenant.class)
        .setParameter("pattern", pattern)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Tenant> closedAndNotErased(java.time.Instant closedBy) {
    return entityManager
        .createQuery(
            "select t from Tenant t where t.status = io.proxima.tenancy.domain.TenantStatus.CLOSED"
                + " and t.closedAt <= :closedBy and t.personalDataErasedAt is null"
                + " order by t.closedAt",
            Tenant.class)
        .setParameter("closedBy", closedBy)
        .getResultList();
  }

  @Override
  public List<String> sharingWith(UUID tenantId) {
    return entityManager
        .createQuery(
            "select c.freelancerSubject from Consent c where c.tenantId = :tenant"
                + " and c.revokedAt is null",
            String.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> queueStaffIdentityRemoval(UUID tenantId) {
    return entityManager
        .createNativeQuery("SELECT queue_tenant_staff_removal(?1)")
        .setParameter(1, tenantId)
        .getResultList();
  }

  @Override
  public int erasePersonalData(UUID tenantId) {
    // The function changes rows this persistence context may hold (the tenant itself).
    entityManager.flush();
    int ended =
        ((Number)
                entityManager
                    .createNativeQuery("SELECT erase_tenant(?1)")
                    .setParameter(1, tenantId)
                    .getSingleResult())
            .intValue();
    entityManager.clear();
    return ended;
  }

  @Override
  public List<Tenant> all() {
    return entityManager
        .createQuery("select distinct t from Tenant t order by t.slug", Tenant.class)
        .getResultList();
  }

  @Override
  public List<Usage> usage() {
    // Runs in the platform scope: row-level security lets the console count every tenant.
    return NativeSql.list(
        entityManager,
        """
        SELECT t.id AS tenant,
               (SELECT count(*) FROM membership m WHERE m.tenant_id = t.id) AS members,
               (SELECT count(*) FROM company_workspace w WHERE w.tenant_id = t.id) AS workspaces,
               (SELECT count(*) FROM consent c
                 WHERE c.tenant_id = t.id AND c.revoked_at IS NULL) AS sharing_freelancers
          FROM tenant t
        """,
        row ->
            new Usage(
                row.uuid("tenant"),
                row.count("members"),
                row.count("workspaces"),
                row.count("sharing_freelancers")));
  }
}
