package io.proxima.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Map<String, Integer> config =
      Map.of(
          "proxima.rate-limit.search.per-user", 6,
          "proxima.rate-limit.search.per-tenant", 9,
          "proxima.rate-limit.github.per-user", 0,
          "proxima.rate-limit.github.per-tenant", 0);
  private final RateLimiter limiter =
      new RateLimiter(now::get, key -> Optional.ofNullable(config.get(key)));
  private final UUID tenant = UUID.randomUUID();

  @Test
  void aUserGetsTheirBurstThenWaitsForTheNextToken() {
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("search", "alice", tenant)).isEmpty();
    }
    // 6 a minute: one token every 10 seconds
    assertThat(limiter.acquire("search", "alice", tenant)).contains(Duration.ofSeconds(10));
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(limiter.acquire("search", "alice", tenant)).contains(Duration.ofSeconds(6));
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(limiter.acquire("search", "alice", tenant)).isEmpty();
    assertThat(limiter.acquire("search", "alice", tenant)).isPresent();
    // another user of the same tenant is not held back by alice
    assertThat(limiter.acquire("search", "bob", tenant)).isEmpty();
  }

  @Test
  void theTenantsBucketLimitsAllItsUsersTogether() {
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("search", "alice", tenant)).isEmpty();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("search", "bob", tenant)).isEmpty();
    }
    Optional<Duration> refused = limiter.acquire("search", "carol", tenant);
    assertThat(refused).isPresent();
    assertThat(refused.get()).isLessThanOrEqualTo(Duration.ofSeconds(7));
    // a refusal by the tenant's bucket spends none of the user's: carol still has her 6 elsewhere
    UUID elsewhere = UUID.randomUUID();
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("search", "carol", elsewhere)).isEmpty();
    }
    assertThat(limiter.acquire("search", "carol", elsewhere)).isPresent();
  }

  @Test
  void unconfiguredOperationsUseTheDefaultsAndZeroMeansNoLimit() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.acquire("github", "alice", tenant)).isEmpty();
    }
    int uploads = RateLimiter.DEFAULTS.get("skill-sheet-upload")[0];
    for (int i = 0; i < uploads; i++) {
      assertThat(limiter.acquire("skill-sheet-upload", "alice", null)).isEmpty();
    }
    assertThat(limiter.acquire("skill-sheet-upload", "alice", null)).isPresent();
  }
}
