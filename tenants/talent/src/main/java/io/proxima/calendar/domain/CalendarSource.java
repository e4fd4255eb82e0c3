package io.proxima.calendar.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An external calendar a freelancer imports busy time from. It belongs to the freelancer, not to a
 * tenant: no tenant id, row-level security keeps it to its owner (and lists it for the platform's
 * refresh).
 */
@Entity
@Table(name = "calendar_source")
public class CalendarSource {

  public static final int LABEL_LIMIT = 100;
  public static final int ERROR_LIMIT = 500;

  @Id private UUID id;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Convert(converter = AddressColumn.class)
  @Column(name = "url", nullable = false, updatable = false)
  private CalendarAddress address;

  @Column(name = "label", updatable = false)
  private String label;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** When its busy time was last read successfully; null before the first time. */
  @Column(name = "refreshed_at")
  private Instant refreshedAt;

  /** When a refresh last added or removed busy time; what the feed's Last-Modified follows. */
  @Column(name = "busy_changed_at")
  private Instant busyChangedAt;

  /** Why the last refresh failed, null when it did not. */
  @Column(name = "last_error")
  private String lastError;

  @Version private long version;

  protected CalendarSource() {
    // for JPA
  }

  public static CalendarSource register(
      String freelancerSubject, CalendarAddress address, String label, Instant now) {
    if (freelancerSubject == null || address == null || now == null) {
      throw new IllegalArgumentException("owner, address and creation time are required");
    }
    String stripped = label == null || label.isBlank() ? null : label.strip();
    if (stripped != null && stripped.codePointCount(0, stripped.length()) > LABEL_LIMIT) {
      throw new DomainException.InvalidValue(
          "label", "label is limited to " + LABEL_LIMIT + " characters");
    }
    CalendarSource source = new CalendarSource();
    source.id = UUID.randomUUID();
    source.freelancerSubject = freelancerSubject;
    source.address = address;
    source.label = stripped;
    source.createdAt = now;
    return source;
  }

  /** Its busy time was read now; {@code busyChanged} when that added or removed any. */
  public void refreshed(boolean busyChanged, Instant now) {
    refreshedAt = now;
    lastError = null;
    if (busyChanged) {
      busyChangedAt = now;
    }
  }

  /** The refresh failed; the busy time read before stays as it was. */
  public void refreshFailed(String reason, Instant now) {
    refreshedAt = now;
    lastError =
        reason == null || reason.length() <= ERROR_LIMIT
            ? reason
            : reason.substring(0, ERROR_LIMIT);
  }

  public UUID id() {
    return id;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public CalendarAddress address() {
    return address;
  }

  public String label() {
    return label;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant refreshedAt() {
    return refreshedAt;
  }

  public Instant busyChangedAt() {
    return busyChangedAt;
  }

  public String lastError() {
    return lastError;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CalendarSource source && Objects.equals(id, source.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  /** Stores the address as the URL text it was given in. */
  @Converter
  public static class AddressColumn implements AttributeConverter<CalendarAddress, String> {
    @Override
    public String convertToDatabaseColumn(CalendarAddress address) {
      return address == null ? null : address.toString();
    }

    @Override
    public CalendarAddress convertToEntityAttribute(String value) {
      return value == null ? null : new CalendarAddress(URI.create(value));
    }
  }
}
