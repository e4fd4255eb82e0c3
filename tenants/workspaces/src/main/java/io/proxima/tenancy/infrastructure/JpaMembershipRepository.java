package io.proxima.tenancy.infrastructure;

import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaMembershipRepository implements MembershipRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaMembershipRepository() {
    this(null);
  }

  @Inject
  public JpaMembershipRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Membership> findBySubject(String subject) {
    return findAnyBySubject(subject).filter(Membership::isActive);
  }

  @Override
  public Optional<Membership> findAnyBySubject(String subject) {
    return entityManager
        .createQuery(
            "select m from Membership m where m.memberSubject = :subject", Membership.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void remove(Membership membership) {
    entityManager.remove(membership);
  }

  @Override
  public List<Membership> members() {
    return entityManager
        .createQuery("select m from Membership m order by m.createdAt", Membership.class)
        .getResultList();
  }

  @Override
  public long countMembers() {
    return entityManager
        .createQuery("select count(m) from Membership m", Long.class)
        .getSingleResult();
  }

  @Override
  public List<Membership> ofSubject(String subject) {
    // Outside a tenant Hibernate filters by a tenant no row has; the person's own memberships
    // across tenants are read natively and bounded by row-level security (member_subject = caller).
    @SuppressWarnings("unchecked")
    List<Membership> rows =
        entityManager
            .createNativeQuery(
                "SELECT * FROM membership WHERE member_subject = ?1 ORDER BY created_at",
                Membership.class)
            .setParameter(1, subject)
            .getResultList();
    return rows;
  }

  @Override
  public Optional<Membership> findById(UUID id) {
    return Optional.ofNullable(entityManager.find(Membership.class, id));
  }

  @Override
  public Optional<Membership> findByInvitationTokenHash(String tokenHash) {
    return entityManager
        .createQuery(
            "select m from Membership m where m.invitationTokenHash = :hash", Membership.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Membership> firstAdministratorOf(UUID tenantId) {
    // Read natively for the same reason as ofSubject: the console is in no tenant.
    @SuppressWarnings("unchecked")
    List<Membership> rows =
        entityManager
            .createNativeQuery(
                "SELECT * FROM membership WHERE tenant_id = ?1"
                    + " AND role IN ('agency-admin', 'company-admin')"
                    + " ORDER BY created_at, id LIMIT 1",
                Membership.class)
            .setParameter(1, tenantId)
            .getResultList();
    return rows.stream().findFirst();
  }

  @Override
  public List<Membership> activeAdministratorsOf(UUID tenantId) {
    @SuppressWarnings("unchecked")
    List<Membership> rows =
        entityManager
            .createNativeQuery(
                "SELECT * FROM membership WHERE tenant_id = ?1 AND status = 'ACTIVE'"
                    + " AND role IN ('agency-admin', 'company-admin') ORDER BY created_at, id",
                Membership.class)
            .setParameter(1, tenantId)
            .getResultList();
    return rows;
  }

  @Override
  public long countActive(TenantRole role) {
    return entityManager
        .createQuery(
            "select count(m) from Membership m where m.role = :role and m.status = :active",
            Long.class)
        .setParameter("role", role)
        .setParameter("active", Membership.Status.ACTIVE)
        .getSingleResult();
  }

  @Override
  public void store(Membership membership) {
    if (!entityManager.contains(membership)) {
      entityManager.persist(membership);
    }
  }
}
