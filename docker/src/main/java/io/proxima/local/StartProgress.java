package io.proxima.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tells the person at the terminal which part of the platform is starting, that it is still at it
 * during a long start, and how long it took: a silent minute looks like a hang.
 */
public interface StartProgress {

  /** Runs {@code start} for {@code part}, reporting around it. */
  <T> T step(String part, String detail, Supplier<T> start);

  /** Tests start the stack without telling anyone. */
  StartProgress SILENT =
      new StartProgress() {
        @Override
        public <T> T step(String part, String detail, Supplier<T> start) {
          return start.get();
        }
      };

  /**
   * Lines such as {@code Keycloak 26.7.3 … starting (…)}, {@code … still starting (30 s)} every
   * {@code heartbeat}, and {@code … ready in 14 s} (or {@code … failed after 9 s}).
   */
  static StartProgress printingTo(PrintStream out, Duration heartbeat) {
    return new StartProgress() {
      @Override
      public <T> T step(String part, String detail, Supplier<T> start) {
        out.printf("  %-28s … starting%s%n", part, detail == null ? "" : " (" + detail + ")");
        long begun = System.nanoTime();
        ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "start-progress");
                  thread.setDaemon(true);
                  return thread;
                });
        ticker.scheduleAtFixedRate(
            () -> out.printf("  %-28s … still starting (%d s)%n", part, secondsSince(begun)),
            heartbeat.toMillis(),
            heartbeat.toMillis(),
            TimeUnit.MILLISECONDS);
        try {
          T started = start.get();
          out.printf("  %-28s … ready in %d s%n", part, secondsSince(begun));
          return started;
        } catch (RuntimeException e) {
          out.printf("  %-28s … failed after %d s%n", part, secondsSince(begun));
          throw e;
        } finally {
          ticker.shutdownNow();
        }
      }
    };
  }

  private static long secondsSince(long nanos) {
    return Math.round((System.nanoTime() - nanos) / 1e9);
  }
}
