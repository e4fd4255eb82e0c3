package io.proxima.calendar.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stretch of time the freelancer cannot be booked, as an external calendar says. Only when, never
 * what: the title of someone's private appointment is none of the platform's business.
 *
 * @param allDay the source gave dates, not times (a holiday, a multi-day engagement)
 */
public record BusyInterval(Instant start, Instant end, boolean allDay) {

  public BusyInterval {
    if (start == null || end == null) {
      throw new DomainException.InvalidValue("busy time needs a start and an end");
    }
    if (!end.isAfter(start)) {
      throw new DomainException.InvalidValue("busy time must end after it starts");
    }
  }

  public boolean covers(Instant instant) {
    return !start.isAfter(instant) && end.isAfter(instant);
  }

  /**
   * The union of {@code intervals} as disjoint spans in time order: overlapping or touching blocks
   * become one, so "busy until" is read off a single span. A merged span is all-day only if every
   * block in it was.
   */
  public static List<BusyInterval> merged(List<BusyInterval> intervals) {
    List<BusyInterval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
    List<BusyInterval> spans = new ArrayList<>();
    for (BusyInterval next : sorted) {
      if (!spans.isEmpty()) {
        BusyInterval last = spans.get(spans.size() - 1);
        if (!next.start().isAfter(last.end())) {
          Instant end = next.end().isAfter(last.end()) ? next.end() : last.end();
          spans.set(
              spans.size() - 1,
              new BusyInterval(last.start(), end, last.allDay() && next.allDay()));
          continue;
        }
      }
      spans.add(next);
    }
    return List.copyOf(spans);
  }
}
