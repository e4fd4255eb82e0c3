package io.proxima.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A million freelancer entities addressed on one node (issue 22, "scale of one node"): N
 * freelancers who share with one tenant are written straight into PostgreSQL, then the tenant's
 * staff address every one of them once through the node's REST API, so that each one's entity
 * starts and loads its state from PostgreSQL. Idle entities passivate after a short timeout set for
 * the run, so the number in memory stays bounded; the node's heap after GC is read at that number
 * (from the live {@code Freelancer} instances a class histogram counts), and a sample is addressed
 * again after it passivated to show each comes back with the state it was written with, and the
 * tenant's live board then streams its snapshot of all of them. Run with {@code ./mvnw
 * -Pbench-entities verify -pl platform-ear [-Dbench.entities=N]}.
 *
 * <p>The operation is the staff's receipt ({@code POST
 * /t/{slug}/api/v1/conversations/{id}/receipts} with {@code upToSeq} 0): the cheapest public call
 * that reaches a freelancer's entity and whose answer depends on what it loaded. The edge checks
 * consent in PostgreSQL, then asks the entity, which loads display name, availability, consents and
 * conversations (four transactions) before it answers: with the conversation, whose {@code lastSeq}
 * is its message count, when there is one (a receipt write follows), with "no conversation with
 * this tenant" (400) when there is none — an entity that had not loaded its consents would have
 * refused as "not shared" instead.
 */
public final class EntityScaleBenchmark {

