package io.proxima.matching.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When the candidate can start, against the job's start date.
 *
 * @param availableFrom the date the candidate is free from (AVAILABLE_FROM only)
 * @param daysLate how many days after the job's start the candidate becomes free (0 if on time)
 */
public record AvailabilityFit(Status status, LocalDate availableFrom, long daysLate) {

  public enum Status {
    AVAILABLE_NOW,
    AVAILABLE_FROM,
    UNAVAILABLE,
    /** The candidate never set a live availability. */
    UNKNOWN
  }

  static AvailabilityFit of(LiveAvailability live, LocalDate jobStart, LocalDate today) {
    if (live == null) {
      return new AvailabilityFit(Status.UNKNOWN, null, 0);
    }
    return switch (live.status()) {
      case AVAILABLE -> new AvailabilityFit(Status.AVAILABLE_NOW, null, 0);
      case UNAVAILABLE -> new AvailabilityFit(Status.UNAVAILABLE, null, 0);
      case AVAILABLE_FROM -> {
        LocalDate from = live.availableFrom();
        if (from == null || !from.isAfter(today)) {
          yield new AvailabilityFit(Status.AVAILABLE_NOW, null, 0);
        }
        long late = Math.max(0, ChronoUnit.DAYS.between(jobStart, from));
        yield new AvailabilityFit(Status.AVAILABLE_FROM, from, late);
      }
    };
  }

  /** Whether the candidate is free by the job's start. */
  public boolean beforeStart() {
    return status == Status.AVAILABLE_NOW || (status == Status.AVAILABLE_FROM && daysLate == 0);
  }

  /**
   * The multiplier availability puts on the match. Unavailable candidates stay on the list (plans
   * change, and a recruiter may ask) but below available ones with a similar fit; each month late
   * costs a share, as a client waits only so long.
   */
  double factor() {
    return switch (status) {
      case AVAILABLE_NOW -> 1.0;
      case UNKNOWN -> 0.85;
      case UNAVAILABLE -> 0.5;
      case AVAILABLE_FROM -> daysLate == 0 ? 1.0 : Math.max(0.5, 0.9 - 0.2 * daysLate / 30.0);
    };
  }

  public String describe() {
    return switch (status) {
      case AVAILABLE_NOW -> "available now";
      case UNAVAILABLE -> "unavailable";
      case UNKNOWN -> "unknown";
      case AVAILABLE_FROM ->
          "available from "
              + availableFrom
              + (daysLate == 0 ? ", before the start" : ", " + daysLate + " days after the start");
    };
  }
}
