package io.proxima.live.socket;

import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * This node's live streams and its share of the tenant topics. A tenant's topic has one subscriber
 * per node however many of its boards and chats are open here; the subscriber fans each event out
 * to the streams in plain Java, which is what lets one node hold many thousands of sockets. Streams
 * whose socket is gone are kept for a grace period so a client can resume them.
 */
@ApplicationScoped
public class LiveStreams {

  static final Duration GRACE = Duration.ofSeconds(60);
  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  /** Every this many heartbeats, a stream re-checks that its caller may still hold it. */
  static final int RECHECK_EVERY = 3;

  private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());

  /** A stream's presence in the node: what to do on heartbeats and when it ends. */
  interface Registration {
    LiveStream stream();

    void heartbeat();

    void end();
  }

  /**
   * One tenant's subscription on this node and the streams listening to it. Retired once its last
   * listener leaves, under its own lock and in the same step as it leaves the map, so a listener
   * can never join a fan-out that no longer receives anything; its sink may still be on its way
   * then, and is closed when it arrives.
   */
  private final class TenantFanout {
    final UUID tenantId;
    final Set<Consumer<LiveEvent>> listeners = ConcurrentHashMap.newKeySet();
    private ActorRef<LiveEvent> sink;
    private boolean retired;

    TenantFanout(UUID tenantId) {
      this.tenantId = tenantId;
    }

    /** Opens the sink without waiting: nobody holds a thread or a lock while the actors answer. */
    void open() {
      node.openSinkLater(
              "tenant-" + tenantId + "-" + UUID.randomUUID(),
              event -> listeners.forEach(l -> deliver(l, event)))
          .whenComplete(this::opened);
    }

    private void opened(ActorRef<LiveEvent> opened, Throwable failure) {
      if (failure != null) {
        LOG.log(Level.WARNING, "no live sink for tenant " + tenantId, failure);
        retireAfterFailure();
        return;
      }
      synchronized (this) {
        if (!retired) {
          sink = opened;
          node.topics().tell(new TenantTopics.Subscribe(tenantId, opened));
          return;
        }
      }
      node.closeSink(opened);
    }

    /** False when the fan-out was retired meanwhile: the caller takes the map's current one. */
    synchronized boolean add(Consumer<LiveEvent> listener) {
      if (retired) {
        return false;
      }
      listeners.add(listener);
      return true;
    }

    synchronized void remove(Consumer<LiveEvent> listener) {
      if (listeners.remove(listener) && listeners.isEmpty()) {
        retire();
      }
    }

    /**
     * A fan-out without a sink delivers nothing: its listeners would wait for events forever, so it
     * leaves the map and the next listener of the tenant starts a fresh one.
     */
    private synchronized void retireAfterFailure() {
      if (!retired) {
        retired = true;
        tenants.remove(tenantId, this);
      }
    }

    private void retire() {
      retired = true;
      tenants.remove(tenantId, this);
      if (sink != null) {
        node.topics().tell(new TenantTopics.Unsubscribe(tenantId, sink));
        node.closeSink(sink);
        sink = null;
      }
    }
  }

  @Resource private ManagedScheduledExecutorService scheduler;

  private final RealtimeNode node;
  private final Map<String, Registration> streams = new ConcurrentHashMap<>();
  private final Map<UUID, TenantFanout> tenants = new ConcurrentHashMap<>();
  private ScheduledFuture<?> housekeeping;

  protected LiveStreams() {
    this(null);
  }

  @Inject
  public LiveStreams(RealtimeNode node) {
    this.node = node;
  }

  @PostConstruct
  void startHousekeeping() {
    housekeeping =
        scheduler.scheduleAtFixedRate(
            this::housekeeping, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stopHousekeeping() {
    if (housekeeping != null) {
      housekeeping.cancel(false);
    }
    streams.values().forEach(Registration::end);
    streams.clear();
  }

  void register(Registration registration) {
    streams.put(registration.stream().id, registration);
  }

  /** The caller's own stream, if it is still held for resuming. */
  Optional<Registration> resumable(String id, String subject) {
    return Optional.ofNullable(id == null ? null : streams.get(id))
        .filter(r -> r.stream().subject.equals(subject));
  }

  void end(Registration registration) {
    if (streams.remove(registration.stream().id, registration)) {
      registration.end();
    }
  }

  /** Delivers the tenant's live events to {@code listener} until {@link #unlisten} is called. */
  void listen(UUID tenantId, Consumer<LiveEvent> listener) {
    while (true) {
      boolean[] created = {false};
      TenantFanout fanout =
          tenants.computeIfAbsent(
              tenantId,
              id -> {
                created[0] = true;
                return new TenantFanout(id);
              });
      if (fanout.add(listener)) {
        if (created[0]) {
          fanout.open();
        }
        return;
      }
    }
  }

  void unlisten(UUID tenantId, Consumer<LiveEvent> listener) {
    TenantFanout fanout = tenants.get(tenantId);
    if (fanout != null) {
      fanout.remove(listener);
    }
  }

  /** How many of this node's streams listen to {@code tenantId}'s topic (for tests and checks). */
  int listeners(UUID tenantId) {
    TenantFanout fanout = tenants.get(tenantId);
    return fanout == null ? 0 : fanout.listeners.size();
  }

  /** How many tenants this node holds a subscription for. */
  int tenantsListenedTo() {
    return tenants.size();
  }

  private static void deliver(Consumer<LiveEvent> listener, LiveEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a live listener failed on " + event, e);
    }
  }

  private void housekeeping() {
    long grace = GRACE.toNanos();
    for (Registration registration : streams.values()) {
      try {
        if (registration.stream().expired(grace)) {
          end(registration);
        } else {
          registration.heartbeat();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "live housekeeping failed for a stream", e);
      }
    }
  }
}
