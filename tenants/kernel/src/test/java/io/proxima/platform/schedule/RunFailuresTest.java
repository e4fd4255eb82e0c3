package io.proxima.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RunFailuresTest {

  private final List<LogRecord> records = new ArrayList<>();
  private final Logger log = Logger.getAnonymousLogger();

  RunFailuresTest() {
    log.setUseParentHandlers(false);
    log.setLevel(Level.ALL);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord logRecord) {
            records.add(logRecord);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  private List<Level> levels() {
    return records.stream().map(LogRecord::getLevel).toList();
  }

  @Test
  void anOutageIsOneWarningAndItsEndOneLine() {
    RunFailures failures = new RunFailures(log, "webhook sweep");
    failures.failed(new IllegalStateException("tables not migrated yet"));
    assertThat(levels()).as("before the first success: deploying").containsExactly(Level.FINE);

    failures.succeeded();
    for (int tick = 0; tick < 50; tick++) {
      failures.failed(new IllegalStateException("Connection refused"));
    }
    assertThat(levels().stream().filter(level -> level == Level.WARNING).count())
        .as("one warning for fifty failed ticks within a minute")
        .isEqualTo(1);
    assertThat(records.get(1).getThrown()).hasMessage("Connection refused");
    assertThat(failures.failing()).isEqualTo(50);

    records.clear();
    failures.succeeded();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(records.get(0).getMessage()).startsWith("webhook sweep works again after 50 failed");

    records.clear();
    failures.failed(new IllegalStateException("again"));
    assertThat(levels()).as("a new outage warns again").containsExactly(Level.WARNING);
  }
}
