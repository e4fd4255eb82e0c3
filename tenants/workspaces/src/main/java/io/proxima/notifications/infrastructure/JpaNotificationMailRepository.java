package io.proxima.notifications.infrastructure;

import io.proxima.notifications.domain.Notice;
import io.proxima.notifications.domain.NotificationMail;
import io.proxima.notifications.domain.NotificationMailRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaNotificationMailRepository implements NotificationMailRepository {

  private final EntityManager entityManager;

  protected JpaNotificationMailRepository() {
    this(null);
  }

  @Inject
  public JpaNotificationMailRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  // The batch's due time is its first item's plus the window: later items join it, and do not
  // push it back, so a busy conversation still gets its summary.
  @Override
  public void enqueue(Notice notice, Instant dueAt) {
    entityManager
        .createNativeQuery(
            "INSERT INTO notification_mail (id, tenant_id, recipient_subject, kind, staff,"
                + " subject_id, data, items, batch_key, written_by, status, created_at,"
                + " next_attempt_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS uuid), CAST(?7 AS jsonb), 1, ?8, ?9, 'PENDING',"
                + " ?10, ?11)"
                + " ON CONFLICT (recipient_subject, batch_key)"
                + " WHERE status = 'PENDING' AND attempts = 0 AND batch_key IS NOT NULL"
                + " DO UPDATE SET items = notification_mail.items + 1")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, notice.tenantId())
        .setParameter(3, notice.recipient())
        .setParameter(4, notice.kind().wireName())
        .setParameter(5, notice.staff())
        .setParameter(6, notice.subjectId())
        .setParameter(7, Json.of(notice.data()))
        .setParameter(8, notice.batchKey())
        .setParameter(9, notice.writtenBy())
        .setParameter(10, notice.at().atOffset(ZoneOffset.UTC))
        .setParameter(11, dueAt.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  @Override
  public List<UUID> due(Instant now, int limit) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        entityManager
            .createNativeQuery(
                "SELECT id FROM notification_mail WHERE status = 'PENDING'"
                    + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, limit)
            .getResultList();
    return ids;
  }

  @Override
  public Optional<NotificationMail> claimDue(UUID id, Instant now) {
    // SKIP LOCKED: a node finding the row taken by another moves on instead of waiting for it.
    return entityManager
        .createNativeQuery(
            "SELECT * FROM notification_mail WHERE id = ?1 AND status = 'PENDING'"
                + " AND next_attempt_at <= ?2 FOR UPDATE SKIP LOCKED",
            NotificationMail.class)
        .setParameter(1, id)
        .setParameter(2, now.atOffset(ZoneOffset.UTC))
        .getResultStream()
        .findFirst()
        .map(NotificationMail.class::cast);
  }

  @Override
  public Optional<NotificationMail> lock(UUID id) {
    return Optional.ofNullable(
        entityManager.find(NotificationMail.class, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
