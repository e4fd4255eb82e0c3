package io.proxima.notifications.domain;

import java.util.UUID;

/**
 * A notification was written to a person's centre, in the transaction firing this. Observed after
 * the commit only: the bell of a change that rolled back never rings. {@code mailDueNow} says
 * whether a mail for it waits in the outbox to leave at once (not batched for later, not left out).
 */
public record NotificationPosted(
    String recipient, UUID tenantId, UUID notificationId, String kind, boolean mailDueNow) {}
