package io.proxima.availability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

  static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  static final Availability.Change REMOTE_NOW =
      new Availability.Change(
          AvailabilityStatus.AVAILABLE, null, 5, 8, WorkStyle.REMOTE, new RateBand(60, 70), "  ");

  @Test
  void theFirstChangeIsVersionOneAndABlankNoteIsNoNote() {
    Availability first = Availability.next(null, REMOTE_NOW, null, NOW);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.note()).isNull();
    assertThat(first.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void aChangeAgainstTheCurrentVersionMovesItOn() {
    Availability first = Availability.next(null, REMOTE_NOW, 0L, NOW);
    Availability second = Availability.next(first, REMOTE_NOW, 1L, NOW.plusSeconds(1));
    assertThat(second.version()).isEqualTo(2);
  }

  @Test
  void aChangeAgainstAnOlderVersionIsAConflict() {
    Availability first = Availability.next(null, REMOTE_NOW, null, NOW);
    assertThatThrownBy(() -> Availability.next(first, REMOTE_NOW, 0L, NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void availableFromNeedsItsDateAndOnlyItHasOne() {
    var withoutDate =
        new Availability.Change(
            AvailabilityStatus.AVAILABLE_FROM, null, 5, 8, WorkStyle.ON_SITE, null, null);
    var dateButNow =
        new Availability.Change(
            AvailabilityStatus.AVAILABLE,
            LocalDate.of(2027, 1, 1),
            5,
            8,
            WorkStyle.ON_SITE,
            null,
            null);
    assertThatThrownBy(() -> Availability.next(null, withoutDate, null, NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> Availability.next(null, dateButNow, null, NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void daysHoursNoteAndRateStayInTheirBounds() {
    assertThatThrownBy(
            () ->
                Availability.next(
                    null,
                    new Availability.Change(
                        AvailabilityStatus.AVAILABLE, null, 8, 8, WorkStyle.REMOTE, null, null),
                    null,
                    NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                Availability.next(
                    null,
                    new Availability.Change(
                        AvailabilityStatus.AVAILABLE, null, 5, 0, WorkStyle.REMOTE, null, null),
                    null,
                    NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                Availability.next(
                    null,
                    new Availability.Change(
                        AvailabilityStatus.AVAILABLE,
                        null,
                        5,
                        8,
                        WorkStyle.REMOTE,
                        null,
                        "あ".repeat(Availability.NOTE_LIMIT + 1)),
                    null,
                    NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new RateBand(80, 70)).isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new RateBand(0, 70)).isInstanceOf(DomainException.InvalidValue.class);
  }
}
