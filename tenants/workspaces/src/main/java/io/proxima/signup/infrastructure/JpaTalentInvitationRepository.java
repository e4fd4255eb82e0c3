package io.proxima.signup.infrastructure;

import io.proxima.signup.domain.TalentInvitation;
import io.proxima.signup.domain.TalentInvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Filtered by Hibernate's tenant id and by row-level security: never another tenant's rows. */
@ApplicationScoped
public class JpaTalentInvitationRepository implements TalentInvitationRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaTalentInvitationRepository() {
    this(null);
  }

  @Inject
  public JpaTalentInvitationRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void store(TalentInvitation invitation) {
    entityManager.persist(invitation);
  }

  @Override
  public Optional<TalentInvitation> findById(UUID id) {
    return entityManager
        .createQuery("select i from TalentInvitation i where i.id = :id", TalentInvitation.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<TalentInvitation> findByTokenHash(String tokenHash) {
    return entityManager
        .createQuery(
            "select i from TalentInvitation i where i.tokenHash = :hash", TalentInvitation.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<TalentInvitation> findPendingTo(String email) {
    return entityManager
        .createQuery(
            "select i from TalentInvitation i where lower(i.email) = lower(:email)"
                + " and i.status = io.proxima.signup.domain.TalentInvitation.Status.PENDING",
            TalentInvitation.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TalentInvitation> answerableTo(String email, Instant now, int limit) {
    return entityManager
        .createQuery(
            "select i from TalentInvitation i where lower(i.email) = lower(:email)"
                + " and i.status = io.proxima.signup.domain.TalentInvitation.Status.PENDING"
                + " and i.expiresAt > :now order by i.invitedAt desc",
            TalentInvitation.class)
        .setParameter("email", email.strip())
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<TalentInvitation> all(int limit) {
    return entityManager
        .createQuery(
            "select i from TalentInvitation i order by i.invitedAt desc", TalentInvitation.class)
        .setMaxResults(limit)
        .getResultList();
  }
}
