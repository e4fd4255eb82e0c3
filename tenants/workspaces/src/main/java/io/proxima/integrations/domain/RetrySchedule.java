package io.proxima.integrations.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the wait doubles with each attempt up to a ceiling, and a
 * random part of it (between half and all of it) spreads receivers that came back at the same
 * moment, so they are not hit by every tenant's retries at once.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts) {

  public RetrySchedule {
    if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("first > 0, longest >= first, maxAttempts >= 1");
    }
  }

  /** The ceiling of the wait after {@code attempts} attempts (1 = after the first). */
  public Duration ceiling(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration wait = first.multipliedBy(1L << Math.min(doublings, 20));
    return wait.compareTo(longest) > 0 ? longest : wait;
  }

  /** The wait after {@code attempts}, with jitter from {@code random} (0 ≤ r < 1). */
  public Duration after(int attempts, DoubleSupplier random) {
    long ceiling = ceiling(attempts).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
  }

  /** Whether a delivery that has had {@code attempts} attempts gets another. */
  public boolean another(int attempts) {
    return attempts < maxAttempts;
  }
}
