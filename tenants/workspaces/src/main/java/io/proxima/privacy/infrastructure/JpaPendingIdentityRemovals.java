package io.proxima.privacy.infrastructure;

import io.proxima.privacy.domain.PendingIdentityRemovals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The queue in {@code identity_removal} (V75). */
@ApplicationScoped
public class JpaPendingIdentityRemovals implements PendingIdentityRemovals {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaPendingIdentityRemovals() {
    this(null);
  }

  @Inject
  public JpaPendingIdentityRemovals(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> awaiting(int limit) {
    return entityManager
        .createNativeQuery(
            "SELECT keycloak_subject FROM identity_removal WHERE removed_at IS NULL"
                + " ORDER BY queued_at LIMIT ?1")
        .setParameter(1, limit)
        .getResultList();
  }

  @Override
  @Transactional
  public void removed(String subject, Instant at) {
    entityManager
        .createNativeQuery(
            "UPDATE identity_removal SET removed_at = ?1"
                + " WHERE keycloak_subject = ?2 AND removed_at IS NULL")
        .setParameter(1, at)
        .setParameter(2, subject)
        .executeUpdate();
  }
}
