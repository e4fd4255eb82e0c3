package io.proxima.live.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.cluster.SeedNodes;
import io.proxima.realtime.freelancer.FreelancerStore;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.TenantTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's tenant fan-out on a real one-node Pekko cluster: sockets of a tenant open and close
 * from many threads while updates flow, as on a busy node.
 */
class LiveStreamsTest {

  private static RealtimeNode node;

  @BeforeAll
  static void startNode() throws InterruptedException {
    node =
        new RealtimeNode(
            new NoEntities(), new SeedNodes(null), true, "127.0.0.1", 0, Optional.empty());
    node.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Cluster.get(node.system()).selfMember().status() != MemberStatus.up()) {
      assertThat(System.nanoTime()).as("the node is Up").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopNode() {
    // Not node.stop(): that also withdraws from Payara's Hazelcast, which is not here.
    node.system().terminate();
  }

  @Test
  void socketsOpeningAndClosingConcurrentlyLoseNoUpdateAndLeaveNoListener() throws Exception {
    LiveStreams streams = new LiveStreams(node);
    UUID tenant = UUID.randomUUID();
    List<String> steady = new CopyOnWriteArrayList<>();
    Consumer<LiveEvent> steadyListener = event -> steady.add(event.freelancerId());
    streams.listen(tenant, steadyListener);
    // The subscription is made in the background; from the first event through, nothing is lost.
    awaitFirst(tenant, steady);
    steady.clear();

    AtomicInteger churnDeliveries = new AtomicInteger();
    AtomicBoolean churning = new AtomicBoolean(true);
    ExecutorService sockets = Executors.newFixedThreadPool(8);
    List<Future<Integer>> churners = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      churners.add(
          sockets.submit(
              () -> {
                int opened = 0;
                while (churning.get()) {
                  Consumer<LiveEvent> socket = event -> churnDeliveries.incrementAndGet();
                  streams.listen(tenant, socket);
                  opened++;
                  if (ThreadLocalRandom.current().nextBoolean()) {
                    Thread.onSpinWait();
                  }
                  streams.unlisten(tenant, socket);
                }
                return opened;
              }));
    }
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String update = "update-" + i;
      published.add(update);
      publish(tenant, update);
      if (i % 50 == 0) {
        Thread.sleep(5);
      }
    }
    Thread.sleep(200);
    churning.set(false);
    int opened = 0;
    for (Future<Integer> churner : churners) {
      opened += churner.get(30, TimeUnit.SECONDS);
    }
    sockets.shutdown();

    awaitSize(steady, published.size());
    assertThat(steady).as("every update, in order, once").isEqualTo(published);
    assertThat(opened).as("sockets opened and closed meanwhile").isGreaterThan(100);
    assertThat(streams.listeners(tenant)).as("only the steady socket listens").isEqualTo(1);

    streams.unlisten(tenant, steadyListener);
    assertThat(streams.listeners(tenant)).isZero();
    assertThat(streams.tenantsListenedTo()).as("no fan-out left behind").isZero();
    int before = churnDeliveries.get();
    publish(tenant, "after-everyone-left");
    Thread.sleep(300);
    assertThat(churnDeliveries.get()).as("no closed socket hears anything").isEqualTo(before);
    assertThat(steady).doesNotContain("after-everyone-left");
  }

  @Test
  void aSocketOpeningAfterTheLastOneClosedGetsAFreshSubscription() throws Exception {
    LiveStreams streams = new LiveStreams(node);
    UUID tenant = UUID.randomUUID();
    List<String> first = new CopyOnWriteArrayList<>();
    Consumer<LiveEvent> firstListener = event -> first.add(event.freelancerId());
    streams.listen(tenant, firstListener);
    awaitFirst(tenant, first);
    streams.unlisten(tenant, firstListener);

    List<String> second = new CopyOnWriteArrayList<>();
    streams.listen(tenant, event -> second.add(event.freelancerId()));
    awaitFirst(tenant, second);
    first.clear();
    publish(tenant, "only-the-second");
    awaitSize(second, 2);
    assertThat(second).endsWith("only-the-second");
    assertThat(first).isEmpty();
  }

  private static void publish(UUID tenant, String freelancerId) {
    node.topics()
        .tell(
            new TenantTopics.Publish(
                tenant, new LiveEvent.PresenceChanged(freelancerId, true, 1, Instant.now(), null)));
  }

  /** Publishes probes until the first one arrives; leaves just that one in {@code received}. */
  private static void awaitFirst(UUID tenant, List<String> received) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (received.isEmpty()) {
      assertThat(System.nanoTime()).as("the subscription works").isLessThan(deadline);
      publish(tenant, "probe");
      Thread.sleep(50);
    }
    Thread.sleep(200);
    received.subList(1, received.size()).clear();
  }

  private static void awaitSize(List<String> received, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (received.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** This test wakes no freelancer entity; any call to the store is a mistake of the test. */
  private static final class NoEntities implements FreelancerStore {
    @Override
    public CompletionStage<Stored> load(String freelancerId) {
      return refused();
    }

    @Override
    public CompletionStage<Availability> saveAvailability(String freelancerId, Availability next) {
      return refused();
    }

    @Override
    public CompletionStage<List<ChatMessage>> appendAll(List<ChatMessage.Draft> drafts) {
      return refused();
    }

    @Override
    public CompletionStage<Conversation> acknowledge(
        UUID tenantId, String freelancerId, Side side, boolean read, long upToSeq) {
      return refused();
    }

    private static <T> CompletionStage<T> refused() {
      return CompletableFuture.failedFuture(
          new UnsupportedOperationException("no freelancer entity in this test"));
    }
  }
}
