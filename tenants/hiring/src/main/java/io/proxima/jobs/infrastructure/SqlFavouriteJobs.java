package io.proxima.jobs.infrastructure;

import io.proxima.jobs.domain.FavouriteJobs;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Favourite jobs in SQL: a pair of ids and a time, nothing to map as an entity. */
@ApplicationScoped
public class SqlFavouriteJobs implements FavouriteJobs {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected SqlFavouriteJobs() {
    this(null);
  }

  @Inject
  public SqlFavouriteJobs(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void mark(String freelancerSubject, UUID jobId, Instant at) {
    entityManager
        .createNativeQuery(
            "INSERT INTO favourite_job (freelancer_subject, job_id, created_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, freelancerSubject)
        .setParameter(2, jobId)
        .setParameter(3, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public boolean unmark(String freelancerSubject, UUID jobId) {
    return entityManager
            .createNativeQuery(
                "DELETE FROM favourite_job WHERE freelancer_subject = ?1 AND job_id = ?2")
            .setParameter(1, freelancerSubject)
            .setParameter(2, jobId)
            .executeUpdate()
        > 0;
  }

  @Override
  public List<UUID> marked(String freelancerSubject, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT job_id AS id FROM favourite_job WHERE freelancer_subject = ?1"
            + " ORDER BY created_at DESC, job_id LIMIT ?2",
        row -> row.uuid("id"),
        freelancerSubject,
        limit);
  }
}
