package io.proxima.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One block of busy time as imported from a source. Written once and deleted when the source no
 * longer has it, never changed (the application role may not update it), so it needs no version.
 */
@Entity
@Immutable
@Table(name = "calendar_busy")
public class ImportedBusy {

  /** A block is the same block when its source, start and end are. */
  @Embeddable
  public record Key(
      @Column(name = "source_id", nullable = false) UUID sourceId,
      @Column(name = "starts_at", nullable = false) Instant start,
      @Column(name = "ends_at", nullable = false) Instant end) {}

  @EmbeddedId private Key key;

  @Column(name = "freelancer_subject", nullable = false)
  private String freelancerSubject;

  @Column(name = "all_day", nullable = false)
  private boolean allDay;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected ImportedBusy() {
    // for JPA
  }

  public static ImportedBusy of(
      UUID sourceId, String freelancerSubject, BusyInterval interval, Instant now) {
    ImportedBusy busy = new ImportedBusy();
    busy.key = new Key(sourceId, interval.start(), interval.end());
    busy.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    busy.allDay = interval.allDay();
    busy.importedAt = now;
    return busy;
  }

  public Key key() {
    return key;
  }

  public BusyInterval interval() {
    return new BusyInterval(key.start(), key.end(), allDay);
  }

  public BusyBlock block() {
    return new BusyBlock(key.sourceId(), interval(), importedAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImportedBusy busy && Objects.equals(key, busy.key);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key);
  }
}
