package io.proxima.live.socket;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a board shows: statuses, work styles, a minimum of days per week and a rate ceiling. Empty
 * means everything; freelancers who have not set an availability show only on unfiltered boards.
 */
public record BoardFilter(
    Set<AvailabilityStatus> statuses,
    Set<WorkStyle> workStyles,
    Integer minDaysPerWeek,
    Integer maxRateManYen) {

  static final BoardFilter EVERYTHING = new BoardFilter(Set.of(), Set.of(), null, null);

  boolean isEverything() {
    return statuses.isEmpty()
        && workStyles.isEmpty()
        && minDaysPerWeek == null
        && maxRateManYen == null;
  }

  boolean matches(Availability availability) {
    if (availability == null) {
      return isEverything();
    }
    return (statuses.isEmpty() || statuses.contains(availability.status()))
        && (workStyles.isEmpty() || workStyles.contains(availability.workStyle()))
        && (minDaysPerWeek == null || availability.daysPerWeek() >= minDaysPerWeek)
        && (maxRateManYen == null
            || availability.rate() == null
            || availability.rate().minManYen() <= maxRateManYen);
  }

  /** From a client frame: {@code {"type":"filter","statuses":[…],"workStyles":[…],…}}. */
  static BoardFilter of(LiveFrames.ClientFrame frame) {
    Long minDays = frame.optionalNumber("minDaysPerWeek");
    Long maxRate = frame.optionalNumber("maxRateManYen");
    return new BoardFilter(
        names(frame.names("statuses"), AvailabilityStatus.class, "statuses"),
        names(frame.names("workStyles"), WorkStyle.class, "workStyles"),
        minDays == null ? null : minDays.intValue(),
        maxRate == null ? null : maxRate.intValue());
  }

  private static <E extends Enum<E>> Set<E> names(List<String> list, Class<E> type, String field) {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String name : list) {
      try {
        set.add(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        // The value is not echoed: it came from the client and says nothing new.
        throw new DomainException.InvalidValue(field + ": unknown value");
      }
    }
    return Set.copyOf(set);
  }
}
