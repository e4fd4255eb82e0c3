package io.proxima.jobs.infrastructure;

import io.proxima.jobs.domain.SavedSearch;
import io.proxima.jobs.domain.SavedSearchRepository;
import io.proxima.platform.persistence.RacedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved searches through Hibernate; row-level security adds the owner condition. */
@ApplicationScoped
public class JpaSavedSearchRepository implements SavedSearchRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaSavedSearchRepository() {
    this(null);
  }

  @Inject
  public JpaSavedSearchRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public List<SavedSearch> own(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select s from SavedSearch s where s.freelancerSubject = :subject"
                + " order by s.createdAt desc, s.id",
            SavedSearch.class)
        .setParameter("subject", freelancerSubject)
        .getResultList();
  }

  @Override
  public Optional<SavedSearch> find(UUID id) {
    return Optional.ofNullable(entityManager.find(SavedSearch.class, id));
  }

  @Override
  public int count(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select count(s) from SavedSearch s where s.freelancerSubject = :subject", Long.class)
        .setParameter("subject", freelancerSubject)
        .getSingleResult()
        .intValue();
  }

  @Override
  public boolean store(SavedSearch search) {
    // Asked before the change is written, so a taken name is an answer, not a failed statement.
    boolean taken =
        entityManager
                .createQuery(
                    "select count(s) from SavedSearch s where s.freelancerSubject = :subject"
                        + " and s.name = :name and s.id <> :id",
                    Long.class)
                .setParameter("subject", search.freelancerSubject())
                .setParameter("name", search.name())
                .setParameter("id", search.id())
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult()
            > 0;
    if (taken) {
      if (entityManager.contains(search)) {
        entityManager.refresh(search);
      }
      return false;
    }
    if (!entityManager.contains(search)) {
      entityManager.persist(search);
    }
    return RacedWrites.flushUnlessRaced(entityManager);
  }

  @Override
  public boolean delete(SavedSearch search) {
    if (!entityManager.contains(search)) {
      return false;
    }
    entityManager.remove(search);
    entityManager.flush();
    return true;
  }

  @Override
  public List<SavedSearch> dueLocked(Instant through, int limit) {
    return entityManager
        .createQuery(
            "select s from SavedSearch s where s.alerts = true and s.matchedThrough < :through"
                + " order by s.matchedThrough, s.id",
            SavedSearch.class)
        .setParameter("through", through)
        .setMaxResults(limit)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        // SKIP LOCKED: another node's round holds those rows; they are its to alert.
        .setHint("jakarta.persistence.lock.timeout", -2)
        .getResultList();
  }
}
