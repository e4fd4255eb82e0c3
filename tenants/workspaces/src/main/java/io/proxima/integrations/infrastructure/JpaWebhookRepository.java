package io.proxima.integrations.infrastructure;

import io.proxima.integrations.domain.WebhookAttempt;
import io.proxima.integrations.domain.WebhookDelivery;
import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.integrations.domain.WebhookRepository;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints, the event outbox and the delivery log in PostgreSQL. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaWebhookRepository() {
    this(null);
  }

  @Inject
  public JpaWebhookRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void add(WebhookEndpoint endpoint) {
    entityManager.persist(endpoint);
  }

  @Override
  public Optional<WebhookEndpoint> find(UUID id) {
    return Optional.ofNullable(entityManager.find(WebhookEndpoint.class, id));
  }

  @Override
  public Optional<WebhookEndpoint> lock(UUID id) {
    return Optional.ofNullable(
        entityManager.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<WebhookEndpoint> all() {
    return entityManager
        .createQuery(
            "select e from WebhookEndpoint e order by e.createdAt desc", WebhookEndpoint.class)
        .setMaxResults(100)
        .getResultList();
  }

  @Override
  public void remove(WebhookEndpoint endpoint) {
    entityManager.remove(endpoint);
  }

  /**
   * Native SQL, not an entity: Hibernate would stamp the caller's tenant on it, and the caller may
   * be a freelancer outside any tenant whose action concerns this one.
   */
  @Override
  public void enqueue(OutboxEvent event, Instant now) {
    NativeSql.query(
            entityManager,
            "INSERT INTO webhook_event (id, tenant_id, type, subject_id, data, occurred_at,"
                + " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            event.id(),
            event.tenantId(),
            event.type(),
            event.subjectId(),
            event.data(),
            Timestamp.from(event.occurredAt()),
            Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public List<UUID> tenantsWithUndispatched(int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT tenant_id AS tenant_id FROM webhook_event WHERE NOT dispatched"
            + " GROUP BY tenant_id ORDER BY min(recorded_at) LIMIT ?1",
        row -> row.uuid("tenant_id"),
        limit);
  }

  @Override
  public List<OutboxEvent> claimUndispatched(int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT id AS id, tenant_id AS tenant_id, type AS type, subject_id AS subject_id,"
            + " data AS data, occurred_at AS occurred_at FROM webhook_event"
            + " WHERE NOT dispatched ORDER BY recorded_at LIMIT ?1 FOR UPDATE SKIP LOCKED",
        row ->
            new OutboxEvent(
                row.uuid("id"),
                row.uuid("tenant_id"),
                row.string("type"),
                row.uuid("subject_id"),
                row.string("data"),
                row.instant("occurred_at")),
        limit);
  }

  @Override
  public void markDispatched(UUID eventId) {
    NativeSql.query(
            entityManager, "UPDATE webhook_event SET dispatched = true WHERE id = ?1", eventId)
        .executeUpdate();
  }

  @Override
  public void add(WebhookDelivery delivery) {
    entityManager.persist(delivery);
  }

  @Override
  public Optional<WebhookDelivery> findDelivery(UUID id) {
    return Optional.ofNullable(entityManager.find(WebhookDelivery.class, id));
  }

  @Override
  public Optional<WebhookDelivery> claimDue(UUID deliveryId, Instant now) {
    // SKIP LOCKED: a node finding the row taken by another moves on instead of waiting for it.
    return entityManager
        .createNativeQuery(
            "select * from webhook_delivery where id = :id and status = 'PENDING'"
                + " and next_attempt_at <= :now for update skip locked",
            WebhookDelivery.class)
        .setParameter("id", deliveryId)
        .setParameter("now", now)
        .getResultStream()
        .findFirst()
        .map(WebhookDelivery.class::cast);
  }

  @Override
  public Optional<WebhookDelivery> lockDelivery(UUID deliveryId) {
    return Optional.ofNullable(
        entityManager.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<DeliveryOwner> due(Instant now, int limit) {
    return entityManager
        .createQuery(
            "select new io.proxima.integrations.domain.WebhookRepository$DeliveryOwner("
                + "d.id, d.tenantId) from WebhookDelivery d"
                + " where d.status = :pending and d.nextAttemptAt <= :now"
                + " order by d.nextAttemptAt",
            DeliveryOwner.class)
        .setParameter("pending", WebhookDelivery.Status.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<WebhookDelivery> deliveries(UUID endpointId, int limit) {
    return entityManager
        .createQuery(
            "select d from WebhookDelivery d where d.endpointId = :endpoint"
                + " order by d.createdAt desc",
            WebhookDelivery.class)
        .setParameter("endpoint", endpointId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(WebhookAttempt attempt) {
    entityManager.persist(attempt);
  }

  @Override
  public List<WebhookAttempt> attempts(List<UUID> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select a from WebhookAttempt a where a.deliveryId in :ids order by a.attemptedAt",
            WebhookAttempt.class)
        .setParameter("ids", deliveryIds)
        .getResultList();
  }
}
