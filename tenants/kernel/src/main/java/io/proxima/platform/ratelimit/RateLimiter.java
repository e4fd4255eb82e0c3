package io.proxima.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Token buckets per user and per tenant for the operations that cost the platform most (reading
 * skill sheets, GitHub lookups, searches, scouts, live tickets).
 *
 * <p>The buckets live in this node's memory: a cluster of n nodes lets up to n times the limit
 * through, which is fine for what they protect against (one account or tenant hammering an
 * expensive operation), and costs no network round trip or shared state per request. Limits are
 * requests per minute, refilled continuously, with a minute's worth as the burst: {@code
 * proxima.rate-limit.<operation>.per-user} and {@code .per-tenant} (0 = no limit).
 */
@ApplicationScoped
public class RateLimiter {

  /** Requests per minute per user and per tenant, unless configured. */
  static final Map<String, int[]> DEFAULTS =
      Map.of(
          "skill-sheet-upload", new int[] {10, 0},
          "github", new int[] {10, 120},
          "search", new int[] {60, 600},
          "scout-send", new int[] {20, 100},
          "live-ticket", new int[] {30, 0},
          // The freelancer's export of all their data reads every context: a couple a minute is
          // plenty for a person, and a script cannot hammer the database with it.
          "export", new int[] {2, 0});

  private final LongSupplier nanoTime;
  private final Function<String, Optional<Integer>> settings;
  // Bounded and idle-expiring: a bucket untouched for 10 minutes is full again anyway, so
  // forgetting
  // it changes nothing, and a flood of distinct callers cannot grow the map without end.
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimiter() {
    this(System::nanoTime, key -> ConfigProvider.getConfig().getOptionalValue(key, Integer.class));
  }

  RateLimiter(LongSupplier nanoTime, Function<String, Optional<Integer>> settings) {
    this.nanoTime = nanoTime;
    this.settings = settings;
  }

  /**
   * Takes one request of {@code operation} from the user's and the tenant's bucket.
   *
   * @return empty when the request may go ahead; otherwise how long to wait before a retry
   */
  public Optional<Duration> acquire(String operation, String user, UUID tenant) {
    int perUser = limit(operation, "per-user", 0);
    int perTenant = limit(operation, "per-tenant", 1);
    long now = nanoTime.getAsLong();
    Bucket userBucket =
        perUser > 0 && user != null
            ? buckets.get(operation + "|u|" + user, k -> new Bucket(perUser, now))
            : null;
    Bucket tenantBucket =
        perTenant > 0 && tenant != null
            ? buckets.get(operation + "|t|" + tenant, k -> new Bucket(perTenant, now))
            : null;
    if (userBucket != null) {
      Optional<Duration> wait = userBucket.take(perUser, now);
      if (wait.isPresent()) {
        return wait;
      }
    }
    if (tenantBucket != null) {
      Optional<Duration> wait = tenantBucket.take(perTenant, now);
      if (wait.isPresent()) {
        // the tenant's limit refused it: the user's token was not spent
        if (userBucket != null) {
          userBucket.giveBack(perUser);
        }
        return wait;
      }
    }
    return Optional.empty();
  }

  private int limit(String operation, String scope, int index) {
    int[] fallback = DEFAULTS.get(operation);
    return settings
        .apply("proxima.rate-limit." + operation + "." + scope)
        .orElse(fallback == null ? 0 : fallback[index]);
  }

  /** A token bucket of {@code perMinute} tokens, refilled at {@code perMinute} a minute. */
  static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(int perMinute, long now) {
      this.tokens = perMinute;
      this.updated = now;
    }

    synchronized Optional<Duration> take(int perMinute, long now) {
      double perNano = perMinute / 60e9;
      tokens = Math.min(perMinute, tokens + (now - updated) * perNano);
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      long nanos = (long) Math.ceil((1 - tokens) / perNano);
      return Optional.of(Duration.ofNanos(nanos));
    }

    synchronized void giveBack(int perMinute) {
      tokens = Math.min(perMinute, tokens + 1);
    }
  }
}
