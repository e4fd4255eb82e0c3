package io.proxima.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The live core under load, on one node: {@code ./mvnw -Pbench verify -pl platform-ear -am}
 * (settings: {@code -Dbench.sockets}, {@code -Dbench.updatesPerSecond}, {@code
 * -Dbench.chatPerSecond}, {@code -Dbench.seconds}).
 *
 * <ol>
 *   <li>Boards: N board sockets of one tenant; freelancers change their availability M times a
 *       second through the REST API; latency is from the request leaving to each socket's frame.
 *   <li>Chat: staff chat sockets send at the given rate to freelancers' chat sockets; latency to
 *       the durable acknowledgement and to delivery on the freelancer's socket.
 *   <li>The yardstick: the same N sockets on a bare Payara WebSocket endpoint that broadcasts each
 *       message to all, at the same rate, in the same node and run.
 * </ol>
 *
 * Not a test: it prints figures, it asserts nothing.
 */
public final class LiveBenchmark {

  /** One or more socket counts ("500,3000,10000"): boards and the yardstick run at each. */
  private static final List<Integer> SOCKET_COUNTS =
      counts(System.getProperty("bench.sockets", "10000"));

  private static final int UPDATES_PER_SECOND = Integer.getInteger("bench.updatesPerSecond", 10);

  /**
   * One or more chat rates ("300,600,1000"), each run for {@link #SECONDS} over the same sockets,
   * so the table shows the highest rate whose acknowledgements stay under 100 ms at p99.
   */
  private static final List<Integer> CHAT_RATES =
      counts(System.getProperty("bench.chatPerSecond", "1000"));

  private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

  /**
   * The node's JVM options; {@code -Dbench.nodeOptions="-Dproxima.x=y …"} adds to them, so a
   * setting can be compared run against run without a rebuild.
   */
  private static List<String> nodeOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx3g", "-XX:+UseG1GC"));
    String extra = System.getProperty("bench.nodeOptions", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return options;
  }

