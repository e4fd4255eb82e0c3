package io.proxima.calendar.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.UUID;

/**
 * An external calendar a freelancer imports busy time from.
 *
 * @param refreshedAt when its busy time was last read successfully; null before the first time
 * @param lastError why the last refresh failed, null when it did not
 */
public record CalendarSource(
    UUID id,
    String freelancerSubject,
    CalendarAddress address,
    String label,
    Instant createdAt,
    Instant refreshedAt,
    String lastError) {

  public static final int LABEL_LIMIT = 100;
  public static final int ERROR_LIMIT = 500;

  public CalendarSource {
    if (id == null || freelancerSubject == null || address == null || createdAt == null) {
      throw new IllegalArgumentException("id, owner, address and creation time are required");
    }
    label = label == null || label.isBlank() ? null : label.strip();
    if (label != null && label.codePointCount(0, label.length()) > LABEL_LIMIT) {
      throw new DomainException.InvalidValue(
          "label", "label is limited to " + LABEL_LIMIT + " characters");
    }
    if (lastError != null && lastError.length() > ERROR_LIMIT) {
      lastError = lastError.substring(0, ERROR_LIMIT);
    }
  }

  public static CalendarSource register(
      String freelancerSubject, CalendarAddress address, String label, Instant now) {
    return new CalendarSource(
        UUID.randomUUID(), freelancerSubject, address, label, now, null, null);
  }
}
