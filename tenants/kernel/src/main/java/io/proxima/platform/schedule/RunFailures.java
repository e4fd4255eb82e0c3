package io.proxima.platform.schedule;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a repeating background run (an outbox sweep, a schedule's tick) reports failure. During a
 * database outage every tick fails the same way; a warning with its stack trace per tick buried the
 * one line per refused request an operator needs (the outage test counted 44 lines from six sweeps
 * in seven seconds). So: the first failure after a success is a warning with its cause; repeats are
 * only reminded of once a minute; the first success after them says how long it lasted. Before the
 * first success (the application still deploying, its tables not migrated) failures are not worth a
 * warning at all.
 */
public final class RunFailures {

  static final Duration REMINDER = Duration.ofMinutes(1);

  private final Logger log;
  private final String run;
  private boolean everSucceeded;
  private int failing;
  private long failingSince;
  private long remindedAt;

  /**
   * @param run what runs, as an operator reads it ("webhook sweep")
   */
  public RunFailures(Logger log, String run) {
    this.log = log;
    this.run = run;
  }

  /** The run went through. */
  public synchronized void succeeded() {
    if (failing > 0 && everSucceeded) {
      long seconds = Duration.ofNanos(System.nanoTime() - failingSince).toSeconds();
      int runs = failing;
      log.info(() -> run + " works again after " + runs + " failed runs over " + seconds + " s");
    }
    failing = 0;
    everSucceeded = true;
  }

  /** The run failed; the next one tries again. */
  public synchronized void failed(Throwable cause) {
    if (!everSucceeded) {
      log.log(Level.FINE, run + " failed before it ever ran", cause);
      return;
    }
    long now = System.nanoTime();
    failing++;
    if (failing == 1) {
      failingSince = now;
      remindedAt = now;
      log.log(Level.WARNING, run + " failed", cause);
    } else if (now - remindedAt >= REMINDER.toNanos()) {
      remindedAt = now;
      long seconds = Duration.ofNanos(now - failingSince).toSeconds();
      log.warning(
          run
              + " still failing: "
              + failing
              + " runs in "
              + seconds
              + " s, the last with "
              + cause);
    } else {
      log.log(Level.FINE, run + " failed again", cause);
    }
  }

  synchronized int failing() {
    return failing;
  }
}
