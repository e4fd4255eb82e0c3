package io.proxima.notifications.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one person is to be told, before it is written to their centre and the mail outbox.
 *
 * @param staff whether the person is told as the tenant's staff (links open in its portal)
 * @param batchKey for batched kinds, what the items have in common (the conversation): a later item
 *     with the same key counts up the unread notification and the mail not yet sent
 * @param writtenBy the subject whose transaction writes it, for row-level security
 */
public record Notice(
    UUID tenantId,
    String recipient,
    NotificationKind kind,
    boolean staff,
    UUID subjectId,
    Map<String, String> data,
    String batchKey,
    String writtenBy,
    Instant at) {

  public Notice {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
