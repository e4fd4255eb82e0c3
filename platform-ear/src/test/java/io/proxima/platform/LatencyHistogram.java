package io.proxima.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Delivery latencies in 50 µs buckets up to 60 s; lock-free, so thousands of sockets can record.
 */
final class LatencyHistogram {

  private static final long BUCKET_NANOS = 50_000;
  private final AtomicLongArray buckets = new AtomicLongArray(1_200_000);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  void record(long nanos) {
    long bucket = Math.min(Math.max(nanos, 0) / BUCKET_NANOS, buckets.length() - 1);
    buckets.incrementAndGet((int) bucket);
    count.incrementAndGet();
    max.accumulateAndGet(nanos, Math::max);
  }

  long count() {
    return count.get();
  }

  double percentileMillis(double percentile) {
    long total = count.get();
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(total * percentile / 100.0);
    long seen = 0;
    for (int i = 0; i < buckets.length(); i++) {
      seen += buckets.get(i);
      if (seen >= rank) {
        return (i + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return max.get() / 1e6;
  }

  double maxMillis() {
    return max.get() / 1e6;
  }

  String summary() {
    return String.format(
        "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
        count(), percentileMillis(50), percentileMillis(99), maxMillis());
  }
}
