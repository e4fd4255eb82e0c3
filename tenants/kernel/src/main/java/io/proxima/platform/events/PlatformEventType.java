package io.proxima.platform.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of {@link PlatformEvent}. The wire name is what notification preferences, webhook
 * subscriptions and webhook payloads use, so it never changes once shipped.
 */
public enum PlatformEventType {
  SCOUT_RECEIVED("scout.received"),
  SCOUT_ANSWERED("scout.answered"),
  MESSAGE_RECEIVED("message.received"),
  INTERVIEW_PROPOSED("interview.proposed"),
  INTERVIEW_ACCEPTED("interview.accepted"),
  APPLICATION_CREATED("application.created"),
  APPLICATION_MOVED("application.moved"),
  CONTRACT_TO_SIGN("contract.to_sign"),
  CONTRACT_SIGNED("contract.signed"),
  TIME_REPORT_RETURNED("time_report.returned"),
  INVOICE_ISSUED("invoice.issued"),
  INVOICE_PAID("invoice.paid"),
  SAVED_SEARCH_MATCHED("saved_search.matched"),
  CONSENT_REQUESTED("consent.requested"),
  AVAILABILITY_CHANGED("availability.changed");

  private final String wireName;

  PlatformEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<PlatformEventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
