package io.proxima.notifications.domain;

import java.util.UUID;

/**
 * A notification was written to a person's centre, in the transaction firing this. Observed after
 * the commit only: the bell of a change that rolled back never rings.
 */
public record NotificationPosted(
    String recipient, UUID tenantId, UUID notificationId, String kind) {}
