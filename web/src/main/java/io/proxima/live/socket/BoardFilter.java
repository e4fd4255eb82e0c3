package io.proxima.live.socket;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.ProblemException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  static BoardFilter of(Map<String, Object> frame) {
    return new BoardFilter(
        names(frame.get("statuses"), AvailabilityStatus.class, "statuses"),
        names(frame.get("workStyles"), WorkStyle.class, "workStyles"),
        bounded(frame.get("minDaysPerWeek"), "minDaysPerWeek", 1, 7),
        bounded(frame.get("maxRateManYen"), "maxRateManYen", 1, 1000));
  }

  private static <E extends Enum<E>> Set<E> names(Object value, Class<E> type, String field) {
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ProblemException.InvalidValue(field + " must be a list");
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    for (Object name : list) {
      try {
        set.add(Enum.valueOf(type, String.valueOf(name).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ProblemException.InvalidValue(field + ": unknown value " + name);
      }
    }
    return Set.copyOf(set);
  }

  private static Integer bounded(Object value, String field, int min, int max) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number.intValue() < min || number.intValue() > max) {
      throw new ProblemException.InvalidValue(field + " must be between " + min + " and " + max);
    }
    return number.intValue();
  }
}
