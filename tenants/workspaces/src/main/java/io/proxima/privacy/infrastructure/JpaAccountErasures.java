package io.proxima.privacy.infrastructure;

import io.proxima.platform.logging.LogContext;
import io.proxima.privacy.domain.AccountErasures;
import io.proxima.privacy.domain.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Native SQL where SQL is the point: one security-definer function erases the freelancer from every
 * table under row-level security (V71), which no mapped entity of the caller's scope could.
 */
@ApplicationScoped
public class JpaAccountErasures implements AccountErasures {

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public String erase(String subject) {
    // Entities of this person already loaded in the persistence context must not be flushed back
    // over the erased rows.
    entityManager.flush();
    entityManager.clear();
    return (String)
        entityManager
            .createNativeQuery("SELECT erase_freelancer(?1, ?2)")
            .setParameter(1, subject)
            .setParameter(2, LogContext.requestId().orElse(""))
            .getSingleResult();
  }

  @Override
  @Transactional
  public boolean isErased(String subject) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM erasure_ledger WHERE pseudonym = ?1")
        .setParameter(1, Pseudonyms.of(subject))
        .getResultList()
        .isEmpty();
  }

  @Override
  @Transactional
  public void identityRemoved(String pseudonym, Instant at) {
    entityManager
        .createNativeQuery(
            "UPDATE erasure_ledger SET identity_removed_at = ?1"
                + " WHERE pseudonym = ?2 AND identity_removed_at IS NULL")
        .setParameter(1, at)
        .setParameter(2, pseudonym)
        .executeUpdate();
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> awaitingIdentityRemoval(int limit) {
    // The tombstone account keeps the subject; the ledger only its pseudonym.
    return entityManager
        .createNativeQuery(
            "SELECT u.keycloak_subject FROM erasure_ledger l"
                + " JOIN user_account u ON erasure_pseudonym(u.keycloak_subject) = l.pseudonym"
                + " WHERE l.identity_removed_at IS NULL ORDER BY l.erased_at LIMIT ?1")
        .setParameter(1, limit)
        .getResultList();
  }
}
