package io.proxima.realtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The book on a real one-node cluster: Distributed Data needs the cluster provider. */
class PresenceBookTest {

  static ActorTestKit testKit;

  @BeforeAll
  static void cluster() throws InterruptedException {
    testKit =
        ActorTestKit.create(
            ConfigFactory.parseString(
                    "pekko.remote.artery.canonical.port = 0\n"
                        + "pekko.cluster.distributed-data.notify-subscribers-interval = 50ms")
                .withFallback(ConfigFactory.load("proxima-pekko.conf")));
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (cluster.selfMember().status() != MemberStatus.up()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void recordedPresenceIsReadableFromThePlainJavaViewAndErasedWithTheEntity() throws Exception {
    PresenceBook.View view = new PresenceBook.View();
    ActorRef<PresenceBook.Command> book = testKit.spawn(PresenceBook.create(view));
    Instant now = Instant.parse("2026-12-06T09:00:00Z");
    List<String> online = IntStream.range(0, 200).mapToObj(i -> "f-" + UUID.randomUUID()).toList();
    online.forEach(
        id -> book.tell(new PresenceBook.Record(id, new PresenceBook.Mark(true, 1, now))));
    String nobody = "never-connected";

    Map<String, PresenceBook.Mark> read = awaitView(view, online, online.size());
    assertThat(read).hasSize(200).doesNotContainKey(nobody);
    assertThat(read.values()).containsOnly(new PresenceBook.Mark(true, 1, now));
    assertThat(view.of(List.of(nobody))).isEmpty();

    book.tell(
        new PresenceBook.Record(
            online.get(0), new PresenceBook.Mark(false, 0, now.plusSeconds(60))));
    book.tell(new PresenceBook.Erase(online.get(1)));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (view.of(online).size() != 199
        || view.of(List.of(online.get(0))).get(online.get(0)).online()) {
      assertThat(System.nanoTime()).as("the view follows the book").isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(view.of(List.of(online.get(0))))
        .containsEntry(online.get(0), new PresenceBook.Mark(false, 0, now.plusSeconds(60)));
  }

  private static Map<String, PresenceBook.Mark> awaitView(
      PresenceBook.View view, List<String> ids, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (view.of(ids).size() < size) {
      assertThat(System.nanoTime()).as("the view fills").isLessThan(deadline);
      Thread.sleep(20);
    }
    return view.of(ids);
  }
}
