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

  private final class TenantFanout {
    final Set<Consumer<LiveEvent>> listeners = ConcurrentHashMap.newKeySet();
    ActorRef<LiveEvent> sink;
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
    TenantFanout fanout = tenants.computeIfAbsent(tenantId, id -> new TenantFanout());
    synchronized (fanout) {
      fanout.listeners.add(listener);
      if (fanout.sink == null) {
        fanout.sink =
            node.openSink(
                "tenant-" + tenantId + "-" + UUID.randomUUID(),
                event -> fanout.listeners.forEach(l -> deliver(l, event)));
        node.topics().tell(new TenantTopics.Subscribe(tenantId, fanout.sink));
      }
    }
  }

  void unlisten(UUID tenantId, Consumer<LiveEvent> listener) {
    TenantFanout fanout = tenants.get(tenantId);
    if (fanout == null) {
      return;
    }
    synchronized (fanout) {
      fanout.listeners.remove(listener);
      if (fanout.listeners.isEmpty() && fanout.sink != null) {
        node.topics().tell(new TenantTopics.Unsubscribe(tenantId, fanout.sink));
        node.closeSink(fanout.sink);
        fanout.sink = null;
        tenants.remove(tenantId, fanout);
      }
    }
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
