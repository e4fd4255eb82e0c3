package io.proxima.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The centre's items, always the caller's own (row-level security keeps it so). */
public interface NotificationRepository {

  /**
   * Writes the notice to its recipient's centre, or counts up the unread one with the same batch
   * key; returns the id of the row that holds it.
   */
  UUID post(Notice notice);

  /**
   * The recipient's notifications, last changed first, skipping kinds they turned off in the
   * centre; only the tenant's when {@code tenantId} is set.
   */
  List<Notification> page(String recipient, UUID tenantId, int offset, int limit);

  long count(String recipient, UUID tenantId, boolean unreadOnly);

  Optional<Notification> find(UUID id);

  /** Marks every unread one read; returns how many. */
  int readAll(String recipient, UUID tenantId, Instant now);

  /** The tenant staff's subjects, as far as the calling scope may learn them. */
  List<String> staffOf(UUID tenantId);
}
