package io.proxima.matching.domain;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the freelancer last told the real-time availability actor. It is fresher than the profile's
 * desired conditions, so it wins wherever it says something.
 *
 * @param daysPerWeek 0 when not stated (an unavailable freelancer states none)
 */
public record LiveAvailability(
    AvailabilityStatus status,
    LocalDate availableFrom,
    int daysPerWeek,
    WorkStyle workStyle,
    Integer rateMinYen,
    Integer rateMaxYen) {

  public LiveAvailability {
    Objects.requireNonNull(status, "status");
  }
}
