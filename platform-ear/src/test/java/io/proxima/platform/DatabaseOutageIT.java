package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Durable before acknowledged" with the database pulled out from under the platform: PostgreSQL is
 * killed with SIGKILL (postmaster and every backend, as a crash of its machine would) while chat
 * over the socket, chat over REST and availability changes flow, then started again on the same
 * data. Nothing answered as stored may be missing afterwards, no sequence number may be given
 * twice, and every request the outage touched must be told to retry (503 + Retry-After, a problem
 * body), never a 500 and never a hang. A platform of its own: the shared one must not lose its
 * database under another test.
 */
class DatabaseOutageIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final Path HOME = RunningPlatform.BUILD.resolve("outage-it");
  private static final Pattern STACK_FRAME = Pattern.compile("\\s+at [\\w.$<>/]+\\(.*");

  /** A log entry's first line in Payara's formats: ODL, or java.util.logging's two-line one. */
  private static final Pattern LOG_ENTRY =
      Pattern.compile("^(\\[20\\d\\d-|(SEVERE|WARNING|WARN|ERROR|INFO): )");

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String freelancerToken;
  private static String staffToken;
  private static String freelancerId;

  @BeforeAll
  static void aPlatformOfItsOwnWithASharingFreelancer() {
    platform = RunningPlatform.start(HOME, List.of("-Xmx768m"), List.of());
    tenant = platform.provisionTenant("outage-" + SUFFIX, "{\"displayName\":\"Outage\"}");
    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  /** Every answer a writer got, to be judged after the run. */
  record Answer(String operation, int status, boolean retryAfter, boolean problem, long millis) {}

  @Test
  void aCrashOfPostgresLosesNothingAcknowledgedAndEveryCallerIsToldToRetry() throws Exception {
    assertThat(setting("synchronous_commit")).isEqualTo("on");
    assertThat(setting("fsync")).isEqualTo("on");
    writeThrough(
        "kill -9",
        () -> {
          platform.stack.postgres().crash();
          sleep(2_000);
          platform.stack.postgres().recover();
        });
  }

  @Test
  void aCleanRestartOfPostgresLosesNothingAndEveryCallerIsToldToRetry() throws Exception {
    writeThrough("fast restart", () -> platform.stack.postgres().restart());
  }

  /**
   * Chat over REST and the socket and availability changes flow while {@code outage} happens to
   * PostgreSQL, then until every writer has succeeded again; judged on what was acknowledged.
   */
  private static void writeThrough(String outageName, Runnable outage) throws Exception {
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    List<Answer> answers = new CopyOnWriteArrayList<>();
    AtomicReference<String> lastStoredNote = new AtomicReference<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean recovered = new AtomicBoolean(false);
    Map<String, AtomicInteger> successesAfterRecovery = new ConcurrentHashMap<>();

    LiveClient board =
        LiveClient.open(platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staffToken, null);
    board.next("snapshot");

    List<Thread> writers = new ArrayList<>();
    writers.add(
        writer(
            "rest-chat",
            running,
            () -> {
              String id = "rest-" + UUID.randomUUID();
              long start = System.nanoTime();
              HttpResponse<String> sent =
                  send(
                      "POST",
                      "/api/v1/me/conversations/" + tenant.slug() + "/messages",
                      freelancerToken,
                      "{\"clientMessageId\":\"" + id + "\",\"body\":\"from the freelancer\"}");
              answers.add(answer("rest-chat", sent, start));
              if (sent.statusCode() == 201) {
                acknowledged.put(id, RunningPlatform.number(sent.body(), "seq"));
                counted(successesAfterRecovery, recovered, "rest-chat");
              }
            }));
    writers.add(
        writer(
            "socket-chat",
            running,
            new SocketChat(acknowledged, answers, recovered, successesAfterRecovery)));
    writers.add(
        writer(
            "availability",
            running,
            () -> {
              String note = "note " + UUID.randomUUID();
              long start = System.nanoTime();
              HttpResponse<String> changed =
                  send(
                      "PUT",
                      "/api/v1/me/availability",
                      freelancerToken,
                      """
                      {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"REMOTE",
                       "rate":{"minManYen":60,"maxManYen":70},"note":"%s"}
                      """
                          .formatted(note));
              answers.add(answer("availability-change", changed, start));
              if (changed.statusCode() == 200) {
                lastStoredNote.set(note);
                counted(successesAfterRecovery, recovered, "availability");
              }
              long read = System.nanoTime();
              answers.add(
                  answer(
                      "availability-read",
                      send("GET", "/api/v1/me/availability", freelancerToken, null),
                      read));
            }));
    writers.forEach(Thread::start);

    Thread.sleep(3_000);
    long logBefore = Files.size(nodeLog());
    long crashedAt = System.nanoTime();
    outage.run();
    long recoveredAt = System.nanoTime();
    recovered.set(true);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline
        && !(successes(successesAfterRecovery, "rest-chat") >= 3
            && successes(successesAfterRecovery, "socket-chat") >= 3
            && successes(successesAfterRecovery, "availability") >= 3)) {
      Thread.sleep(200);
    }
    long resumedAt = System.nanoTime();
    running.set(false);
    for (Thread writer : writers) {
      writer.join(30_000);
    }

    String summary = summary(answers);
    System.out.printf(
        "DatabaseOutageIT (%s): outage %d ms, writes resumed %d ms after PostgreSQL was back;%n%s%n",
        outageName,
        (recoveredAt - crashedAt) / 1_000_000,
        (resumedAt - recoveredAt) / 1_000_000,
        summary);

    assertThat(successes(successesAfterRecovery, "rest-chat"))
        .as("REST chat resumes by itself")
        .isGreaterThanOrEqualTo(3);
    assertThat(successes(successesAfterRecovery, "socket-chat"))
        .as("socket chat resumes by itself")
        .isGreaterThanOrEqualTo(3);
    assertThat(successes(successesAfterRecovery, "availability"))
        .as("availability changes resume by themselves")
        .isGreaterThanOrEqualTo(3);

    List<Answer> refused = answers.stream().filter(a -> a.status() >= 300).toList();
    assertThat(refused).as("the outage was noticed by the writers: " + summary).isNotEmpty();
    assertThat(refused)
        .as("every refusal during the outage is 503 + Retry-After + problem: " + summary)
        .allMatch(a -> a.status() == 503 && a.retryAfter() && a.problem());
    assertThat(answers.stream().mapToLong(Answer::millis).max().orElse(0))
        .as("no request hangs beyond its timeout")
        .isLessThan(REQUEST_TIMEOUT.toMillis());

    Map<String, Long> stored = storedMessages();
    assertThat(acknowledged).as("acknowledged messages").isNotEmpty();
    for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
      assertThat(stored)
          .as("acknowledged message %s (seq %d) is in the history", ack.getKey(), ack.getValue())
          .containsEntry(ack.getKey(), ack.getValue());
    }
    assertThat(new java.util.HashSet<>(stored.values()))
        .as("no sequence number is given twice")
        .hasSize(stored.size());
    assertThat(new java.util.HashSet<>(acknowledged.values()))
        .as("no sequence number was acknowledged twice")
        .hasSize(acknowledged.size());

    HttpResponse<String> availability =
        send("GET", "/api/v1/me/availability", freelancerToken, null);
    assertThat(availability.body())
        .as("the last acknowledged availability is the current one")
        .contains(lastStoredNote.get());

    String resumed = boardFrameWith(board, lastStoredNote.get());
    assertThat(resumed).as("the board opened before the crash follows again").isNotNull();
    board.close();

    HttpResponse<String> ready = send("GET", "/health/ready", null, null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

    List<String> outageLog = logSince(logBefore);
    long traces = traces(outageLog, false);
    long brokenConnectionTraces = traces(outageLog, true);
    long entries =
        outageLog.stream()
            .filter(line -> line.startsWith("{") || LOG_ENTRY.matcher(line).find())
            .filter(line -> !line.contains("\"logger\":\"io.proxima.access\""))
            // Routine INFO lines (a cluster schedule's run every 2 s on the test platform) grow
            // with the outage's length, not with what the outage logs.
            .filter(line -> !line.contains("\"level\":\"INFO\"") && !line.startsWith("INFO: "))
            .count();
    System.out.printf(
        "DatabaseOutageIT ("
            + outageName
            + "): %d refused requests; since the outage %d log"
            + " entries besides the access log, %d stack traces (and %d from Payara closing"
            + " connections that broke mid-transaction)%n",
        refused.size(),
        entries,
        traces,
        brokenConnectionTraces);
    // One line per refused request; a few one-off entries (the pool dropping its broken
    // connections, the transaction that was open on one rolled back) may come on top.
    assertThat(entries)
        .as("an outage is logged as one line per failed request")
        .isLessThanOrEqualTo(refused.size() + 20L);
    assertThat(traces).as("no stack trace per refused request").isLessThanOrEqualTo(5);
    // Payara logs three traces for each pooled connection that was inside a transaction when the
    // database went away (the pool's system exception, the XA rollback, the client info reset);
    // how many were inside one at that instant depends on timing (the test's writers, the store's
    // writer, the outbox workers): 0 to 9 seen on CI. Per request it would be over a hundred.
    assertThat(brokenConnectionTraces)
        .as("Payara's traces come per broken connection, not per request")
        .isLessThanOrEqualTo(30);
  }

  /** Payara's messages when it closes a pooled connection that died inside a transaction. */
  private static final Pattern BROKEN_CONNECTION_ENTRY =
      Pattern.compile(
          "^(SEVERE|WARNING): (poolmgr\\.system_exception|enterprise_distributedtx\\.some_excep"
              + "|jdbc\\.unable_to_set_client_info)");

  /**
   * Stack traces in {@code lines} (first frames whose line before is no frame or cause): those of
   * Payara's broken-connection entries, or all others.
   */
  private static long traces(List<String> lines, boolean ofBrokenConnections) {
    long traces = 0;
    boolean brokenConnectionEntry = false;
    for (int i = 1; i < lines.size(); i++) {
      String before = lines.get(i - 1);
      if (LOG_ENTRY.matcher(before).find() || before.startsWith("{")) {
        brokenConnectionEntry = BROKEN_CONNECTION_ENTRY.matcher(before).find();
      }
      if (STACK_FRAME.matcher(lines.get(i)).matches()
          && !STACK_FRAME.matcher(before).matches()
          && !before.startsWith("Caused by")
          && !before.trim().startsWith("...")
          && brokenConnectionEntry == ofBrokenConnections) {
        traces++;
      }
    }
    return traces;
  }

  /**
   * The socket side of chat: the tenant's staff send one frame at a time and wait for its answer.
   */
  private static final class SocketChat implements Runnable {
    private final Map<String, Long> acknowledged;
    private final List<Answer> answers;
    private final AtomicBoolean recovered;
    private final Map<String, AtomicInteger> successes;
    private LiveClient socket;

    SocketChat(
        Map<String, Long> acknowledged,
        List<Answer> answers,
        AtomicBoolean recovered,
        Map<String, AtomicInteger> successes) {
      this.acknowledged = acknowledged;
      this.answers = answers;
      this.recovered = recovered;
      this.successes = successes;
    }

    @Override
    public void run() {
      long start = System.nanoTime();
      if (socket == null || !socket.isOpen()) {
        socket =
            LiveClient.open(
                platform.baseUrl(), "/ws/chat?tenant=" + tenant.slug(), staffToken, null);
        if (socket.handshakeRefused()) {
          int status = socket.handshakeStatus();
          answers.add(new Answer("socket-open", status, true, true, elapsed(start)));
          socket = null;
          sleep(200);
          return;
        }
        socket.next("hello");
      }
      String id = "socket-" + UUID.randomUUID();
      long sent = System.nanoTime();
      socket.send(
          "{\"type\":\"send\",\"with\":\""
              + freelancerId
              + "\",\"clientMessageId\":\""
              + id
              + "\",\"body\":\"from the agency\"}");
      String answer = answerTo(id);
      if (answer == null) {
        answers.add(new Answer("socket-chat", 0, false, false, elapsed(sent)));
        socket.abort();
        socket = null;
        return;
      }
      if (answer.contains("\"type\":\"ack\"")) {
        Matcher seq =
            Pattern.compile("\"seq\":(\\d+)").matcher(answer.replaceFirst("^\\{\"seq\":\\d+", ""));
        assertThat(seq.find()).as(answer).isTrue();
        acknowledged.put(id, Long.parseLong(seq.group(1)));
        answers.add(new Answer("socket-chat", 200, false, false, elapsed(sent)));
        counted(successes, recovered, "socket-chat");
      } else {
        int status = Integer.parseInt(answer.replaceAll(".*\"status\":(\\d+).*", "$1"));
        answers.add(
            new Answer(
                "socket-chat",
                status,
                answer.contains("\"retryAfter\":"),
                answer.contains("urn:proxima:problem:"),
                elapsed(sent)));
        sleep(200);
      }
    }

    /** The ack or error frame for {@code clientMessageId}, or null when none came in time. */
    private String answerTo(String clientMessageId) {
      long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        String frame;
        try {
          frame = socket.poll(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
        if (frame == null) {
          if (!socket.isOpen()) {
            return null;
          }
          continue;
        }
        if ((frame.contains("\"type\":\"ack\"") || frame.contains("\"type\":\"error\""))
            && frame.contains(clientMessageId)) {
          return frame;
        }
      }
      return null;
    }
  }

  private static Thread writer(String name, AtomicBoolean running, Runnable step) {
    Thread thread =
        new Thread(
            () -> {
              while (running.get()) {
                step.run();
                sleep(100);
              }
            },
            "outage-" + name);
    thread.setDaemon(true);
    return thread;
  }

  private static void counted(
      Map<String, AtomicInteger> successes, AtomicBoolean recovered, String writer) {
    if (recovered.get()) {
      successes.computeIfAbsent(writer, w -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static int successes(Map<String, AtomicInteger> successes, String writer) {
    AtomicInteger count = successes.get(writer);
    return count == null ? 0 : count.get();
  }

  private static HttpResponse<String> send(String method, String path, String token, String body) {
    return platform.send(method, path, token, body, null, REQUEST_TIMEOUT);
  }

  private static Answer answer(String operation, HttpResponse<String> response, long start) {
    return new Answer(
        operation,
        response.statusCode(),
        response.headers().allValues("Retry-After").size() == 1,
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        elapsed(start));
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String summary(List<Answer> answers) {
    Map<String, Map<Integer, Integer>> counts = new HashMap<>();
    for (Answer answer : answers) {
      counts
          .computeIfAbsent(answer.operation(), o -> new HashMap<>())
          .merge(answer.status(), 1, Integer::sum);
    }
    return counts.toString();
  }

  /** Every message of the conversation by its client id, read back through the REST history. */
  private static Map<String, Long> storedMessages() {
    Map<String, Long> stored = new HashMap<>();
    List<Long> duplicates = new ArrayList<>();
    Long before = null;
    while (true) {
      HttpResponse<String> page =
          send(
              "GET",
              "/api/v1/me/conversations/"
                  + tenant.slug()
                  + "/messages?limit=100"
                  + (before == null ? "" : "&before=" + before),
              freelancerToken,
              null);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonArray messages =
          jakarta.json.Json.createReader(new java.io.StringReader(page.body())).readArray();
      if (messages.isEmpty()) {
        break;
      }
      for (JsonObject message : messages.getValuesAs(JsonObject.class)) {
        long seq = message.getJsonNumber("seq").longValue();
        if (stored.put(message.getString("clientMessageId"), seq) != null) {
          duplicates.add(seq);
        }
        before = before == null ? seq : Math.min(before, seq);
      }
    }
    assertThat(duplicates).as("client message ids stored twice").isEmpty();
    return Collections.unmodifiableMap(stored);
  }

  private static String boardFrameWith(LiveClient board, String note) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String frame = board.poll(500);
      if (frame != null && frame.contains(note)) {
        return frame;
      }
      if (frame == null && !board.isOpen()) {
        return null;
      }
    }
    return null;
  }

  private static String setting(String name) throws Exception {
    try (Connection connection =
            platform.stack.postgres().superuserDataSource("proxima").getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Path nodeLog() {
    return HOME.resolve("logs/node.log");
  }

  private static List<String> logSince(long offset) throws IOException {
    byte[] all = Files.readAllBytes(nodeLog());
    String since =
        new String(
            all,
            (int) Math.min(offset, all.length),
            (int) Math.max(0, all.length - offset),
            StandardCharsets.UTF_8);
    return since.lines().toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
