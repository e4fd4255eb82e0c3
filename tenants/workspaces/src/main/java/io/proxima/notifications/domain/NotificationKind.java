package io.proxima.notifications.domain;

import io.proxima.platform.events.PlatformEventType;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a person can be told about. Each is a {@link PlatformEventType} people care about; the wire
 * name is the event's, so preferences, unsubscribe links and the bell speak the same names.
 */
public enum NotificationKind {
  SCOUT_RECEIVED(PlatformEventType.SCOUT_RECEIVED, false),
  /** One notification and one mail sum up the messages of a conversation that came meanwhile. */
  MESSAGE_RECEIVED(PlatformEventType.MESSAGE_RECEIVED, true),
  INTERVIEW_PROPOSED(PlatformEventType.INTERVIEW_PROPOSED, false),
  INTERVIEW_ACCEPTED(PlatformEventType.INTERVIEW_ACCEPTED, false),
  CONTRACT_TO_SIGN(PlatformEventType.CONTRACT_TO_SIGN, false),
  TIME_REPORT_RETURNED(PlatformEventType.TIME_REPORT_RETURNED, false),
  INVOICE_ISSUED(PlatformEventType.INVOICE_ISSUED, false),
  SAVED_SEARCH_MATCHED(PlatformEventType.SAVED_SEARCH_MATCHED, false),
  CONSENT_REQUESTED(PlatformEventType.CONSENT_REQUESTED, false);

  private final PlatformEventType event;
  private final boolean batched;

  NotificationKind(PlatformEventType event, boolean batched) {
    this.event = event;
    this.batched = batched;
  }

  public String wireName() {
    return event.wireName();
  }

  public boolean batched() {
    return batched;
  }

  /** Empty for events nobody is told about personally (an application moved, an invoice paid). */
  public static Optional<NotificationKind> ofWireName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
  }
}
