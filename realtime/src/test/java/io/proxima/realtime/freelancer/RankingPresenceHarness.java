package io.proxima.realtime.freelancer;

import com.typesafe.config.ConfigFactory;
import io.proxima.realtime.live.PresenceBook;
import io.proxima.realtime.live.TenantTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * What a ranking pays to learn who of its 100 front-runners is online, before and after the
 * presence book, on a one-node cluster in this JVM. Before: one snapshot ask per candidate, which
 * wakes every cold entity (here from an in-memory store, so the figure leaves out the four
 * PostgreSQL transactions each wake costs on a node: a lower bound). After: a read of this node's
 * replica of the book. Not part of the build; run it with the test class path:
 *
 * <pre>
 * java -cp realtime/target/test-classes:realtime/target/classes:$(cat cp.txt) \
 *   io.proxima.realtime.freelancer.RankingPresenceHarness
 * </pre>
 */
public final class RankingPresenceHarness {

  static final int CANDIDATES = 100;
  static final int ROUNDS = 30;

  public static void main(String[] args) throws Exception {
    ActorSystem<Void> system =
        ActorSystem.create(
            Behaviors.empty(),
            "harness",
            ConfigFactory.parseString(
                    "pekko.remote.artery.canonical.port = 0\n"
                        + "pekko.loglevel = WARNING\n"
                        + "pekko.cluster.distributed-data.notify-subscribers-interval = 50ms")
                .withFallback(ConfigFactory.load("proxima-pekko.conf")));
    try {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      while (cluster.selfMember().status() != MemberStatus.up()) {
        Thread.sleep(50);
      }
      ActorRef<TenantTopics.Command> topics =
          system.systemActorOf(TenantTopics.create(), "tenant-topics", Props.empty());
      PresenceBook.View view = new PresenceBook.View();
      ActorRef<PresenceBook.Command> book =
          system.systemActorOf(PresenceBook.create(view), "presence-book", Props.empty());
      Freelancer.init(system, new InMemoryFreelancerStore(), topics, book);
      ClusterSharding sharding = ClusterSharding.get(system);

      double[] cold = new double[ROUNDS];
      double[] warm = new double[ROUNDS];
      double[] fromBook = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
          ids.add(UUID.randomUUID().toString());
        }
        cold[round] = askAll(sharding, ids);
        warm[round] = askAll(sharding, ids);
        Instant now = Instant.now();
        ids.forEach(
            id -> book.tell(new PresenceBook.Record(id, new PresenceBook.Mark(true, 1, now))));
        while (view.of(ids).size() < CANDIDATES) {
          Thread.sleep(10);
        }
        long started = System.nanoTime();
        int found = view.of(ids).size();
        fromBook[round] = (System.nanoTime() - started) / 1e6;
        if (found != CANDIDATES) {
          throw new IllegalStateException("the book lost presence: " + found);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "presence of %d candidates, %d rounds, %d cores, load average %.1f%n",
          CANDIDATES,
          ROUNDS,
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      print("before: ask 100 cold entities (wakes them)", cold);
      print("before: ask 100 awake entities", warm);
      print("after:  read the presence book replica", fromBook);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static double askAll(ClusterSharding sharding, List<String> ids) throws Exception {
    long started = System.nanoTime();
    List<CompletableFuture<Freelancer.Snapshot>> asks = new ArrayList<>();
    for (String id : ids) {
      asks.add(
          sharding
              .entityRefFor(Freelancer.TYPE_KEY, id)
              .<Freelancer.Snapshot>ask(Freelancer.GetSnapshot::new, Duration.ofSeconds(5))
              .toCompletableFuture());
    }
    CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    return (System.nanoTime() - started) / 1e6;
  }

  private static void print(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-45s p50 %8.3f ms   p90 %8.3f ms   max %8.3f ms%n",
        what,
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
        sorted[sorted.length - 1]);
  }
}
