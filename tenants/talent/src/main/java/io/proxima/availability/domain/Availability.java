package io.proxima.availability.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a freelancer tells the market about when and how they can work. Versioned: every accepted
 * change increments the version, and a change made against an older version is refused, so two
 * devices editing at once do not silently overwrite each other.
 */
public record Availability(
    AvailabilityStatus status,
    LocalDate availableFrom,
    int daysPerWeek,
    int hoursPerDay,
    WorkStyle workStyle,
    RateBand rate,
    String note,
    Instant updatedAt,
    long version) {

  public static final int NOTE_LIMIT = 500;

  public Availability {
    if (status == null || workStyle == null) {
      throw new DomainException.InvalidValue("status", "status and workStyle are required");
    }
    if ((status == AvailabilityStatus.AVAILABLE_FROM) != (availableFrom != null)) {
      throw new DomainException.InvalidValue(
          "availableFrom", "availableFrom is required with AVAILABLE_FROM, and only then");
    }
    if (daysPerWeek < 1 || daysPerWeek > 7) {
      throw new DomainException.InvalidValue("daysPerWeek", "daysPerWeek must be between 1 and 7");
    }
    if (hoursPerDay < 1 || hoursPerDay > 12) {
      throw new DomainException.InvalidValue("hoursPerDay", "hoursPerDay must be between 1 and 12");
    }
    if (note != null && note.codePointCount(0, note.length()) > NOTE_LIMIT) {
      throw new DomainException.InvalidValue(
          "note", "note is limited to " + NOTE_LIMIT + " characters");
    }
    if (version < 0) {
      throw new DomainException.InvalidValue("version cannot be negative");
    }
  }

  /** What a freelancer asks to change; the version and time are the ledger's to assign. */
  public record Change(
      AvailabilityStatus status,
      LocalDate availableFrom,
      int daysPerWeek,
      int hoursPerDay,
      WorkStyle workStyle,
      RateBand rate,
      String note) {}

  /**
   * The next availability after {@code change}, or a refusal when the caller edited an older
   * version than the current one ({@code current} is null before the first change).
   */
  public static Availability next(
      Availability current, Change change, Long expectedVersion, Instant now) {
    long currentVersion = current == null ? 0 : current.version();
    if (expectedVersion != null && expectedVersion != currentVersion) {
      throw new DomainException.Conflict(
          "availability is at version "
              + currentVersion
              + ", the change was made against version "
              + expectedVersion);
    }
    String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
    return new Availability(
        change.status(),
        change.availableFrom(),
        change.daysPerWeek(),
        change.hoursPerDay(),
        change.workStyle(),
        change.rate(),
        note,
        now,
        currentVersion + 1);
  }
}
