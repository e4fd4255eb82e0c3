package io.proxima.contracts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a failed delivery waits before the next attempt. */
class ESignatureOutboxTest {

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToAQuarterOfAnHour() {
    assertThat(ESignatureOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(ESignatureOutbox.backoff(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(ESignatureOutbox.backoff(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(ESignatureOutbox.backoff(10)).isEqualTo(Duration.ofMinutes(15));
    assertThat(ESignatureOutbox.backoff(1000)).isEqualTo(Duration.ofMinutes(15));
  }
}
