package io.proxima.calendar.domain;

import io.proxima.availability.domain.Availability;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a freelancer's feed shows: their availability, their agreed interviews across every
 * tenant, and the busy time imported from their other calendars.
 *
 * @param availability null when they never set one
 * @param busyChangedAt when imported busy time last changed; null if it never did
 */
public record Agenda(
    String freelancerSubject,
    Availability availability,
    List<Interview> interviews,
    List<BusyBlock> busy,
    Instant busyChangedAt) {

  public Agenda {
    interviews = List.copyOf(interviews);
    busy = List.copyOf(busy);
  }

  /**
   * An interview time the freelancer accepted. It is called off when the application ended
   * (rejected or withdrawn) before the interview took place.
   *
   * @param changedAt when it was agreed, or when it was called off
   */
  public record Interview(
      UUID proposalId,
      String jobTitle,
      String tenantName,
      Instant start,
      Instant end,
      String location,
      String meetingUrl,
      boolean calledOff,
      Instant changedAt) {}

  /** The latest change anything in the feed reflects; null for an empty feed. */
  public Instant lastChanged() {
    Instant latest = availability == null ? null : availability.updatedAt();
    for (Interview interview : interviews) {
      latest = later(latest, interview.changedAt());
    }
    return later(latest, busyChangedAt);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
