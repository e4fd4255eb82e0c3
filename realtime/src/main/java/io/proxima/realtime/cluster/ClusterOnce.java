package io.proxima.realtime.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers single-use keys (a live ticket's nonce) across the whole cluster until they expire: the
 * first node to claim a key wins, every later claim on any node loses. Kept in a Hazelcast map of
 * Payara's cluster, whose {@code putIfAbsent} is atomic on the key's owner and backed up on another
 * member, with a time-to-live so nothing needs sweeping. A node without a Hazelcast cluster
 * remembers on its own, which is the whole cluster then.
 */
@ApplicationScoped
public class ClusterOnce {

  static final String MAP = "proxima-used-once";
  private static final Logger LOG = Logger.getLogger(ClusterOnce.class.getName());

  private final Instance<HazelcastInstance> hazelcast;
  private final Map<String, Instant> local = new ConcurrentHashMap<>();

  protected ClusterOnce() {
    this(null);
  }

  @Inject
  public ClusterOnce(Instance<HazelcastInstance> hazelcast) {
    this.hazelcast = hazelcast;
  }

  /**
   * Whether this is the first claim of {@code key} anywhere in the cluster; the key is remembered
   * until {@code expiresAt}. Fails closed: when the cluster cannot answer, the claim loses.
   */
  public boolean claim(String key, Instant now, Instant expiresAt) {
    long ttl = Duration.between(now, expiresAt).toMillis();
    if (ttl <= 0) {
      return false;
    }
    Optional<HazelcastInstance> cluster = SeedNodes.running(hazelcast);
    if (cluster.isEmpty()) {
      local.values().removeIf(expiry -> expiry.isBefore(now));
      return local.putIfAbsent(key, expiresAt) == null;
    }
    try {
      IMap<String, Long> used = cluster.get().getMap(MAP);
      return used.putIfAbsent(key, expiresAt.toEpochMilli(), ttl, TimeUnit.MILLISECONDS) == null;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the cluster could not say whether a key was used; refused", e);
      return false;
    }
  }
}
