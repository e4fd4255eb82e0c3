package io.proxima.calendar.domain;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * How imported busy time moves a freelancer's availability. Availability is a date ("free from the
 * 1st"), busy time is instants, so only busy time that reaches past the current day counts: a
 * one-hour meeting does not make anyone "available from tomorrow", a engagement running until
 * Friday makes them available from Friday.
 *
 * <p>The rule only ever moves "available from" later, never earlier and never to or from
 * "unavailable": the freelancer's own statement stays theirs, and once the busy time has passed the
 * date it left behind simply lies in the past (available). Applying it again to the same busy time
 * changes nothing, so a periodic refresh does not churn versions.
 */
public final class BusyTime {

  /** The market's time zone: dates on boards and in feeds are Japanese calendar dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private BusyTime() {}

  /**
   * The change that moves {@code current}'s "available from" past the busy time it falls into, or
   * empty when it does not fall into any that reaches past today.
   *
   * @param current null when the freelancer never set an availability: nothing to move
   */
  public static Optional<Availability.Change> availabilityAfter(
      Availability current, List<BusyInterval> busy, Instant now) {
    if (current == null || current.status() == AvailabilityStatus.UNAVAILABLE) {
      return Optional.empty();
    }
    Instant anchor = now;
    if (current.status() == AvailabilityStatus.AVAILABLE_FROM) {
      Instant from = current.availableFrom().atStartOfDay(ZONE).toInstant();
      anchor = from.isAfter(now) ? from : now;
    }
    Optional<Instant> freeAt = busyUntil(busy, anchor);
    if (freeAt.isEmpty()) {
      return Optional.empty();
    }
    LocalDate freeOn = freeAt.get().atZone(ZONE).toLocalDate();
    LocalDate today = now.atZone(ZONE).toLocalDate();
    if (!freeOn.isAfter(today)) {
      return Optional.empty();
    }
    if (current.status() == AvailabilityStatus.AVAILABLE_FROM
        && !freeOn.isAfter(current.availableFrom())) {
      return Optional.empty();
    }
    return Optional.of(
        new Availability.Change(
            AvailabilityStatus.AVAILABLE_FROM,
            freeOn,
            current.daysPerWeek(),
            current.hoursPerDay(),
            current.workStyle(),
            current.rate(),
            current.note()));
  }

  /** The end of the busy span (touching blocks joined) that covers {@code instant}, if any. */
  public static Optional<Instant> busyUntil(List<BusyInterval> busy, Instant instant) {
    return BusyInterval.merged(busy).stream()
        .filter(span -> span.covers(instant))
        .map(BusyInterval::end)
        .findFirst();
  }
}
