package io.proxima.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyTimeTest {

  // Monday 2026-11-30, 10:00 in Tokyo.
  private static final Instant NOW =
      ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, BusyTime.ZONE).toInstant();

  private static Availability available() {
    return new Availability(
        AvailabilityStatus.AVAILABLE, null, 3, 8, WorkStyle.REMOTE, null, "note", NOW, 4);
  }

  private static Availability availableFrom(LocalDate date) {
    return new Availability(
        AvailabilityStatus.AVAILABLE_FROM, date, 3, 8, WorkStyle.REMOTE, null, null, NOW, 2);
  }

  private static Instant tokyo(int day, int hour) {
    return ZonedDateTime.of(2026, 12, day, hour, 0, 0, 0, BusyTime.ZONE).toInstant();
  }

  @Test
  void touchingAndOverlappingBlocksMergeIntoOneSpan() {
    List<BusyInterval> merged =
        BusyInterval.merged(
            List.of(
                new BusyInterval(tokyo(2, 9), tokyo(2, 12), false),
                new BusyInterval(tokyo(1, 9), tokyo(2, 9), true),
                new BusyInterval(tokyo(2, 11), tokyo(2, 13), false),
                new BusyInterval(tokyo(3, 9), tokyo(3, 10), false)));
    assertThat(merged)
        .containsExactly(
            new BusyInterval(tokyo(1, 9), tokyo(2, 13), false),
            new BusyInterval(tokyo(3, 9), tokyo(3, 10), false));
  }

  @Test
  void busyNowUntilThursdayMakesAnAvailableFreelancerAvailableFromThursday() {
    var change =
        BusyTime.availabilityAfter(
                available(),
                List.of(new BusyInterval(NOW.minusSeconds(60), tokyo(3, 0), true)),
                NOW)
            .orElseThrow();
    assertThat(change.status()).isEqualTo(AvailabilityStatus.AVAILABLE_FROM);
    assertThat(change.availableFrom()).isEqualTo(LocalDate.of(2026, 12, 3));
    // Everything else the freelancer said stays as they said it.
    assertThat(change.daysPerWeek()).isEqualTo(3);
    assertThat(change.hoursPerDay()).isEqualTo(8);
    assertThat(change.workStyle()).isEqualTo(WorkStyle.REMOTE);
    assertThat(change.note()).isEqualTo("note");
  }

  @Test
  void chainedBlocksCountAsOneStretch() {
    var change =
        BusyTime.availabilityAfter(
            available(),
            List.of(
                new BusyInterval(NOW.minus(Duration.ofHours(1)), tokyo(1, 18), false),
                new BusyInterval(tokyo(1, 18), tokyo(4, 12), false)),
            NOW);
    assertThat(change)
        .get()
        .extracting(Availability.Change::availableFrom)
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void aMeetingThatEndsTodayDoesNotMoveTheDate() {
    assertThat(
            BusyTime.availabilityAfter(
                available(),
                List.of(new BusyInterval(NOW.minusSeconds(600), NOW.plusSeconds(3600), false)),
                NOW))
        .isEmpty();
  }

  @Test
  void busyTimeLaterOnDoesNotMoveAnAvailableFreelancer() {
    assertThat(
            BusyTime.availabilityAfter(
                available(), List.of(new BusyInterval(tokyo(5, 0), tokyo(9, 0), true)), NOW))
        .isEmpty();
  }

  @Test
  void anAvailableFromDateInsideBusyTimeMovesPastIt() {
    var change =
        BusyTime.availabilityAfter(
            availableFrom(LocalDate.of(2026, 12, 5)),
            List.of(new BusyInterval(tokyo(4, 0), tokyo(8, 0), true)),
            NOW);
    assertThat(change)
        .get()
        .extracting(Availability.Change::availableFrom)
        .isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void neverMovesEarlierNorTouchesUnavailableOrUnsetAvailability() {
    List<BusyInterval> busy = List.of(new BusyInterval(NOW.minusSeconds(1), tokyo(3, 0), true));
    assertThat(BusyTime.availabilityAfter(availableFrom(LocalDate.of(2026, 12, 20)), busy, NOW))
        .isEmpty();
    assertThat(
            BusyTime.availabilityAfter(
                new Availability(
                    AvailabilityStatus.UNAVAILABLE,
                    null,
                    3,
                    8,
                    WorkStyle.REMOTE,
                    null,
                    null,
                    NOW,
                    1),
                busy,
                NOW))
        .isEmpty();
    assertThat(BusyTime.availabilityAfter(null, busy, NOW)).isEmpty();
  }

  @Test
  void applyingTheSameBusyTimeAgainChangesNothing() {
    List<BusyInterval> busy = List.of(new BusyInterval(NOW.minusSeconds(1), tokyo(3, 0), true));
    var first = BusyTime.availabilityAfter(available(), busy, NOW).orElseThrow();
    Availability after = Availability.next(available(), first, 4L, NOW);
    assertThat(BusyTime.availabilityAfter(after, busy, NOW)).isEmpty();
  }
}
