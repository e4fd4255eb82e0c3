package io.proxima.notifications.infrastructure;

import io.proxima.notifications.domain.Notice;
import io.proxima.notifications.domain.Notification;
import io.proxima.notifications.domain.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

  /**
   * Kinds the recipient turned off in the centre stay stored (turning them on again shows them) but
   * are neither listed nor counted.
   */
  private static final String SHOWN =
      " n.recipient_subject = ?1 AND NOT EXISTS (SELECT 1 FROM notification_settings s"
          + " WHERE s.subject = n.recipient_subject"
          + " AND s.channels -> n.kind ->> 'IN_APP' = 'false')";

  /** One tenant's only, or every tenant's when the tenant is null. */
  private static String inTenant(UUID tenantId) {
    return " AND (CAST(?2 AS uuid) IS NULL OR n.tenant_id = CAST(?2 AS uuid))";
  }

  private static jakarta.persistence.Query bind(
      jakarta.persistence.Query query, String recipient, UUID tenantId) {
    return query.setParameter(1, recipient).setParameter(2, tenantId);
  }

  private final EntityManager entityManager;

  protected JpaNotificationRepository() {
    this(null);
  }

  @Inject
  public JpaNotificationRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  // An upsert because that is what batching is: two messages of one conversation stored at once
  // by two nodes still count up one unread row.
  @Override
  public UUID post(Notice notice) {
    OffsetDateTime at = notice.at().atOffset(ZoneOffset.UTC);
    return (UUID)
        entityManager
            .createNativeQuery(
                "INSERT INTO notification (id, tenant_id, recipient_subject, kind, staff,"
                    + " subject_id, data, items, batch_key, written_by, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS uuid), CAST(?7 AS jsonb), 1, ?8, ?9, ?10, ?10)"
                    + " ON CONFLICT (recipient_subject, batch_key)"
                    + " WHERE read_at IS NULL AND batch_key IS NOT NULL"
                    + " DO UPDATE SET items = notification.items + 1, updated_at = EXCLUDED.updated_at,"
                    + " data = EXCLUDED.data"
                    + " RETURNING id")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, notice.tenantId())
            .setParameter(3, notice.recipient())
            .setParameter(4, notice.kind().wireName())
            .setParameter(5, notice.staff())
            .setParameter(6, notice.subjectId())
            .setParameter(7, Json.of(notice.data()))
            .setParameter(8, notice.batchKey())
            .setParameter(9, notice.writtenBy())
            .setParameter(10, at)
            .getSingleResult();
  }

  @Override
  public List<Notification> page(String recipient, UUID tenantId, int offset, int limit) {
    @SuppressWarnings("unchecked")
    List<Notification> rows =
        bind(
                entityManager.createNativeQuery(
                    "SELECT n.* FROM notification n WHERE"
                        + SHOWN
                        + inTenant(tenantId)
                        + " ORDER BY n.updated_at DESC, n.id OFFSET ?3 LIMIT ?4",
                    Notification.class),
                recipient,
                tenantId)
            .setParameter(3, offset)
            .setParameter(4, limit)
            .getResultList();
    return rows;
  }

  @Override
  public long count(String recipient, UUID tenantId, boolean unreadOnly) {
    return ((Number)
            bind(
                    entityManager.createNativeQuery(
                        "SELECT count(*) FROM notification n WHERE"
                            + SHOWN
                            + inTenant(tenantId)
                            + (unreadOnly ? " AND n.read_at IS NULL" : "")),
                    recipient,
                    tenantId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public Optional<Notification> find(UUID id) {
    return Optional.ofNullable(entityManager.find(Notification.class, id));
  }

  @Override
  public int readAll(String recipient, UUID tenantId, Instant now) {
    return bind(
            entityManager.createNativeQuery(
                "UPDATE notification n SET read_at = ?3 WHERE n.recipient_subject = ?1"
                    + inTenant(tenantId)
                    + " AND n.read_at IS NULL"),
            recipient,
            tenantId)
        .setParameter(3, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  @Override
  public List<String> staffOf(UUID tenantId) {
    @SuppressWarnings("unchecked")
    List<String> subjects =
        entityManager
            .createNativeQuery("SELECT * FROM notification_staff_of(?1)")
            .setParameter(1, tenantId)
            .getResultList();
    return subjects;
  }
}
