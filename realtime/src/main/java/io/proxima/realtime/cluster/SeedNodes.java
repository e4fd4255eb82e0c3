package io.proxima.realtime.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;

/**
 * Finds the Pekko seed nodes through Payara's Hazelcast cluster: every node publishes its Pekko
 * address under its Hazelcast member id, and joins the addresses of the current members, oldest
 * member first. The oldest member therefore forms the cluster (Pekko lets the first seed join
 * itself), and every later node joins it, so concurrent starts do not make two clusters.
 */
@ApplicationScoped
public class SeedNodes {

  static final String MAP = "proxima-pekko-nodes";
  private static final Logger LOG = Logger.getLogger(SeedNodes.class.getName());

  private final Instance<HazelcastInstance> hazelcast;

  protected SeedNodes() {
    this(null);
  }

  @Inject
  public SeedNodes(Instance<HazelcastInstance> hazelcast) {
    this.hazelcast = hazelcast;
  }

  /**
   * The seed nodes for {@code self}, oldest member first; just {@code self} when this node runs
   * without a Hazelcast cluster. Waits up to {@code patience} for the oldest member to publish.
   */
  public List<Address> discover(Address self, Duration patience) {
    Optional<HazelcastInstance> cluster = running();
    if (cluster.isEmpty()) {
      LOG.info("No Hazelcast cluster on this node: the Pekko cluster starts with this node alone");
      return List.of(self);
    }
    IMap<String, String> nodes = cluster.get().getMap(MAP);
    Member me = cluster.get().getCluster().getLocalMember();
    nodes.put(me.getUuid().toString(), self.toString());
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      List<Address> seeds = new ArrayList<>();
      boolean oldestKnown = false;
      boolean first = true;
      for (Member member : cluster.get().getCluster().getMembers()) {
        String address = nodes.get(member.getUuid().toString());
        if (address != null) {
          seeds.add(AddressFromURIString.parse(address));
          oldestKnown |= first;
        }
        first = false;
      }
      if (oldestKnown || System.nanoTime() > deadline) {
        LOG.info(() -> "Pekko seed nodes from Hazelcast: " + seeds);
        return seeds.isEmpty() ? List.of(self) : seeds;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return seeds.isEmpty() ? List.of(self) : seeds;
      }
    }
  }

  /** Forgets this node's address when it leaves, so nobody tries to join a node that is gone. */
  public void withdraw() {
    running()
        .ifPresent(
            cluster -> {
              try {
                cluster
                    .<String, String>getMap(MAP)
                    .remove(cluster.getCluster().getLocalMember().getUuid().toString());
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not withdraw the Pekko address", e);
              }
            });
  }

  private Optional<HazelcastInstance> running() {
    return running(hazelcast);
  }

  /** Payara's Hazelcast instance when this node runs one; empty with clustering off. */
  static Optional<HazelcastInstance> running(Instance<HazelcastInstance> hazelcast) {
    try {
      if (hazelcast == null || !hazelcast.isResolvable()) {
        return Optional.empty();
      }
      HazelcastInstance instance = hazelcast.get();
      return instance != null && instance.getLifecycleService().isRunning()
          ? Optional.of(instance)
          : Optional.empty();
    } catch (RuntimeException e) {
      // Payara with clustering off hands out no usable instance.
      LOG.log(Level.FINE, "Hazelcast not available", e);
      return Optional.empty();
    }
  }
}
