package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalStack;
import io.proxima.local.PayaraMicroNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three platform nodes on loopback, clustered through Payara's Hazelcast and Pekko; one is killed
 * ({@code kill -9}) while availability changes and chat messages flow through all of them. Nothing
 * the platform acknowledged may be lost, and the boards on the surviving nodes must keep updating.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final Pattern MEMBERS_UP = Pattern.compile("\"membersUp\"\\s*:\\s*\"?(\\d+)");
  private static final Duration SETTLE = Duration.ofSeconds(90);
  // Shorter than the 2 s of the shared platform node (platform-it), which asks too: while a
  // cluster node lives, the schedule is always due for it first.
  private static final Duration REMINDER_PERIOD = Duration.ofSeconds(1);
  private static final String REMINDERS = "contract-end-reminders";

  private static final java.util.concurrent.atomic.AtomicLong LONGEST_WRITE_MS =
      new java.util.concurrent.atomic.AtomicLong();
  private static RunningPlatform platform;
  private static final List<PayaraMicroNode> nodes = new ArrayList<>();
  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @BeforeAll
  static void threeNodes() throws Exception {
    platform = RunningPlatform.get();
    Path home = RunningPlatform.BUILD.resolve("cluster-it");
    Path config = home.resolve("platform.properties");
    Files.createDirectories(home);
    Files.copy(
        RunningPlatform.BUILD.resolve("platform-it/platform.properties"),
        config,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<Integer> hazelcastPorts =
        List.of(LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort());
    // One after the other: three deployments at once on two cores starve each other (a node once
    // took more than five minutes to report ready), and the first node is then the oldest.
    for (int i = 0; i < 3; i++) {
      String name = "cluster-" + (i + 1);
      int hazelcastPort = hazelcastPorts.get(i);
      PayaraMicroNode node =
          new PayaraMicroNode(
              new PayaraMicroNode.Settings(
                  name,
                  LocalStack.freePort(),
                  RunningPlatform.MICRO.resolve("proxima-web.war"),
                  config,
                  home.resolve(name),
                  home.resolve("logs/" + name + ".log"),
                  List.of(
                      "-Xmx640m",
                      "-Dproxima.realtime.port=" + LocalStack.freePort(),
                      "-Dproxima.node.name=" + name,
                      // A schedule short enough to watch: once every REMINDER_PERIOD in the
                      // cluster.
                      "-Dproxima.contracts.end-reminder-seconds=" + REMINDER_PERIOD.toSeconds(),
                      // One key for the cluster, so a ticket from one node opens sockets on all.
                      "-Dproxima.live.ticket-secret=cluster-it-" + SUFFIX),
                  PayaraMicroNode.loopbackCluster(
                      "proxima-it-" + SUFFIX, hazelcastPort, hazelcastPorts)));
      nodes.add(node);
      node.start(Duration.ofMinutes(5));
    }
    for (PayaraMicroNode node : nodes) {
      awaitMembersUp(node, 3);
    }
  }

  @AfterAll
  static void stopNodes() {
    nodes.forEach(PayaraMicroNode::close);
  }

  record Freelancer(String id, String token) {}

  /** True once the socket has a frame; false when the server closed it with 1013 first. */
  private static boolean firstFrameOrTryAgain(LiveClient socket) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!socket.frames.isEmpty()) {
        return true;
      }
      Integer code = socket.closed.getNow(null);
      if (code != null) {
        assertThat(code).as("closed before its first frame").isEqualTo(1013);
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("neither a frame nor a close within 10 s");
  }

  /** First, while all three nodes live: a ticket's nonce is remembered by the whole cluster. */
  @Test
  @Order(1)
  void aLiveTicketOpensOneSocketInTheWholeCluster() {
    String token = platform.token("proxima-portal", "demo", "demo");
    String ticket = null;
    LiveClient opened = null;
    // As the portal does: a socket closed with 1013 ("try again") is opened again with a new
    // ticket. On a cluster formed seconds ago, on two shared cores, placing the freelancer's entity
    // has taken longer than the 4 s an opening may take (CI, 2026-12-06).
    for (int attempt = 1; attempt <= 3 && opened == null; attempt++) {
      HttpResponse<String> issued =
          call(nodes.get(0), "POST", "/api/v1/me/live-ticket", token, null);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
      ticket = field(issued.body(), "ticket");
      LiveClient candidate =
          LiveClient.open(nodes.get(1).baseUrl(), "/ws/chat?ticket=" + ticket, null, null);
      if (firstFrameOrTryAgain(candidate)) {
        opened = candidate;
      } else {
        candidate.close();
      }
    }
    assertThat(opened).as("the chat socket opened within three tickets").isNotNull();

    try (LiveClient first = opened) {
      assertThat(first.next("hello")).contains("\"mode\":\"freelancer\"");
      for (PayaraMicroNode node : List.of(nodes.get(2), nodes.get(0), nodes.get(1))) {
        LiveClient replayed =
            LiveClient.open(node.baseUrl(), "/ws/chat?ticket=" + ticket, null, null);
        assertThat(replayed.closeCode())
            .as("replayed on " + node.settings().name())
            .isEqualTo(1008);
        assertThat(replayed.frames).isEmpty();
      }
    }
  }

  @Test
  @Order(2)
  void aKilledNodeLosesNothingAcknowledgedAndBoardsKeepUpdating() throws Exception {
    var tenant =
        platform.provisionTenant(
            "cluster-" + SUFFIX, "{\"displayName\":\"Cluster " + SUFFIX + "\"}");
    String staff =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    List<Freelancer> freelancers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String username = "cluster-" + SUFFIX + "-" + i;
      String password = "pw-" + UUID.randomUUID();
      platform.keycloakAdmin.createUser(username, username + "@example.jp", "F" + i, password);
      String token = platform.token("proxima-portal", username, password);
      String id = field(call(nodes.get(0), "GET", "/api/v1/me", token, null).body(), "subject");
      assertThat(
              call(nodes.get(i % 3), "PUT", "/api/v1/me/consents/" + tenant.slug(), token, null)
                  .statusCode())
          .isEqualTo(200);
      freelancers.add(new Freelancer(id, token));
    }
    // Wake every entity, then find the node that hosts the first freelancer: that one dies.
    for (Freelancer freelancer : freelancers) {
      assertThat(putAvailability(nodes.get(0), freelancer, "warm-up").statusCode()).isEqualTo(200);
    }
    PayaraMicroNode victim = hostOf(freelancers.get(0).id());
    List<PayaraMicroNode> survivors = nodes.stream().filter(n -> n != victim).toList();
    LOG.info(
        () -> "killing " + victim.settings().name() + " (hosts " + freelancers.get(0).id() + ")");

    List<LiveClient> boards = new ArrayList<>();
    for (PayaraMicroNode survivor : survivors) {
      LiveClient board =
          LiveClient.open(survivor.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staff, null);
      assertThat(board.next("snapshot")).contains(freelancers.get(0).id());
      boards.add(board);
    }

    AtomicBoolean running = new AtomicBoolean(true);
    Map<String, List<String>> acknowledgedNotes = new ConcurrentHashMap<>();
    Map<String, List<String>> acknowledgedMessages = new ConcurrentHashMap<>();
    List<String> anomalies = new CopyOnWriteArrayList<>();
    ExecutorService load = Executors.newFixedThreadPool(freelancers.size() * 2);
    List<Future<?>> writers = new ArrayList<>();
    for (Freelancer freelancer : freelancers) {
      acknowledgedNotes.put(freelancer.id(), new CopyOnWriteArrayList<>());
      acknowledgedMessages.put(freelancer.id(), new CopyOnWriteArrayList<>());
      writers.add(
          load.submit(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String note = "n" + i + "-" + SUFFIX;
                  if (retry(() -> putAvailability(anyLiveNode(), freelancer, note), anomalies)) {
                    acknowledgedNotes.get(freelancer.id()).add(note);
                  }
                  pause(40);
                }
              }));
      writers.add(
          load.submit(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String clientId = "m" + i + "-" + SUFFIX;
                  String body =
                      "{\"clientMessageId\":\"" + clientId + "\",\"body\":\"msg " + i + "\"}";
                  if (retry(
                      () ->
                          call(
                              anyLiveNode(),
                              "POST",
                              "/t/"
                                  + tenant.slug()
                                  + "/api/v1/conversations/"
                                  + freelancer.id()
                                  + "/messages",
                              staff,
                              body),
                      anomalies)) {
                    acknowledgedMessages.get(freelancer.id()).add(clientId);
                  }
                  pause(40);
                }
              }));
    }

    Thread.sleep(4_000);
    boards.forEach(board -> board.frames.clear());
    victim.kill();
    long killedAt = System.nanoTime();
    Thread.sleep(25_000);
    running.set(false);
    for (Future<?> writer : writers) {
      writer.get();
    }
    load.shutdown();
    LOG.info(
        () -> "writes done " + (System.nanoTime() - killedAt) / 1_000_000 + " ms after the kill");

    // Nothing acknowledged is lost: the last acknowledged availability is the stored one, and
    // every acknowledged message is in the history, once, in a gapless sequence.
    PayaraMicroNode survivor = survivors.get(0);
    for (Freelancer freelancer : freelancers) {
      List<String> notes = acknowledgedNotes.get(freelancer.id());
      assertThat(notes).as("availability writes acknowledged for " + freelancer.id()).isNotEmpty();
      String stored =
          call(survivor, "GET", "/api/v1/me/availability", freelancer.token(), null).body();
      assertThat(stored).contains("\"note\":\"" + notes.get(notes.size() - 1) + "\"");

      List<String> sent = acknowledgedMessages.get(freelancer.id());
      assertThat(sent).isNotEmpty();
      List<String> history = history(survivor, tenant.slug(), freelancer);
      assertThat(history).as("history of " + freelancer.id()).containsAll(sent);
      assertThat(Set.copyOf(history)).as("no message twice").hasSameSizeAs(history);
    }

    // Boards on the survivors kept updating after the kill.
    String after = "after-the-kill-" + SUFFIX;
    assertThat(retry(() -> putAvailability(survivor, freelancers.get(0), after), anomalies))
        .isTrue();
    for (LiveClient board : boards) {
      String frame = board.next("availability");
      while (!frame.contains(after)) {
        frame = board.next("availability");
      }
      assertThat(frame).contains(freelancers.get(0).id());
      board.close();
    }
    LOG.info(
        () ->
            "acknowledged: "
                + acknowledgedNotes.values().stream().mapToInt(List::size).sum()
                + " availability changes, "
                + acknowledgedMessages.values().stream().mapToInt(List::size).sum()
                + " messages; longest time to an acknowledgement across the kill: "
                + LONGEST_WRITE_MS.get()
                + " ms; anomalies: "
                + anomalies.size());
    assertThat(anomalies).as("answers other than retryable 503 / connection failures").isEmpty();
  }

  /**
   * Last, on the two survivors: a cluster schedule runs once per period however many nodes ask, and
   * when the node that ran it last is killed the other one carries on with the next periods.
   */
  @Test
  @Order(3)
  void aScheduleRunsOncePerPeriodInTheClusterAndSurvivesItsNodesDeath() throws Exception {
    List<PayaraMicroNode> alive = nodes.stream().filter(PayaraMicroNode::isAlive).toList();
    assertThat(alive).hasSize(2);
    Set<String> aliveNames =
        Set.copyOf(alive.stream().map(node -> node.settings().name()).toList());

    List<ScheduleRun> before = watchRuns(Duration.ofSeconds(12));
    assertOncePerPeriod(before);
    assertThat(before).isNotEmpty();
    assertThat(before.get(before.size() - 1).runs() - before.get(0).runs() + 1)
        .as("runs in 12 s of a 1 s schedule asked by three nodes: one per period, not per node")
        .isBetween(3L, 13L);
    List<ScheduleRun> byCluster =
        before.stream().filter(run -> aliveNames.contains(run.node())).toList();
    assertThat(byCluster).as("runs by the cluster's nodes").isNotEmpty();

    String leader = byCluster.get(byCluster.size() - 1).node();
    PayaraMicroNode victim =
        alive.stream().filter(node -> node.settings().name().equals(leader)).findFirst().get();
    PayaraMicroNode heir = alive.stream().filter(node -> node != victim).findFirst().get();
    LOG.info(() -> "killing " + leader + ", which ran " + REMINDERS + " last");
    victim.kill();

    List<ScheduleRun> after = watchRuns(Duration.ofSeconds(10));
    assertOncePerPeriod(after);
    assertThat(after).extracting(ScheduleRun::node).doesNotContain(leader);
    assertThat(after.stream().filter(run -> run.node().equals(heir.settings().name())))
        .as("runs by the surviving node after the kill")
        .hasSizeGreaterThanOrEqualTo(3);
    Duration takeover =
        Duration.between(before.get(before.size() - 1).startedAt(), after.get(0).startedAt());
    LOG.info(
        () ->
            REMINDERS
                + " carried on by "
                + heir.settings().name()
                + "; first run "
                + takeover.toMillis()
                + " ms after the last one seen before the kill; "
                + after.size()
                + " runs in the 10 s after it");
  }

  record ScheduleRun(long runs, String node, java.time.Instant startedAt) {}

  /** Every run of the reminders schedule seen in {@code window}, read from the schedule's row. */
  private static List<ScheduleRun> watchRuns(Duration window) throws Exception {
    List<ScheduleRun> runs = new ArrayList<>();
    long end = System.nanoTime() + window.toNanos();
    long last = -1;
    try (java.sql.Connection db =
            platform.stack.postgres().superuserDataSource("proxima").getConnection();
        java.sql.PreparedStatement select =
            db.prepareStatement(
                "SELECT runs, last_node, last_started_at FROM cluster_schedule WHERE name = ?")) {
      select.setString(1, REMINDERS);
      while (System.nanoTime() < end) {
        try (java.sql.ResultSet row = select.executeQuery()) {
          if (row.next()) {
            long count = row.getLong(1);
            if (last >= 0 && count > last) {
              runs.add(new ScheduleRun(count, row.getString(2), row.getTimestamp(3).toInstant()));
            }
            last = count;
          }
        }
        Thread.sleep(100);
      }
    }
    return runs;
  }

  /**
   * By the database's clock, no run started less than a period after the one before (a sample that
   * missed runs on a starved machine spreads the gap over them).
   */
  private static void assertOncePerPeriod(List<ScheduleRun> runs) {
    for (int i = 1; i < runs.size(); i++) {
      long between = runs.get(i).runs() - runs.get(i - 1).runs();
      assertThat(Duration.between(runs.get(i - 1).startedAt(), runs.get(i).startedAt()))
          .as("time for runs " + runs.get(i - 1).runs() + " to " + runs.get(i).runs())
          .isGreaterThanOrEqualTo(REMINDER_PERIOD.multipliedBy(between));
    }
  }

  private static List<String> history(PayaraMicroNode node, String slug, Freelancer freelancer) {
    List<String> ids = new ArrayList<>();
    Map<Long, String> bySeq = new LinkedHashMap<>();
    long before = Long.MAX_VALUE;
    Pattern entry = Pattern.compile("\"clientMessageId\":\"([^\"]+)\".*?\"seq\":(\\d+)");
    while (true) {
      String page =
          call(
                  node,
                  "GET",
                  "/api/v1/me/conversations/"
                      + slug
                      + "/messages?limit=200"
                      + (before == Long.MAX_VALUE ? "" : "&before=" + before),
                  freelancer.token(),
                  null)
              .body();
      Matcher matcher = entry.matcher(page);
      int found = 0;
      while (matcher.find()) {
        long seq = Long.parseLong(matcher.group(2));
        bySeq.put(seq, matcher.group(1));
        before = Math.min(before, seq);
        found++;
      }
      if (found < 200) {
        break;
      }
    }
    for (long seq = 1; seq <= bySeq.size(); seq++) {
      assertThat(bySeq).as("sequence without gaps").containsKey(seq);
      ids.add(bySeq.get(seq));
    }
    return ids;
  }

  private static PayaraMicroNode hostOf(String freelancerId) throws IOException {
    Map<PayaraMicroNode, Long> lines = new HashMap<>();
    for (PayaraMicroNode node : nodes) {
      long count =
          Files.readAllLines(node.settings().logFile()).stream()
              .filter(line -> line.contains("Freelancer " + freelancerId + " live on"))
              .count();
      lines.put(node, count);
    }
    return lines.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node logged " + freelancerId));
  }

  private static PayaraMicroNode anyLiveNode() {
    List<PayaraMicroNode> alive = nodes.stream().filter(PayaraMicroNode::isAlive).toList();
    return alive.get(ThreadLocalRandom.current().nextInt(alive.size()));
  }

  private static HttpResponse<String> putAvailability(
      PayaraMicroNode node, Freelancer freelancer, String note) {
    return call(
        node,
        "PUT",
        "/api/v1/me/availability",
        freelancer.token(),
        """
        {"status":"AVAILABLE","daysPerWeek":5,"hoursPerDay":8,"workStyle":"REMOTE","note":"%s"}
        """
            .formatted(note));
  }

  /**
   * Repeats a write until the platform acknowledges it (2xx), as a client would: a 503 or a lost
   * connection means "not known to be done", and the write is idempotent. Anything else is recorded
   * as an anomaly.
   */
  private static boolean retry(
      java.util.function.Supplier<HttpResponse<String>> write, List<String> anomalies) {
    long started = System.nanoTime();
    long deadline = started + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = write.get();
        if (response.statusCode() / 100 == 2) {
          LONGEST_WRITE_MS.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
          return true;
        }
        if (response.statusCode() != 503) {
          anomalies.add(response.statusCode() + " " + response.body());
          return false;
        }
      } catch (IllegalStateException connectionLost) {
        // the node died under the request: unknown outcome, try again
      }
      pause(250);
    }
    anomalies.add("not acknowledged within " + SETTLE);
    return false;
  }

  private static HttpResponse<String> call(
      PayaraMicroNode node, String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on " + node.baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitMembersUp(PayaraMicroNode node, int members) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        // The member count is a detail of the health checks, which only operators read.
        last =
            http.send(
                    HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/platform/health"))
                        .header("Authorization", "Bearer " + platform.consoleToken())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher up = MEMBERS_UP.matcher(last);
        if (up.find() && Integer.parseInt(up.group(1)) >= members) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        node.settings().name() + " never saw " + members + " members: " + last);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