  private static final int ENTITIES = Integer.getInteger("bench.entities", 1_000_000);
  private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 16);
  private static final int IDLE_SECONDS = Integer.getInteger("bench.idleSeconds", 45);
  private static final int SAMPLE = Integer.getInteger("bench.sample", 10_000);

  /**
   * A time budget for the bulk pass (0: none): on a shared machine the rate is what the others
   * leave, and a run that must end by a deadline stops addressing then and reports how far it got.
   */
  private static final int MINUTES = Integer.getInteger("bench.minutes", 0);

  /** Extra freelancers, addressed first and not reported: the JIT compiles the request path. */
  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 5_000);

  /** Of the N, addressed one at a time: activation latency without a queue in front of it. */
  private static final int ALONE = Integer.getInteger("bench.alone", 2_000);

  /** Every this-many-th freelancer has a conversation with the tenant. */
  private static final int CONVERSATION_EVERY = 10;

  /** Class histograms (each a full GC of the node) at most this often during the bulk pass. */
  private static final int HISTOGRAM_EVERY_SECONDS =
      Integer.getInteger("bench.histogramEvery", 120);

  private static final int CHUNK = 100_000;

  private static final String ENTITY_CLASS = "io.proxima.realtime.freelancer.Freelancer";

  private static final StringBuilder REPORT = new StringBuilder();

  private static final List<String> NODE_OPTIONS =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  "-Xmx2g",
                  "-XX:+UseG1GC",
                  "-Dproxima.realtime.idle-timeout=" + IDLE_SECONDS + "s"),
              RunningPlatform.PRODUCTION_SCHEDULES.stream())
          .toList();

  private EntityScaleBenchmark() {}

  /** The freelancer subject of index {@code i}: a UUID-shaped id, as Keycloak's are. */
  static String subject(int i) {
    return "00000000-0000-4000-8000-%012d".formatted(i);
  }

  /** How many messages freelancer {@code i}'s conversation holds; 0 for none. */
  static int messages(int i) {
    return i % CONVERSATION_EVERY == 0 ? 1 + (i / CONVERSATION_EVERY) % 3 : 0;
  }

  public static void main(String[] args) throws Exception {
    Path home = RunningPlatform.BUILD.resolve("bench-entities");
    List<String> nodeOptions = new ArrayList<>(NODE_OPTIONS);
    nodeOptions.add("-Xlog:gc:file=" + home.resolve("node-gc.log") + ":time");
    RunningPlatform platform =
        RunningPlatform.start(home, nodeOptions, List.of("--maxhttpthreads", "64"));
    long nodePid = platform.node.process().pid();
    report("Machine: %s; %s", RunningPlatform.machine(), Instant.now());
    report(
        "Entities N=%,d (+%,d warm-up, not reported); %d requests in flight; idle timeout %d s;"
            + " node %s",
        ENTITIES, WARM_UP, IN_FLIGHT, IDLE_SECONDS, NODE_OPTIONS.subList(0, 2));

    var tenant = platform.provisionTenant("bench-e", "{\"displayName\":\"Entity Bench\"}");
    DataSource database = platform.stack.postgres().superuserDataSource("proxima");
    long started = System.nanoTime();
    generate(database, UUID.fromString(tenant.id()), ENTITIES + WARM_UP);
    report(
        "Generated %,d freelancers (account, availability, consent; every %dth a conversation of 1-3"
            + " messages) in %.0f s",
        ENTITIES + WARM_UP, CONVERSATION_EVERY, (System.nanoTime() - started) / 1e9);
    long postgresPid = postmasterPid(database);

    Staff staff = new Staff(platform, tenant);
    Client client = new Client(platform.baseUrl(), "/t/" + tenant.slug(), staff);

    // Warm-up: extra freelancers (indices N..N+W-1), so the JIT has compiled the request path.
    Pass warmUp = client.address("warm-up", WARM_UP, i -> ENTITIES + i, IN_FLIGHT, null, 0);
    report("Warm-up: %,d entities in %.0f s, %s", WARM_UP, warmUp.seconds, warmUp.outcome());

    Histogram baseline = Histogram.of(nodePid);
    report(
        "Node before the timed passes (after a full GC): %d live entities, heap %.1f MiB",
        baseline.entities, baseline.bytes / 1048576.0);

    // One at a time: the activation latency of a cold entity with nothing queued before it.
    Pass alone = client.address("alone", ALONE, i -> i, 1, null, 0);

    // The bulk: every other of the N once, with a bounded number in flight, sampled as it runs.
    Sampler sampler = new Sampler(nodePid, postgresPid, staff);
    Cpu nodeBefore = Cpu.of(nodePid);
    Cpu postgresBefore = Cpu.ofTree(postgresPid);
    Pass bulk =
        client.address("bulk", ENTITIES - ALONE, i -> ALONE + i, IN_FLIGHT, sampler, MINUTES);
    Cpu nodeAfter = Cpu.of(nodePid);
    Cpu postgresAfter = Cpu.ofTree(postgresPid);
    sampler.stop();

    long addressed = (long) ALONE + bulk.count;
    report("\n## Pass 1: every entity addressed once (cold → loaded from PostgreSQL → reply)\n");
    report("| measure | value |");
    report("|---|---|");
    report(
        "| entities addressed | %,d of %,d generated%s |",
        addressed,
        ENTITIES,
        addressed < ENTITIES
            ? " (the bulk pass's time budget of %d min ran out)".formatted(MINUTES)
            : "");
    report("| wrong answers (status or lastSeq) | %,d |", alone.wrong.get() + bulk.wrong.get());
    report(
        "| wall time (bulk, %d in flight) | %.0f s (%.1f min) |",
        IN_FLIGHT, bulk.seconds, bulk.seconds / 60);
    report("| rate | %,.0f activations/s |", bulk.count / bulk.seconds);
    report("| activation latency, 1 in flight (%,d) | %s |", ALONE, alone.latency.summary());
    report(
        "| activation latency, %d in flight (%,d) | %s |",
        IN_FLIGHT, bulk.count, bulk.latency.summary());
    double nodeCpu = nodeAfter.seconds() - nodeBefore.seconds();
    double postgresCpu = postgresAfter.seconds() - postgresBefore.seconds();
    report(
        "| node CPU per activation | %.3f ms (%.0f s CPU over %.0f s: %.2f cores) |",
        nodeCpu * 1000 / bulk.count, nodeCpu, bulk.seconds, nodeCpu / bulk.seconds);
    report(
        "| PostgreSQL CPU per activation | %.3f ms (%.0f s CPU: %.2f cores) |",
        postgresCpu * 1000 / bulk.count, postgresCpu, postgresCpu / bulk.seconds);
    Histogram peak = sampler.peak().orElse(baseline);
    long extraEntities = peak.entities - baseline.entities;
    report(
        "| live entities at the peak sample | %,d (%,d instances of %s in a class histogram) |",
        peak.entities, peak.entities, ENTITY_CLASS);
    report("| node heap after GC at that peak | %.1f MiB |", peak.bytes / 1048576.0);
    report(
        "| heap per live entity | %s |",
        extraEntities <= 0
            ? "n/a"
            : "%,.0f bytes ((%.1f − %.1f MiB) / (%,d − %,d))"
                .formatted(
                    (peak.bytes - baseline.bytes) / (double) extraEntities,
                    peak.bytes / 1048576.0,
                    baseline.bytes / 1048576.0,
                    peak.entities,
                    baseline.entities));
    report(
        "\nSamples during the bulk pass (node CPU and PostgreSQL CPU in cores over the interval):");
    report(
        "| at | addressed | rate/s | node cores | PostgreSQL cores | live entities | heap after GC |");
    report("|---|---|---|---|---|---|---|");
    sampler.rows.forEach(EntityScaleBenchmark::report);

    // Every entity of pass 1 passivates within 1.5 idle timeouts (the idle check runs at half the
    // timeout); the sample then has to come back from PostgreSQL.
    long waitStart = System.nanoTime();
    Histogram after = Histogram.of(nodePid);
    while (after.entities > 0
        && System.nanoTime() - waitStart < IDLE_SECONDS * 4L * 1_000_000_000L) {
      Thread.sleep(Math.max(5_000, IDLE_SECONDS * 250L));
      after = Histogram.of(nodePid);
    }
    report(
        "\nAfter pass 1: %,d live entities %.0f s after its end, heap after GC %.1f MiB",
        after.entities, (System.nanoTime() - waitStart) / 1e9, after.bytes / 1048576.0);
    List<Histogram> points = new ArrayList<>(sampler.histograms());
    points.add(baseline);
    points.add(after);
    report(
        "Heap per live entity, least squares over the %d class histograms of this run (heap after"
            + " GC against live entities): %s",
        points.size(), slope(points));

    int sample = (int) Math.min(SAMPLE, addressed);
    int stride = (int) Math.max(1, addressed / sample);
    staff.refreshIfOld();
    // Spread over the addressed ones, and off the stride's own multiples: a stride of 60 alone
    // picks only freelancers with a conversation, all of one message.
    Pass again = client.address("again", sample, i -> i * stride + i % stride, IN_FLIGHT, null, 0);
    report(
        "\n## Pass 2: %,d of them (one in every %,d) addressed again after they passivated\n",
        sample, stride);
    report("| measure | value |");
    report("|---|---|");
    report("| addressed | %,d (%s) |", again.count, again.outcome());
    report(
        "| with a conversation: lastSeq = messages written | %,d of %,d |",
        again.conversationsRight.get(), again.conversations.get());
    report(
        "| without one: answered \"no conversation\" (shared, loaded) | %,d of %,d |",
        again.noConversationRight.get(), again.count - again.conversations.get());
    report("| mismatches | **%,d** |", again.wrong.get());
    report("| reactivation latency, %d in flight | %s |", IN_FLIGHT, again.latency.summary());
    if (!again.firstWrong.isEmpty()) {
      report("\nFirst mismatches: %s", again.firstWrong);
    }
    if (!bulk.firstWrong.isEmpty()) {
      report("\nFirst wrong answers of pass 1: %s", bulk.firstWrong);
    }

    boardSnapshot(platform, tenant, staff, nodePid, home.resolve("node-gc.log"));

    Path results = home.resolve("results.md");
    Files.writeString(results, REPORT.toString());
    System.out.println("\n" + REPORT + "\nwritten to " + results);
    System.exit(0);
  }

  private static final Pattern FREELANCER_ID = Pattern.compile("\"freelancerId\"");

  /**
   * Pass 3: the tenant's staff open the live board, whose snapshot is every freelancer generated
   * (each shares with the tenant and has an availability), streamed in pages. Reports how long the
   * whole snapshot took, and the node's heap: after a full GC before the board opened, with it open
   * once the snapshot ended (what an open board keeps), after it closed and its resume window
   * passed, the classes that grew, and the highest heap the GC log shows while the pages were
   * streaming (a spike would show there).
   */
  private static void boardSnapshot(
      RunningPlatform platform,
      RunningPlatform.ProvisionedTenant tenant,
      Staff staff,
      long nodePid,
      Path gcLog)
      throws Exception {
    staff.refreshIfOld();
    Histogram before = Histogram.of(nodePid);
    Instant from = Instant.now();
    long started = System.nanoTime();
    long entries = 0;
    long bytes = 0;
    int pages = 0;
    Histogram open;
    double seconds;
    try (LiveClient board =
        LiveClient.open(
            platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staff.token(), null)) {
      String page;
      do {
        page = board.next("snapshot");
        pages++;
        bytes += page.length();
        Matcher ids = FREELANCER_ID.matcher(page);
        while (ids.find()) {
          entries++;
        }
      } while (!page.contains("\"last\":true"));
      seconds = (System.nanoTime() - started) / 1e9;
      open = Histogram.of(nodePid);
    }
    Instant to = Instant.now();
    // A closed stream is kept a minute (LiveStreams.GRACE) so its client can resume it; what the
    // board kept for good shows only after that.
    Thread.sleep(65_000);
    Histogram closed = Histogram.of(nodePid);
    GcPeak peak = GcPeak.between(gcLog, from, to);
    report("\n## Pass 3: the tenant's live board, its snapshot in pages\n");
    report("| measure | value |");
    report("|---|---|");
    report(
        "| snapshot | %,d freelancers in %,d pages (%.1f MiB of frames) in %.1f s (%,.0f/s) |",
        entries, pages, bytes / 1048576.0, seconds, entries / seconds);
    report(
        "| node heap after a full GC: before the board opened / open, snapshot sent / 65 s after"
            + " it closed |"
            + " %.1f / %.1f / %.1f MiB |",
        before.bytes / 1048576.0, open.bytes / 1048576.0, closed.bytes / 1048576.0);
    report(
        "| kept by the open board | %.1f MiB (%,.0f bytes per freelancer on it) |",
        (open.bytes - before.bytes) / 1048576.0,
        (open.bytes - before.bytes) / (double) Math.max(1, entries));
    report("| while streaming (GC log) | %s |", peak);
    report("| grew most while the board was open | %s |", open.growthSince(before, 8));
    report("| grew most, 65 s after it closed | %s |", closed.growthSince(before, 8));
  }

  /** The young and mixed collections the node's GC log shows in a window: heap before and after. */
  private record GcPeak(int collections, long maxBeforeMiB, long maxAfterMiB) {
    private static final Pattern LINE =
        Pattern.compile("^\\[([^\\]]+)\\].*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static GcPeak between(Path log, Instant from, Instant to) throws Exception {
      int collections = 0;
      long maxBefore = 0;
      long maxAfter = 0;
      for (String line : Files.readAllLines(log)) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.find()) {
          continue;
        }
        Instant at;
        try {
          at =
              java.time.OffsetDateTime.parse(
                      matcher.group(1),
                      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                  .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
          continue;
        }
        if (at.isBefore(from) || at.isAfter(to)) {
          continue;
        }
        collections++;
        maxBefore = Math.max(maxBefore, Long.parseLong(matcher.group(2)));
        maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(3)));
      }
      return new GcPeak(collections, maxBefore, maxAfter);
    }

    @Override
    public String toString() {
      return collections == 0
          ? "no collection during the snapshot"
          : "%d collections; heap in use before a collection at most %,d MiB, after at most %,d MiB"
              .formatted(collections, maxBeforeMiB, maxAfterMiB);
    }
  }

  /** Bytes of heap per live entity: the least-squares slope of heap against live entities. */
  private static String slope(List<Histogram> points) {
    double meanX = points.stream().mapToDouble(Histogram::entities).average().orElse(0);
    double meanY = points.stream().mapToDouble(Histogram::bytes).average().orElse(0);
    double xy = 0;
    double xx = 0;
    for (Histogram point : points) {
      xy += (point.entities - meanX) * (point.bytes - meanY);
      xx += (point.entities - meanX) * (point.entities - meanX);
    }
    if (xx == 0) {
      return "n/a";
    }
    double perEntity = xy / xx;
    return "%,.0f bytes (heap at no entity %.1f MiB)"
        .formatted(perEntity, (meanY - perEntity * meanX) / 1048576.0);
  }

  // ---- data ------------------------------------------------------------------------------------

  /**
   * Everything {@code LedgerFreelancerStore.load} reads, written in SQL on the server: an account
   * (display name), an availability, a consent to the tenant, and for every tenth a conversation of
   * one to three messages from the freelancer.
   */
  private static void generate(DataSource database, UUID tenant, int count) throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement scope = connection.createStatement()) {
        // A bulk load: no triggers (and no foreign-key checks, the rows are consistent by
        // construction). The only triggers on these tables keep the search's candidate cards,
        // which no entity reads; with them a million freelancers took most of an hour to write.
        scope.execute("SET session_replication_role = replica");
      }
      String subject = "'00000000-0000-4000-8000-' || lpad(i::text, 12, '0')";
      List<String> statements =
          List.of(
              "INSERT INTO user_account (id, keycloak_subject, username, display_name,"
                  + " first_seen_at, last_seen_at, version) SELECT gen_random_uuid(), "
                  + subject
                  + ", 'bench-' || i, 'ベンチ 太郎 ' || i, now(), now(), 0"
                  + " FROM generate_series(?, ?) AS i",
              "INSERT INTO freelancer_availability (freelancer_subject, status, available_from,"
                  + " days_per_week, hours_per_day, work_style, rate_min_man_yen, rate_max_man_yen,"
                  + " updated_at, version) SELECT "
                  + subject
                  + ", (ARRAY['AVAILABLE','AVAILABLE_FROM','UNAVAILABLE'])[i % 3 + 1],"
                  + " CASE WHEN i % 3 = 1 THEN current_date + (i % 90) END, 2 + i % 4, 8,"
                  + " (ARRAY['REMOTE','HYBRID','ON_SITE'])[i % 3 + 1], 50 + i % 50, 60 + i % 50,"
                  + " now(), 1 FROM generate_series(?, ?) AS i",
              "INSERT INTO consent (id, tenant_id, freelancer_subject, granted_at, shared_items)"
                  + " SELECT gen_random_uuid(), '"
                  + tenant
                  + "', "
                  + subject
                  + ", now(), '{PROFILE,SKILL_SHEET,EMAIL,AVAILABILITY,MESSAGES,CANDIDACY}'"
                  + " FROM generate_series(?, ?) AS i",
              "INSERT INTO conversation (tenant_id, freelancer_subject, last_seq,"
                  + " freelancer_delivered_seq, freelancer_read_seq, updated_at) SELECT '"
                  + tenant
                  + "', "
                  + subject
                  + ", m, m, m, now() FROM (SELECT i, 1 + (i / "
                  + CONVERSATION_EVERY
                  + ") % 3 AS m FROM generate_series(?, ?) AS i WHERE i % "
                  + CONVERSATION_EVERY
                  + " = 0) AS c",
              "INSERT INTO chat_message (tenant_id, freelancer_subject, seq, id, sender_subject,"
                  + " sender_side, client_message_id, body, sent_at) SELECT '"
                  + tenant
                  + "', "
                  + subject
                  + ", s, gen_random_uuid(), "
                  + subject
                  + ", 'FREELANCER', 'bench-' || s, 'はじめまして、' || s || '通目です', now()"
                  + " FROM generate_series(?, ?) AS i, generate_series(1, 1 + (i / "
                  + CONVERSATION_EVERY
                  + ") % 3) AS s WHERE i % "
                  + CONVERSATION_EVERY
                  + " = 0");
      for (int from = 0; from < count; from += CHUNK) {
        int to = Math.min(count, from + CHUNK) - 1;
        for (String sql : statements) {
          try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setInt(1, from);
            insert.setInt(2, to);
            insert.executeUpdate();
          }
        }
        connection.commit();
        System.out.printf("%s generated %,d of %,d%n", Instant.now(), to + 1, count);
      }
      connection.setAutoCommit(true);
      try (Statement vacuum = connection.createStatement()) {
        for (String table :
            List.of(
                "user_account",
                "freelancer_availability",
                "consent",
                "conversation",
                "chat_message")) {
          vacuum.execute("VACUUM ANALYZE " + table);
        }
      }
    }
  }

  /** The PostgreSQL server's postmaster: the parent of this connection's backend. */
  private static long postmasterPid(DataSource database) throws Exception {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      long backend = result.getLong(1);
      return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
    }
  }

  // ---- the client ------------------------------------------------------------------------------

  /** The tenant admin's token, renewed before Keycloak's five minutes run out. */
  private static final class Staff {
    private final RunningPlatform platform;
    private final RunningPlatform.ProvisionedTenant tenant;
    private final AtomicReference<String> token = new AtomicReference<>();
    private volatile long issuedNanos;

    Staff(RunningPlatform platform, RunningPlatform.ProvisionedTenant tenant) {
      this.platform = platform;
      this.tenant = tenant;
      refresh();
    }

    String token() {
      return token.get();
    }

    synchronized void refreshIfOld() {
      if (System.nanoTime() - issuedNanos > TimeUnit.SECONDS.toNanos(200)) {
        refresh();
      }
    }

    private void refresh() {
      token.set(platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password()));
      issuedNanos = System.nanoTime();
    }
  }

  /** One pass over some freelancers: what came back, and how long each took. */
  private static final class Pass {
    final LatencyHistogram latency = new LatencyHistogram();
    final AtomicLong wrong = new AtomicLong();
    final AtomicLong conversations = new AtomicLong();
    final AtomicLong conversationsRight = new AtomicLong();
    final AtomicLong noConversationRight = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final List<String> firstWrong = java.util.Collections.synchronizedList(new ArrayList<>());
    long count;
    double seconds;

    String outcome() {
      return "statuses " + new java.util.TreeMap<>(statuses) + ", wrong " + wrong.get();
    }
  }

  private static final class Client {
    private static final Pattern LAST_SEQ = Pattern.compile("\"lastSeq\"\\s*:\\s*(\\d+)");

    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final Staff staff;

    Client(String baseUrl, String tenantPath, Staff staff) {
      this.base = baseUrl + tenantPath + "/api/v1/conversations/";
      this.staff = staff;
    }

    /** Addresses {@code count} freelancers ({@code index} maps 0..count-1 to theirs). */
    Pass address(
        String name, int count, IntUnaryOperator index, int inFlight, Sampler sampler, int minutes)
        throws InterruptedException {
      Pass pass = new Pass();
      Semaphore slots = new Semaphore(inFlight);
      long started = System.nanoTime();
      AtomicLong done = new AtomicLong();
      if (sampler != null) {
        sampler.start(done, started);
      }
      long deadline = minutes > 0 ? started + TimeUnit.MINUTES.toNanos(minutes) : Long.MAX_VALUE;
      int issued = 0;
      for (int n = 0; n < count && System.nanoTime() - deadline < 0; n++, issued++) {
        int i = index.applyAsInt(n);
        slots.acquire();
        if ((n & 1023) == 0) {
          staff.refreshIfOld();
        }
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + subject(i) + "/receipts"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + staff.token())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"upToSeq\":0,\"read\":false}"))
                .build();
        long sent = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .whenComplete(
                (response, failure) -> {
                  long took = System.nanoTime() - sent;
                  try {
                    check(pass, i, response, failure);
                    pass.latency.record(took);
                  } finally {
                    done.incrementAndGet();
                    slots.release();
                  }
                });
      }
      slots.acquire(inFlight);
      pass.count = issued;
      pass.seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%s: %,d in %.0f s, %s%n", name, issued, pass.seconds, pass.outcome());
      return pass;
    }

    private static void check(Pass pass, int i, HttpResponse<String> response, Throwable failure) {
      int status = failure != null ? -1 : response.statusCode();
      pass.statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
      int expected = messages(i);
      boolean right;
      if (failure != null) {
        right = false;
      } else if (expected > 0) {
        pass.conversations.incrementAndGet();
        Matcher seq = LAST_SEQ.matcher(response.body());
        right = status == 200 && seq.find() && Long.parseLong(seq.group(1)) == expected;
        if (right) {
          pass.conversationsRight.incrementAndGet();
        }
      } else {
        right = status == 400 && response.body().contains("no conversation with this tenant");
        if (right) {
          pass.noConversationRight.incrementAndGet();
        }
      }
      if (!right) {
        pass.wrong.incrementAndGet();
        if (pass.firstWrong.size() < 5) {
          pass.firstWrong.add(
              "#%d (expected %d messages): %s"
                  .formatted(
                      i,
                      expected,
                      failure != null
                          ? failure.toString()
                          : status
                              + " "
                              + response
                                  .body()
                                  .substring(0, Math.min(300, response.body().length()))));
        }
      }
    }
  }

  // ---- the node and the database, from the OS and the JVM ------------------------------------

  /**
   * A class histogram of the node ({@code jcmd GC.class_histogram}, which runs a full GC first):
   * the live {@code Freelancer} instances, one per running entity, and the bytes of all live
   * objects, the heap after GC.
   */
  private record Histogram(long entities, long bytes, Instant at, Map<String, Long> bytesByClass) {
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    static Histogram of(long pid) throws Exception {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  String.valueOf(pid),
                  "GC.class_histogram")
              .redirectErrorStream(true)
              .start();
      long entities = 0;
      long bytes = -1;
      Map<String, Long> byClass = new java.util.HashMap<>();
      for (String line :
          new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        Matcher row = ROW.matcher(line);
        if (row.find()) {
          byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
          if (row.group(3).equals(ENTITY_CLASS)) {
            entities = Long.parseLong(row.group(1));
          }
        }
        Matcher total = TOTAL.matcher(line);
        if (total.find()) {
          bytes = Long.parseLong(total.group(2));
        }
      }
      jcmd.waitFor(2, TimeUnit.MINUTES);
      if (bytes < 0) {
        throw new IllegalStateException("no class histogram from jcmd " + pid);
      }
      return new Histogram(entities, bytes, Instant.now(), byClass);
    }

    /** The classes whose live bytes grew most since {@code earlier}: what a step left behind. */
    String growthSince(Histogram earlier, int classes) {
      return bytesByClass.entrySet().stream()
          .map(
              e ->
                  Map.entry(
                      e.getKey(), e.getValue() - earlier.bytesByClass.getOrDefault(e.getKey(), 0L)))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(classes)
          .map(e -> "%s %+,.1f KiB".formatted(e.getKey(), e.getValue() / 1024.0))
          .collect(java.util.stream.Collectors.joining("; "));
    }
  }

  /** User + system CPU of a process (and, for a tree, of its children, living and reaped). */
  private record Cpu(long ticks) {
    double seconds() {
      return ticks / 100.0; // USER_HZ
    }

    static Cpu of(long pid) {
      long[] fields = stat(pid);
      return new Cpu(fields[0] + fields[1]);
    }

    /** PostgreSQL: the postmaster, its reaped children's CPU, and every living backend. */
    static Cpu ofTree(long pid) {
      long[] own = stat(pid);
      long ticks = own[0] + own[1] + own[2] + own[3];
      for (ProcessHandle child : ProcessHandle.of(pid).orElseThrow().children().toList()) {
        long[] fields = stat(child.pid());
        ticks += fields[0] + fields[1];
      }
      return new Cpu(ticks);
    }

    /** utime, stime, cutime, cstime of /proc/pid/stat (0s for a process that just ended). */
    private static long[] stat(long pid) {
      try {
        String[] fields =
            Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        // After "pid (comm) ": state is field 3, utime field 14 → index 11.
        return new long[] {
          Long.parseLong(fields[11]),
          Long.parseLong(fields[12]),
          Long.parseLong(fields[13]),
          Long.parseLong(fields[14])
        };
      } catch (Exception gone) {
        return new long[4];
      }
    }
  }

  /** Every 15 s: progress, node and PostgreSQL CPU; every so often a class histogram. */
  private static final class Sampler {
    final List<String> rows = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Histogram> histograms = new ArrayList<>();
    private final long nodePid;
    private final long postgresPid;
    private final Staff staff;
    private final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor();

    Sampler(long nodePid, long postgresPid, Staff staff) {
      this.nodePid = nodePid;
      this.postgresPid = postgresPid;
      this.staff = staff;
    }

    void start(AtomicLong done, long started) {
      AtomicLongArray last =
          new AtomicLongArray(
              new long[] {
                started, 0, Cpu.of(nodePid).ticks, Cpu.ofTree(postgresPid).ticks, started
              });
      timer.scheduleAtFixedRate(
          () -> {
            try {
              long now = System.nanoTime();
              long count = done.get();
              long node = Cpu.of(nodePid).ticks;
              long postgres = Cpu.ofTree(postgresPid).ticks;
              double interval = (now - last.get(0)) / 1e9;
              String live = "";
              String heap = "";
              // Live entities reach their steady number after 1.5 idle timeouts at a steady rate.
              if ((now - started) / 1e9 > IDLE_SECONDS * 1.5
                  && (now - last.get(4)) / 1e9 >= HISTOGRAM_EVERY_SECONDS) {
                Histogram histogram = Histogram.of(nodePid);
                synchronized (histograms) {
                  histograms.add(histogram);
                }
                live = "%,d".formatted(histogram.entities);
                heap = "%.1f MiB".formatted(histogram.bytes / 1048576.0);
                last.set(4, System.nanoTime());
              }
              rows.add(
                  "| %.0f s | %,d | %,.0f | %.2f | %.2f | %s | %s |"
                      .formatted(
                          (now - started) / 1e9,
                          count,
                          (count - last.get(1)) / interval,
                          (node - last.get(2)) / 100.0 / interval,
                          (postgres - last.get(3)) / 100.0 / interval,
                          live,
                          heap));
              System.out.println(rows.get(rows.size() - 1));
              last.set(0, now);
              last.set(1, count);
              last.set(2, node);
              last.set(3, postgres);
              staff.refreshIfOld();
            } catch (Exception e) {
              System.out.println("sampler: " + e);
            }
          },
          15,
          15,
          TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(2, TimeUnit.MINUTES);
    }

    List<Histogram> histograms() {
      synchronized (histograms) {
        return List.copyOf(histograms);
      }
    }

    Optional<Histogram> peak() {
      synchronized (histograms) {
        return histograms.stream().max(java.util.Comparator.comparingLong(Histogram::entities));
      }
    }
  }

  private static void report(String format, Object... arguments) {
    String line = arguments.length == 0 ? format : String.format(format, arguments);
    REPORT.append(line).append('\n');
    System.out.println(line);
  }
}
