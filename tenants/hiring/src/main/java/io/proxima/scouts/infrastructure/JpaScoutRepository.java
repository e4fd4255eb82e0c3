package io.proxima.scouts.infrastructure;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.scouts.domain.Scout;
import io.proxima.scouts.domain.ScoutRepository;
import io.proxima.scouts.domain.ScoutStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Scouts and allowances in PostgreSQL. */
@ApplicationScoped
public class JpaScoutRepository implements ScoutRepository {

  private static final String COLUMNS =
      "id AS id, tenant_id AS tenant_id, freelancer_subject AS freelancer_subject,"
          + " job_id AS job_id, sent_by AS sent_by, message AS message,"
          + " message_seq AS message_seq, status AS status, quota_month AS quota_month,"
          + " sent_at AS sent_at, answered_at AS answered_at, answer AS answer";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaScoutRepository() {
    this(null);
  }

  @Inject
  public JpaScoutRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * One statement: a month's first scout inserts the row, every later one increments it only while
   * under the limit. Under READ COMMITTED a concurrent increment waits for the row lock and then
   * re-checks the condition against the committed count, so no two sends can both take the last
   * scout; a send that rolls back releases its increment with it.
   */
  @Override
  public OptionalInt spend(UUID tenantId, LocalDate month, int limit) {
    List<Integer> counted =
        NativeSql.list(
            entityManager,
            "INSERT INTO scout_quota_usage AS u (tenant_id, month, used)"
                + " SELECT ?1, ?2, 1 WHERE ?3 > 0"
                + " ON CONFLICT (tenant_id, month) DO UPDATE SET used = u.used + 1"
                + " WHERE u.used < ?3"
                + " RETURNING u.used AS used",
            row -> row.integer("used"),
            tenantId,
            Date.valueOf(month),
            limit);
    return counted.isEmpty() ? OptionalInt.empty() : OptionalInt.of(counted.get(0));
  }

  @Override
  public int spent(UUID tenantId, LocalDate month) {
    return NativeSql.list(
            entityManager,
            "SELECT used AS used FROM scout_quota_usage WHERE tenant_id = ?1 AND month = ?2",
            row -> row.integer("used"),
            tenantId,
            Date.valueOf(month))
        .stream()
        .findFirst()
        .orElse(0);
  }

  @Override
  public boolean add(Scout scout) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO scout (id, tenant_id, freelancer_subject, job_id, sent_by, message,"
                    + " message_seq, status, quota_month, sent_at)"
                    + " VALUES (?1, ?2, ?3, CAST(?4 AS uuid), ?5, ?6, ?7, ?8, ?9, ?10)"
                    + " ON CONFLICT (tenant_id, freelancer_subject, job_id)"
                    + " WHERE job_id IS NOT NULL DO NOTHING",
                scout.id(),
                scout.tenantId(),
                scout.freelancerSubject(),
                scout.jobId(),
                scout.sentBy(),
                scout.message(),
                scout.messageSeq(),
                scout.status().name(),
                Date.valueOf(scout.quotaMonth()),
                Timestamp.from(scout.sentAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<Scout> find(UUID id) {
    return NativeSql.list(
            entityManager,
            "SELECT " + COLUMNS + " FROM scout WHERE id = ?1",
            JpaScoutRepository::scout,
            id)
        .stream()
        .findFirst();
  }

  @Override
  public boolean answer(Scout answered) {
    return NativeSql.query(
                entityManager,
                "UPDATE scout SET status = ?2, answered_at = ?3, answer = CAST(?4 AS text)"
                    + " WHERE id = ?1 AND status = 'SENT'",
                answered.id(),
                answered.status().name(),
                Timestamp.from(answered.answeredAt()),
                answered.answer())
            .executeUpdate()
        == 1;
  }

  @Override
  public List<Scout> sentByTenant(UUID tenantId, UUID jobId, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT "
            + COLUMNS
            + " FROM scout WHERE tenant_id = ?1"
            + " AND (CAST(?2 AS uuid) IS NULL OR job_id = CAST(?2 AS uuid))"
            + " ORDER BY sent_at DESC, id DESC LIMIT ?3",
        JpaScoutRepository::scout,
        tenantId,
        jobId,
        limit);
  }

  @Override
  public List<Scout> receivedBy(String freelancerSubject, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT "
            + COLUMNS
            + " FROM scout WHERE freelancer_subject = ?1"
            + " ORDER BY sent_at DESC, id DESC LIMIT ?2",
        JpaScoutRepository::scout,
        freelancerSubject,
        limit);
  }

  private static Scout scout(SqlRow row) {
    return new Scout(
        row.uuid("id"),
        row.uuid("tenant_id"),
        row.string("freelancer_subject"),
        row.uuid("job_id"),
        row.string("sent_by"),
        row.string("message"),
        row.count("message_seq"),
        ScoutStatus.valueOf(row.string("status")),
        row.date("quota_month"),
        row.instant("sent_at"),
        row.instant("answered_at"),
        row.string("answer"));
  }
}
