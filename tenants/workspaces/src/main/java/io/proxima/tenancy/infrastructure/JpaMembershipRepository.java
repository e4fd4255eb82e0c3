package io.proxima.tenancy.infrastructure;

import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

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
  public void store(Membership membership) {
    if (!entityManager.contains(membership)) {
      entityManager.persist(membership);
    }
  }
}
