package io.proxima.realtime.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.realtime.freelancer.InMemoryFreelancerStore;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live desk's writes on a real one-node cluster with sharded freelancer entities (their store
 * kept in memory): they never hold the calling thread while an entity answers, their failures are
 * the problems themselves, and a tenant's message to someone who does not share with it is refused
 * before any entity is woken for them.
 */
class LiveDeskAsyncTest {

  static final UUID TENANT = UUID.randomUUID();
  static final String STAFF = "staff-" + UUID.randomUUID();
  static final Availability.Change FROM_MAY =
      new Availability.Change(
          AvailabilityStatus.AVAILABLE_FROM,
          LocalDate.of(2027, 5, 1),
          4,
          8,
          WorkStyle.HYBRID,
          new RateBand(60, 75),
          "Go / Kubernetes");

  static InMemoryFreelancerStore store;
  static RealtimeNode node;
  static FreelancerGateway gateway;
  static ConsentsInMemory consents;
  static LiveDesk desk;

  @BeforeAll
  static void startOneNodeCluster() throws Exception {
    store = new InMemoryFreelancerStore();
    int port = freePort();
    node =
        new RealtimeNode(
            store, null, true, "127.0.0.1", port, Optional.of("pekko://proxima@127.0.0.1:" + port));
    node.start();
    Cluster cluster = Cluster.get(node.system());
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (cluster.selfMember().status() != MemberStatus.up()) {
      assertThat(System.nanoTime()).as("the node joins itself").isLessThan(until);
      Thread.sleep(50);
    }
    gateway = new FreelancerGateway(node);
    consents = new ConsentsInMemory();
    desk =
        new LiveDesk(
            gateway,
            null,
            null,
            new Consents(consents, null, null, null, null, null, null, null),
            null,
            null);
  }

  @AfterAll
  static void stop() {
    // No seed registry to withdraw from: the node was given its seed.
    node.system().terminate();
    node.system().getWhenTerminated().toCompletableFuture().join();
  }

  @Test
  void changingAvailabilityReturnsAtOnceWhileTheEntityIsStillStoringIt() throws Exception {
    String freelancer = "f-" + UUID.randomUUID();
    store.holdWrites();
    CompletionStage<Availability> changed;
    try {
      long started = System.nanoTime();
      changed =
          TenancyContext.callIn(
              TenancyContext.self(freelancer), () -> desk.changeMyAvailability(FROM_MAY, null));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      // The write is held: nothing can have answered yet, and the caller was not kept waiting.
      Thread.sleep(300);
      assertThat(changed.toCompletableFuture()).isNotDone();
      assertThat(tookMillis).isLessThan(FreelancerGateway.ASK_TIMEOUT.toMillis() / 5);
    } finally {
      store.releaseWrites();
    }
    Availability stored = changed.toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(stored.status()).isEqualTo(AvailabilityStatus.AVAILABLE_FROM);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void aRefusalFailsTheStageWithTheProblemItselfNotAWrapper() {
    String freelancer = "f-" + UUID.randomUUID();
    TenancyContext me = TenancyContext.self(freelancer);
    TenancyContext.callIn(me, () -> desk.changeMyAvailability(FROM_MAY, null))
        .toCompletableFuture()
        .join();

    CompletableFuture<Availability> stale =
        TenancyContext.callIn(me, () -> desk.changeMyAvailability(FROM_MAY, 7L))
            .toCompletableFuture();

    Throwable failure = failureOf(stale);
    // What a JAX-RS runtime hands to the exception mappers: the 409 problem, not a 500.
    assertThat(failure).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aMessageToSomeoneWhoDoesNotShareWithTheTenantWakesNoEntity() throws Exception {
    String stranger = "nobody-" + UUID.randomUUID();
    TenancyContext staff = TenancyContext.tenant(TENANT, "acme", STAFF);

    assertThatThrownBy(
            () -> TenancyContext.callIn(staff, () -> desk.sendAsTenant(stranger, "m-1", "hello")))
        .isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(
            () -> TenancyContext.callIn(staff, () -> desk.acknowledgeAsTenant(stranger, true, 1)))
        .isInstanceOf(DomainException.NotFound.class);

    assertThat(liveEntities()).doesNotContain(stranger);
  }

  @Test
  void aMessageToASharingFreelancerIsStoredByTheirEntity() throws Exception {
    String sharing = "f-" + UUID.randomUUID();
    consents.store(Consent.give(sharing, TENANT, Instant.now()));
    store.share(sharing, TENANT);
    TenancyContext staff = TenancyContext.tenant(TENANT, "acme", STAFF);

    ChatMessage sent =
        TenancyContext.callIn(staff, () -> desk.sendAsTenant(sharing, "m-1", "こんにちは"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(sent.body()).isEqualTo("こんにちは");
    assertThat(liveEntities()).contains(sharing);
  }

  /** The ids of the freelancer entities running on this node, as sharding itself reports them. */
  static Set<String> liveEntities() {
    TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(node.system());
    ClusterSharding.get(node.system())
        .shardState()
        .tell(new GetShardRegionState(Freelancer.TYPE_KEY, probe.getRef()));
    ShardRegion.CurrentShardRegionState state =
        probe.expectMessageClass(ShardRegion.CurrentShardRegionState.class, Duration.ofSeconds(5));
    return state.getShards().stream()
        .flatMap(shard -> shard.getEntityIds().stream())
        .collect(Collectors.toSet());
  }

  static Throwable failureOf(CompletableFuture<?> stage) {
    try {
      stage.get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the stage did not fail in time", e);
    }
    throw new AssertionError("the stage should have failed");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The consent table kept in memory; the JPA repository has its own integration tests. */
  static final class ConsentsInMemory implements ConsentRepository {
    final List<Consent> consents = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Consent> activeConsent(String freelancerSubject, UUID tenantId) {
      return consents.stream()
          .filter(c -> c.isActive())
          .filter(c -> c.freelancerSubject().equals(freelancerSubject))
          .filter(c -> c.tenantId().equals(tenantId))
          .findFirst();
    }

    @Override
    public List<Consent> ofFreelancer(String freelancerSubject) {
      return consents.stream()
          .filter(c -> c.freelancerSubject().equals(freelancerSubject))
          .toList();
    }

    @Override
    public List<Consent> activeInCurrentTenant() {
      UUID tenant = TenancyContext.current().requireTenant();
      return consents.stream().filter(c -> c.isActive() && c.tenantId().equals(tenant)).toList();
    }

    @Override
    public void store(Consent consent) {
      consents.add(consent);
    }
  }
}
