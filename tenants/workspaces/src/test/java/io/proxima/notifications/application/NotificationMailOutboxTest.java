package io.proxima.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationMailOutboxTest {

  @Test
  void retriesBackOffByDoublingUpToAnHour() {
    assertThat(NotificationMailOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(NotificationMailOutbox.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(NotificationMailOutbox.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(NotificationMailOutbox.backoff(10)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(NotificationMailOutbox.backoff(11)).isEqualTo(Duration.ofHours(1));
    assertThat(NotificationMailOutbox.backoff(500)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theFirstAttemptNeverWaitsLessThanTheFirstRetry() {
    assertThat(NotificationMailOutbox.backoff(0)).isEqualTo(Duration.ofSeconds(5));
  }
}
