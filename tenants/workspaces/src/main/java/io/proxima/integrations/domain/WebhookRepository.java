package io.proxima.integrations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Endpoints, the event outbox, deliveries and their attempts. */
public interface WebhookRepository {

  /** An event as the outbox holds it until it is fanned out to the endpoints. */
  record OutboxEvent(
      UUID id, UUID tenantId, String type, UUID subjectId, String data, Instant occurredAt) {}

  /** A delivery's id and tenant, for the worker's platform-wide look at what is due. */
  record DeliveryOwner(UUID deliveryId, UUID tenantId) {}

  void add(WebhookEndpoint endpoint);

  Optional<WebhookEndpoint> find(UUID id);

  Optional<WebhookEndpoint> lock(UUID id);

  List<WebhookEndpoint> all();

  void remove(WebhookEndpoint endpoint);

  /** Writes an event into the outbox of its tenant, from any caller's transaction. */
  void enqueue(OutboxEvent event, Instant now);

  /** Tenants with events not yet fanned out, oldest first; in the platform scope. */
  List<UUID> tenantsWithUndispatched(int limit);

  /** The tenant's events not yet fanned out, locked; another worker skips them. */
  List<OutboxEvent> claimUndispatched(int limit);

  void markDispatched(UUID eventId);

  void add(WebhookDelivery delivery);

  Optional<WebhookDelivery> findDelivery(UUID id);

  /** The delivery if it is due now and nobody else holds it. */
  Optional<WebhookDelivery> claimDue(UUID deliveryId, Instant now);

  Optional<WebhookDelivery> lockDelivery(UUID deliveryId);

  /** Due in every tenant, longest waiting first; in the platform scope. */
  List<DeliveryOwner> due(Instant now, int limit);

  List<WebhookDelivery> deliveries(UUID endpointId, int limit);

  void add(WebhookAttempt attempt);

  List<WebhookAttempt> attempts(List<UUID> deliveryIds);
}