  private static final int FREELANCERS = 20;
  private static final int STAFF_SOCKETS = 60;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(8))
          .build();
  private static final StringBuilder REPORT = new StringBuilder();

  private LiveBenchmark() {}

  private static List<Integer> counts(String list) {
    return java.util.Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(count -> !count.isEmpty() && !count.equals("0"))
        .map(Integer::valueOf)
        .toList();
  }

  public static void main(String[] args) throws Exception {
    Path home = RunningPlatform.BUILD.resolve("bench");
    Path rawWar = rawBroadcastWar(home);
    RunningPlatform platform =
        RunningPlatform.start(
            home, nodeOptions(), List.of("--deploy", rawWar + ":/raw", "--maxhttpthreads", "64"));
    long serverPid = platform.node.process().pid();
    report(
        "Machine: %s; sockets=%s, updates/s=%d, chat msg/s=%s, %d s per phase",
        RunningPlatform.machine(), SOCKET_COUNTS, UPDATES_PER_SECOND, CHAT_RATES, SECONDS);

    var tenant = platform.provisionTenant("bench-" + suffix(), "{\"displayName\":\"Bench\"}");
    List<String[]> freelancers = new ArrayList<>(); // {id, username, password}
    for (int i = 0; i < FREELANCERS; i++) {
      String username = "bench-" + suffix() + "-" + i;
      String password = "pw-" + UUID.randomUUID();
      platform.keycloakAdmin.createUser(username, username + "@example.jp", "F" + i, password);
      String token = platform.token("proxima-portal", username, password);
      String id =
          RunningPlatform.field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
      platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null);
      setAvailability(platform, token, "warm-up");
      freelancers.add(new String[] {id, username, password});
    }
    // A token per phase: the chat rounds outlast a token's lifetime.
    java.util.function.Supplier<String> staff =
        () -> platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());

    List<String> table = new ArrayList<>();
    table.add(
        "| sockets | board frames/s | raw frames/s | throughput board/raw | board p99 ms"
            + " | raw p99 ms | p99 board/raw | CPU µs/frame board | CPU µs/frame raw"
            + " | CPU/frame board/raw |");
    table.add("|---|---|---|---|---|---|---|---|---|---|");
    // Chat first, on a quiet node; then one unreported round of both fan-outs so the JIT has
    // compiled both paths before the first count is measured.
    List<String> chatTable = chat(platform, serverPid, freelancers);
    if (!SOCKET_COUNTS.isEmpty()) {
      report("Warm-up (not in the table):");
      boards(platform, serverPid, SOCKET_COUNTS.get(0), tenant.slug(), staff.get(), freelancers);
      raw(platform, serverPid, SOCKET_COUNTS.get(0));
    }
    for (int sockets : SOCKET_COUNTS) {
      // Each count measures the boards and, right after, the yardstick on the same node.
      Fanout board = boards(platform, serverPid, sockets, tenant.slug(), staff.get(), freelancers);
      Fanout raw = raw(platform, serverPid, sockets);
      table.add(
          String.format(
              Locale.ROOT,
              "| %,d | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |",
              sockets,
              board.framesPerSecond(),
              raw.framesPerSecond(),
              board.framesPerSecond() / raw.framesPerSecond(),
              board.latency().percentileMillis(99),
              raw.latency().percentileMillis(99),
              board.latency().percentileMillis(99) / raw.latency().percentileMillis(99),
              board.cpuMicrosPerFrame(),
              raw.cpuMicrosPerFrame(),
              board.cpuMicrosPerFrame() / raw.cpuMicrosPerFrame()));
    }
    REPORT.append('\n');
    chatTable.forEach(row -> REPORT.append(row).append('\n'));
    if (!SOCKET_COUNTS.isEmpty()) {
      REPORT.append('\n');
      table.forEach(row -> REPORT.append(row).append('\n'));
    }

    Path results = home.resolve("results.md");
    Files.writeString(results, REPORT.toString());
    System.out.println("\n" + REPORT + "\nwritten to " + results);
    System.exit(0);
  }

  // ---- phase 1: boards ---------------------------------------------------------------------

  /** One fan-out phase: frames delivered, their latency, and the server CPU each cost. */
  private record Fanout(
      LatencyHistogram latency, double framesPerSecond, double cpuMicrosPerFrame) {}

  private static Fanout boards(
      RunningPlatform platform,
      long pid,
      int socketCount,
      String slug,
      String staff,
      List<String[]> freelancers)
      throws Exception {
    LatencyHistogram latency = new LatencyHistogram();
    AtomicInteger snapshots = new AtomicInteger();
    long opening = System.nanoTime();
    List<WebSocket> sockets =
        open(
            platform.baseUrl() + "/ws/board?tenant=" + slug,
            staff,
            socketCount,
            text -> {
              if (text.contains("\"type\":\"snapshot\"")) {
                snapshots.incrementAndGet();
              } else {
                recordNote(text, latency);
              }
            });
    report(
        "Boards: %d sockets open in %.1f s (%d snapshots)",
        sockets.size(), (System.nanoTime() - opening) / 1e9, snapshots.get());
    Thread.sleep(5_000);
    Usage usage = Usage.start(pid);
    phaseStarted = System.nanoTime();
    List<String> tokens = new ArrayList<>();
    for (String[] f : freelancers) {
      tokens.add(platform.token("proxima-portal", f[1], f[2]));
    }
    AtomicLong sent = new AtomicLong();
    LatencyHistogram acknowledged = new LatencyHistogram();
    paced(
        UPDATES_PER_SECOND,
        Duration.ofSeconds(SECONDS),
        i -> {
          long started = System.nanoTime();
          setAvailability(platform, tokens.get(i % tokens.size()), "b:" + started);
          acknowledged.record(System.nanoTime() - started);
          sent.incrementAndGet();
        },
        16);
    double busy = settle(latency);
    Measured server = usage.stop(platform);
    report(
        "Boards: %d availability changes (REST acknowledged: %s) -> %d deliveries (%.0f frames/s);"
            + " latency %s; server %s; %.1f µs server CPU per delivered frame",
        sent.get(),
        acknowledged.summary(),
        latency.count(),
        latency.count() / busy,
        latency.summary(),
        server,
        server.microsPer(latency.count()));
    close(sockets);
    return new Fanout(latency, latency.count() / busy, server.microsPer(latency.count()));
  }

  // ---- phase 2: chat -----------------------------------------------------------------------

  /**
   * Chat across many tenants, as a platform sees it: each of {@value #FREELANCERS} freelancers
   * talks with a tenant of their own, whose three staff members are connected. Every message goes
   * to its three staff sockets and to the freelancer's socket.
   */
  /** Chat at each rate in turn, over one set of sockets; returns the rows of its table. */
  private static List<String> chat(RunningPlatform platform, long pid, List<String[]> freelancers)
      throws Exception {
    AtomicReference<LatencyHistogram> acked = new AtomicReference<>(new LatencyHistogram());
    AtomicReference<LatencyHistogram> delivered = new AtomicReference<>(new LatencyHistogram());
    List<WebSocket> freelancerSockets = new ArrayList<>();
    List<WebSocket> staffSockets = new ArrayList<>();
    int staffPerTenant = STAFF_SOCKETS / freelancers.size();
    for (int t = 0; t < freelancers.size(); t++) {
      String[] f = freelancers.get(t);
      var tenant =
          platform.provisionTenant(
              "chat-" + suffix() + "-" + t, "{\"displayName\":\"Chat " + t + "\"}");
      String token = platform.token("proxima-portal", f[1], f[2]);
      platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null);
      freelancerSockets.addAll(
          open(
              platform.baseUrl() + "/ws/chat?device=bench",
              token,
              1,
              text -> {
                if (text.contains("\"type\":\"message\"")) {
                  recordBody(text, delivered.get());
                }
              }));
      String staff =
          platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
      staffSockets.addAll(
          open(
              platform.baseUrl() + "/ws/chat?tenant=" + tenant.slug(),
              staff,
              staffPerTenant,
              text -> {
                if (text.contains("\"type\":\"ack\"")) {
                  recordBody(text, acked.get());
                }
              }));
    }
    Thread.sleep(2_000);
    List<String> table = new ArrayList<>();
    table.add(
        "| chat msg/s asked | sent | acknowledged | ack p50 ms | ack p99 ms | delivered p99 ms"
            + " | CPU ms per message | net of the idle node |");
    table.add("|---|---|---|---|---|---|---|---|");
    double idleCores = Double.NaN;
    AtomicLong serial = new AtomicLong();
    // A first round at the lowest rate is not reported: a fresh node spends a third of its CPU
    // compiling the chat path, which is not what a message costs.
    List<Integer> rounds = new ArrayList<>();
    rounds.add(CHAT_RATES.stream().min(Integer::compare).orElseThrow());
    rounds.addAll(CHAT_RATES);
    for (int round = 0; round < rounds.size(); round++) {
      int rate = rounds.get(round);
      boolean warmUp = round == 0;
      acked.set(new LatencyHistogram());
      delivered.set(new LatencyHistogram());
      Usage usage = Usage.start(pid);
      AtomicLong sent = new AtomicLong();
      // The warm-up runs three times as long: on two busy cores the JIT was still compiling the
      // chat path through a warm-up of one phase's length, and the first reported rate paid for it.
      paced(
          rate,
          Duration.ofSeconds(warmUp ? 3L * SECONDS : SECONDS),
          i -> {
            int from = i % staffSockets.size();
            WebSocket socket = staffSockets.get(from);
            String to = freelancers.get(from / staffPerTenant)[0];
            String frame =
                "{\"type\":\"send\",\"with\":\""
                    + to
                    + "\",\"clientMessageId\":\"c"
                    + serial.incrementAndGet()
                    + "\",\"body\":\"t:"
                    + System.nanoTime()
                    + "\"}";
            synchronized (socket) {
              socket.sendText(frame, true).join();
            }
            sent.incrementAndGet();
          },
          staffSockets.size());
      Thread.sleep(5_000);
      Measured server = usage.stop(platform);
      LatencyHistogram ack = acked.get();
      double cpuMillis = server.microsPer(ack.count()) / 1000;
      report(
          (warmUp ? "Chat warm-up (not in the table) at" : "Chat at")
              + " %d msg/s: %d sent (%.0f msg/s) over %d tenants; durable ack %s; delivered %s;"
              + " server %s; %.3f ms server CPU per acknowledged message (stored, acked, fanned out"
              + " to 4 sockets)",
          rate,
          sent.get(),
          sent.get() / (warmUp ? 3.0 * SECONDS : SECONDS),
          freelancers.size(),
          ack.summary(),
          delivered.get().summary(),
          server,
          cpuMillis);
      if (warmUp) {
        // What the node spends with the same sockets open and nothing said (its schedules,
        // heartbeats, cluster gossip), so the table can also give a message's own cost.
        Usage idle = Usage.start(pid);
        Thread.sleep(SECONDS * 1000L);
        Measured quiet = idle.stop(platform);
        idleCores = quiet.cpuSeconds() / quiet.wallSeconds();
        report("Idle node with the chat sockets open: %s", quiet);
        continue;
      }
      double netMillis =
          (server.cpuSeconds() - idleCores * server.wallSeconds()) * 1000 / ack.count();
      table.add(
          String.format(
              Locale.ROOT,
              "| %,d | %,d | %,d | %.1f | %.1f | %.1f | %.3f | %.3f |",
              rate,
              sent.get(),
              ack.count(),
              ack.percentileMillis(50),
              ack.percentileMillis(99),
              delivered.get().percentileMillis(99),
              cpuMillis,
              netMillis));
    }
    close(staffSockets);
    close(freelancerSockets);
    return table;
  }

  // ---- phase 3: Payara's bare broadcast ----------------------------------------------------

  private static Fanout raw(RunningPlatform platform, long pid, int socketCount) throws Exception {
    LatencyHistogram latency = new LatencyHistogram();
    String url = platform.baseUrl() + "/raw/broadcast";
    List<WebSocket> sockets = open(url, null, socketCount, text -> recordNote(text, latency));
    WebSocket sender = open(url, null, 1, text -> {}).get(0);
    Thread.sleep(5_000);
    Usage usage = Usage.start(pid);
    phaseStarted = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    paced(
        UPDATES_PER_SECOND,
        Duration.ofSeconds(SECONDS),
        i -> {
          synchronized (sender) {
            sender.sendText("{\"note\":\"b:" + System.nanoTime() + "\"}", true).join();
          }
          sent.incrementAndGet();
        },
        1);
    double busy = settle(latency);
    Measured server = usage.stop(platform);
    report(
        "Raw Payara broadcast: %d messages -> %d deliveries (%.0f frames/s); latency %s; server %s;"
            + " %.1f µs server CPU per delivered frame",
        sent.get(),
        latency.count(),
        latency.count() / busy,
        latency.summary(),
        server,
        server.microsPer(latency.count()));
    close(sockets);
    return new Fanout(latency, latency.count() / busy, server.microsPer(latency.count()));
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private static final Duration QUIET = Duration.ofSeconds(2);

  /**
   * Waits until every frame sent is delivered (no delivery for {@link #QUIET}, at most a minute
   * more), so that a saturated phase's backlog is neither left to the next phase nor uncounted;
   * returns the seconds from the first send to the last delivery.
   */
  private static double settle(LatencyHistogram latency) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long seen = -1;
    while (latency.count() != seen && System.nanoTime() < end) {
      seen = latency.count();
      Thread.sleep(QUIET.toMillis());
    }
    return Math.max(SECONDS, (System.nanoTime() - phaseStarted) / 1e9 - QUIET.toSeconds());
  }

  private static long phaseStarted;

  private static void setAvailability(RunningPlatform platform, String token, String note) {
    HttpResponse<String> response =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            token,
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":5,\"hoursPerDay\":8,"
                + "\"workStyle\":\"REMOTE\",\"note\":\""
                + note
                + "\"}");
    if (response.statusCode() != 200) {
      System.err.println(
          "availability change refused: " + response.statusCode() + " " + response.body());
    }
  }

  private static void recordNote(String text, LatencyHistogram latency) {
    int at = text.indexOf("\"note\":\"b:");
    if (at >= 0) {
      int start = at + 10;
      latency.record(
          System.nanoTime() - Long.parseLong(text.substring(start, text.indexOf('"', start))));
    }
  }

  private static void recordBody(String text, LatencyHistogram latency) {
    int at = text.indexOf("\"body\":\"t:");
    if (at >= 0) {
      int start = at + 10;
      latency.record(
          System.nanoTime() - Long.parseLong(text.substring(start, text.indexOf('"', start))));
    }
  }

  /** Opens {@code count} sockets, 200 handshakes at a time. */
  private static List<WebSocket> open(String url, String token, int count, Consumer<String> onText)
      throws InterruptedException {
    List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(200);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
      if (token != null) {
        builder.header("Authorization", "Bearer " + token);
      }
      all.add(
          builder
              .buildAsync(URI.create(url.replaceFirst("^http", "ws")), new TextListener(onText))
              .whenComplete(
                  (socket, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                      sockets.add(socket);
                    } else {
                      failed.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
    if (failed.get() > 0) {
      report("  (%d of %d sockets to %s failed to open)", failed.get(), count, url);
    }
    return sockets;
  }

  private static void close(List<WebSocket> sockets) {
    sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
  }

  /** Runs {@code action} {@code perSecond} times a second for {@code duration}, on threads. */
  private static void paced(
      int perSecond, Duration duration, java.util.function.IntConsumer action, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long interval = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    int i = 0;
    for (long next = start; next < end; next += interval, i++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int n = i;
      pool.execute(
          () -> {
            try {
              action.accept(n);
            } catch (RuntimeException e) {
              System.err.println("bench action failed: " + e);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  private static final class TextListener implements WebSocket.Listener {
    private final Consumer<String> onText;
    private StringBuilder partial;

    TextListener(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && partial == null) {
        onText.accept(data.toString());
      } else {
        if (partial == null) {
          partial = new StringBuilder();
        }
        partial.append(data);
        if (last) {
          onText.accept(partial.toString());
          partial = null;
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** The server process's CPU and resident memory (from /proc) over a phase. */
  private record Usage(long pid, long cpuTicks, long startedNanos) {
    static Usage start(long pid) {
      return new Usage(pid, cpuTicks(pid), System.nanoTime());
    }

    Measured stop(RunningPlatform platform) {
      double seconds = (System.nanoTime() - startedNanos) / 1e9;
      // /proc counts in clock ticks of 1/100 s (USER_HZ on Linux).
      return new Measured((cpuTicks(pid) - cpuTicks) / 100.0, seconds, residentMemory(pid));
    }

    static long cpuTicks(long pid) {
      try {
        String[] stat =
            Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** The server's resident memory: its metrics need a platform admin's token. */
    static String residentMemory(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB resident";
          }
        }
      } catch (IOException | RuntimeException e) {
        return "unknown (" + e + ")";
      }
      return "unknown";
    }
  }

  /**
   * What the server spent over a phase: process CPU (user + system, every thread) from the OS, so a
   * figure per unit of work compares across phases whatever the load client took of the cores.
   */
  private record Measured(double cpuSeconds, double wallSeconds, String memory) {

    /** Server CPU per unit of work, in microseconds. */
    double microsPer(long units) {
      return units == 0 ? Double.NaN : cpuSeconds * 1e6 / units;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "CPU %.0f%% of one core (%.1f s), %s",
          cpuSeconds / wallSeconds * 100,
          cpuSeconds,
          memory);
    }
  }

  private static String suffix;

  private static String suffix() {
    if (suffix == null) {
      suffix = UUID.randomUUID().toString().substring(0, 6);
    }
    return suffix;
  }

  private static void report(String format, Object... values) {
    String line = String.format(Locale.ROOT, format, values);
    System.out.println(line);
    REPORT.append("- ").append(line).append('\n');
  }

  /** The yardstick's WAR: one endpoint class, nothing else. */
  private static Path rawBroadcastWar(Path home) throws IOException {
    Files.createDirectories(home);
    Path war = home.resolve("raw-broadcast.war");
    String entry = "io/proxima/platform/bench/RawBroadcastEndpoint.class";
    Path compiled =
        Path.of(System.getProperty("proxima.test.classes", "target/test-classes"), entry);
    try (OutputStream out = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + entry));
      zip.write(Files.readAllBytes(compiled));
      zip.closeEntry();
    }
    return war;
  }
}
