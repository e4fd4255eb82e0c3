package io.proxima.tenancy.infrastructure;

import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

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
  public List<Tenant> all() {
    return entityManager
        .createQuery("select distinct t from Tenant t order by t.slug", Tenant.class)
        .getResultList();
  }

  @Override
  public List<Usage> usage() {
    // Runs in the platform scope: row-level security lets the console count every tenant.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                """
                SELECT t.id,
                       (SELECT count(*) FROM membership m WHERE m.tenant_id = t.id),
                       (SELECT count(*) FROM company_workspace w WHERE w.tenant_id = t.id),
                       (SELECT count(*) FROM consent c
                         WHERE c.tenant_id = t.id AND c.revoked_at IS NULL)
                  FROM tenant t
                """)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Usage(
                    (UUID) row[0],
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()))
        .toList();
  }
}
