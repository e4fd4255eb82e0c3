package io.proxima.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in a tenant's business that people or the tenant's own systems may want
 * to hear about: a scout arrived, an application moved, an invoice was issued.
 *
 * <p>Business services fire it with CDI's synchronous {@code Event#fire} inside the transaction
 * that made it happen. Observers that deliver it later (notifications, webhooks) observe it
 * synchronously and write an outbox row in that same transaction, so the row commits or rolls back
 * with the change it reports and the request never waits for a mail server or a receiver. The
 * producer does not know who listens.
 *
 * @param type one of {@link PlatformEventType}'s names, e.g. {@code scout.received}
 * @param tenantId the tenant it happened in; it is also the tenant whose brand a mail carries
 * @param subjectId the aggregate it is about (scout, application, invoice...)
 * @param recipients Keycloak subjects of the people to tell personally; empty when the event only
 *     matters to the tenant's staff or systems
 * @param toTenantStaff whether the tenant's staff should be told as well
 * @param data small, non-sensitive facts for templates and webhook payloads (ids, titles, states);
 *     never contact details or free text a person wrote
 */
public record PlatformEvent(
    String type,
    UUID tenantId,
    UUID subjectId,
    List<String> recipients,
    boolean toTenantStaff,
    Map<String, String> data,
    Instant occurredAt) {

  public PlatformEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** An event addressed to one person (a freelancer or a staff member). */
  public static PlatformEvent toPerson(
      PlatformEventType type,
      UUID tenantId,
      UUID subjectId,
      String recipient,
      Map<String, String> data,
      Instant at) {
    return new PlatformEvent(
        type.wireName(), tenantId, subjectId, List.of(recipient), false, data, at);
  }

  /** An event for the tenant's staff and its systems only. */
  public static PlatformEvent toTenant(
      PlatformEventType type, UUID tenantId, UUID subjectId, Map<String, String> data, Instant at) {
    return new PlatformEvent(type.wireName(), tenantId, subjectId, List.of(), true, data, at);
  }
}
