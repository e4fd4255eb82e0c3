package io.proxima.integrations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 8);

  @Test
  void theCeilingDoublesWithEachAttemptUpToTheLongestWait() {
    assertThat(schedule.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(schedule.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(schedule.ceiling(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(schedule.ceiling(7)).isEqualTo(Duration.ofSeconds(1920));
    assertThat(schedule.ceiling(8)).isEqualTo(Duration.ofHours(1));
    assertThat(schedule.ceiling(1000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterKeepsTheWaitBetweenHalfAndAllOfTheCeiling() {
    assertThat(schedule.after(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(schedule.after(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(90));
    assertThat(schedule.after(3, () -> 0.999_999))
        .isBetween(Duration.ofMillis(119_999), Duration.ofSeconds(120));
  }

  @Test
  void attemptsEndAtTheMaximum() {
    assertThat(schedule.another(7)).isTrue();
    assertThat(schedule.another(8)).isFalse();
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
