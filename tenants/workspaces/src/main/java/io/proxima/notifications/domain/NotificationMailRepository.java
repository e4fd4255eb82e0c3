package io.proxima.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail outbox. */
public interface NotificationMailRepository {

  /**
   * Puts a mail for the notice in the outbox, due at {@code dueAt}; a batched notice counts up the
   * recipient's open mail with the same batch key instead, keeping its due time.
   */
  void enqueue(Notice notice, Instant dueAt);

  /** Ids of mails due now in every tenant, longest waiting first; platform scope. */
  List<UUID> due(Instant now, int limit);

  /** The mail, locked, if it is due and no other worker holds it; empty otherwise. */
  Optional<NotificationMail> claimDue(UUID id, Instant now);

  /** The mail, locked, whatever its state. */
  Optional<NotificationMail> lock(UUID id);
}
