package io.proxima.scouts.infrastructure;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.scouts.domain.Scout;
import io.proxima.scouts.domain.ScoutRepository;
import io.proxima.scouts.domain.ScoutStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
      "id, tenant_id, freelancer_subject, job_id, sent_by, message, message_seq, status,"
          + " quota_month, sent_at, answered_at, answer";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  /**
   * One statement: a month's first scout inserts the row, every later one increments it only while
   * under the limit. Under READ COMMITTED a concurrent increment waits for the row lock and then
   * re-checks the condition against the committed count, so no two sends can both take the last
   * scout; a send that rolls back releases its increment with it.
   */
  @Override
  public OptionalInt spend(UUID tenantId, LocalDate month, int limit) {
    List<?> counted =
        NativeSql.query(
                entityManager,
                "INSERT INTO scout_quota_usage AS u (tenant_id, month, used)"
                    + " SELECT ?1, ?2, 1 WHERE ?3 > 0"
                    + " ON CONFLICT (tenant_id, month) DO UPDATE SET used = u.used + 1"
                    + " WHERE u.used < ?3"
                    + " RETURNING u.used",
                tenantId,
                Date.valueOf(month),
                limit)
            .getResultList();
    return counted.isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(((Number) counted.get(0)).intValue());
  }

  @Override
  public int spent(UUID tenantId, LocalDate month) {
    List<?> used =
        NativeSql.query(
                entityManager,
                "SELECT used FROM scout_quota_usage WHERE tenant_id = ?1 AND month = ?2",
                tenantId,
                Date.valueOf(month))
            .getResultList();
    return used.isEmpty() ? 0 : ((Number) used.get(0)).intValue();
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
    return NativeSql.rows(
            NativeSql.query(entityManager, "SELECT " + COLUMNS + " FROM scout WHERE id = ?1", id))
        .stream()
        .findFirst()
        .map(JpaScoutRepository::scout);
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
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM scout WHERE tenant_id = ?1"
                    + " AND (CAST(?2 AS uuid) IS NULL OR job_id = CAST(?2 AS uuid))"
                    + " ORDER BY sent_at DESC, id DESC LIMIT ?3",
                tenantId,
                jobId,
                limit))
        .stream()
        .map(JpaScoutRepository::scout)
        .toList();
  }

  @Override
  public List<Scout> receivedBy(String freelancerSubject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM scout WHERE freelancer_subject = ?1"
                    + " ORDER BY sent_at DESC, id DESC LIMIT ?2",
                freelancerSubject,
                limit))
        .stream()
        .map(JpaScoutRepository::scout)
        .toList();
  }

  private static Scout scout(Object[] r) {
    return new Scout(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        (UUID) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).longValue(),
        ScoutStatus.valueOf((String) r[7]),
        ((Date) r[8]).toLocalDate(),
        NativeSql.instant(r[9]),
        r[10] == null ? null : NativeSql.instant(r[10]),
        (String) r[11]);
  }
}
