package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for every client frame the live sockets declare. The frame types and their fields
 * come from the protocol class in the built WAR ({@code LiveProtocol}, the list the sockets parse
 * against), so a new frame type or field is covered the day it is added. Every field of every type
 * gets control characters, lone surrogates, bidi overrides, emoji, strings around the frame limit,
 * extreme and malformed numbers, foreign ids and wrong JSON types; every type gets missing fields,
 * duplicate keys, deep nesting and malformed JSON; every upgrade gets hostile query parameters.
 *
 * <p>Each case must end in an {@code error} frame with a 4xx status, a normal answer, or a close
 * with a policy code (1008, 1009, 1003); never a 5xx problem, a 1011 close, silence on a dead
 * socket or a stack trace. A ping after every case proves the socket still answers; afterwards the
 * REST history holds exactly the messages that were acknowledged, and the platform is still ready.
 * The sockets (a tenant's board, a tenant's chat, a freelancer's chat, the bell's) run side by
 * side, each paced under its own frame budget, so the whole run stays well under three minutes.
 */
class LiveSocketFuzzIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");
  private static final Pattern CLIENT_ID =
      Pattern.compile("\"clientMessageId\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<Integer> POLICY_CLOSES = Set.of(1003, 1008, 1009);

  /** The run's time box; cases left when it is spent are reported, not silently dropped. */
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(170);

  private static long deadline;

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant foreign;
  private static String staffToken;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void aTenantAndASharingFreelancer() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("fuzz-" + SUFFIX, "{\"displayName\":\"Fuzz\"}");
    foreign = platform.provisionTenant("fuzz-b-" + SUFFIX, "{\"displayName\":\"Fuzz B\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    freelancerToken = platform.token("proxima-portal", "demo", "demo");
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  /** One way into a socket: its path, its caller, the frames it takes per second. */
  private record Endpoint(
      String name, String socket, String path, String token, String with, double framesPerSecond) {}

  private static List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(
            "board (staff)", "board", "/ws/board?tenant=" + tenant.slug(), staffToken, "", 10),
        new Endpoint(
            "chat (staff)",
            "chat",
            "/ws/chat?tenant=" + tenant.slug(),
            staffToken,
            freelancerId,
            20),
        new Endpoint("chat (freelancer)", "chat", "/ws/chat", freelancerToken, tenant.slug(), 20),
        new Endpoint(
            "notifications (freelancer)",
            "notifications",
            "/ws/notifications",
            freelancerToken,
            "",
            5),
        new Endpoint(
            "notifications (staff)",
            "notifications",
            "/ws/notifications?tenant=" + tenant.slug(),
            staffToken,
            "",
            5));
  }

  /** The client frames as the WAR declares them: socket → type → field → "KIND req min max". */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Map<String, String>>> declaredProtocol() throws Exception {
    Path classes = Files.createTempDirectory("live-protocol");
    String prefix = "WEB-INF/classes/io/proxima/live/socket/LiveProtocol";
    try (ZipFile war = new ZipFile(RunningPlatform.MICRO.resolve("proxima-web.war").toFile())) {
      for (ZipEntry entry : Collections.list(war.entries())) {
        if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
          Path target = classes.resolve(entry.getName().substring("WEB-INF/classes/".length()));
          Files.createDirectories(target.getParent());
          try (InputStream in = war.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> protocol = loader.loadClass("io.proxima.live.socket.LiveProtocol");
      return (Map<String, Map<String, Map<String, String>>>)
          protocol.getMethod("describe").invoke(null);
    }
  }

  // ---- hostile values ------------------------------------------------------------------------

  private record Hostile(String label, String json) {}

  private static String quoted(String escapedContent) {
    return "\"" + escapedContent + "\"";
  }

  /** Values for any field, as JSON: strings, numbers, ids and wrong types. */
  static List<Hostile> hostileValues() {
    List<Hostile> values = new ArrayList<>();
    for (int c : new int[] {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9b}) {
      values.add(new Hostile("U+%04X".formatted(c), quoted("a\\u%04xb".formatted(c))));
    }
    values.add(new Hostile("tab, newline", quoted("a\\tb\\nc\\r")));
    values.add(new Hostile("lone high surrogate", quoted("a\\ud800b")));
    values.add(new Hostile("lone low surrogate", quoted("a\\udc00b")));
    values.add(new Hostile("reversed surrogates", quoted("\\udc00\\ud800")));
    values.add(new Hostile("bidi override", quoted("\\u202egnp.exe")));
    values.add(new Hostile("bidi isolate", quoted("\\u2066x\\u2069")));
    values.add(new Hostile("zero width", quoted("\\u200b\\ufeff")));
    values.add(new Hostile("emoji raw", quoted("😀👩‍💻")));
    values.add(new Hostile("emoji escaped", quoted("\\ud83d\\ude00")));
    values.add(new Hostile("markup", quoted("<script>alert(1)</script>")));
    values.add(new Hostile("sql", quoted("'; drop table chat_message; --")));
    values.add(new Hostile("percent nul", quoted("%00")));
    values.add(new Hostile("empty", quoted("")));
    values.add(new Hostile("blank", quoted("   ")));
    values.add(new Hostile("256 chars", quoted("x".repeat(256))));
    values.add(new Hostile("4001 chars", quoted("x".repeat(4001))));
    values.add(new Hostile("7900 chars (under 8 KiB)", quoted("y".repeat(7_900))));
    values.add(new Hostile("2700 kana (8 KiB in UTF-8)", quoted("あ".repeat(2_700))));
    values.add(new Hostile("9000 chars (over 8 KiB)", quoted("z".repeat(9_000))));
    values.add(new Hostile("2^63-1", "9223372036854775807"));
    values.add(new Hostile("2^63", "9223372036854775808"));
    values.add(new Hostile("-2^63", "-9223372036854775808"));
    values.add(new Hostile("-2^63-1", "-9223372036854775809"));
    values.add(new Hostile("1e308", "1e308"));
    values.add(new Hostile("-1e308", "-1e308"));
    values.add(new Hostile("1e-308", "1e-308"));
    values.add(new Hostile("1e999999999", "1e999999999"));
    values.add(new Hostile("400 digits", "9".repeat(400)));
    values.add(new Hostile("-1", "-1"));
    values.add(new Hostile("0", "0"));
    values.add(new Hostile("0.5", "0.5"));
    values.add(new Hostile("number as string", quoted("7")));
    values.add(new Hostile("random uuid", quoted(UUID.randomUUID().toString())));
    values.add(new Hostile("nil uuid", quoted("00000000-0000-0000-0000-000000000000")));
    values.add(new Hostile("invalid uuid", quoted("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")));
    values.add(new Hostile("foreign tenant", quoted(foreign.slug())));
    values.add(new Hostile("foreign tenant id", quoted(foreign.id())));
    values.add(new Hostile("path traversal", quoted("../../etc/passwd")));
    values.add(new Hostile("true", "true"));
    values.add(new Hostile("false", "false"));
    values.add(new Hostile("null", "null"));
    values.add(new Hostile("empty list", "[]"));
    values.add(new Hostile("list", "[\"AVAILABLE\",1,null,{}]"));
    values.add(new Hostile("object", "{\"a\":1}"));
    values.add(new Hostile("deep list", "[".repeat(2_000) + "]".repeat(2_000)));
    values.add(new Hostile("deep object", "{\"a\":".repeat(900) + "1" + "}".repeat(900)));
    return values;
  }

  /** Whole frames that are wrong as a whole, for any socket. */
  static List<Hostile> hostileFrames(String validType) {
    return List.of(
        new Hostile("not json", "not json"),
        new Hostile("empty text", ""),
        new Hostile("truncated", "{\"type\":\"" + validType + "\""),
        new Hostile("trailing garbage", "{\"type\":\"" + validType + "\"}}}"),
        new Hostile("single quotes", "{'type':'" + validType + "'}"),
        new Hostile("byte order mark", "\ufeff{\"type\":\"" + validType + "\"}"),
        new Hostile("NaN", "{\"type\":\"" + validType + "\",\"upToSeq\":NaN}"),
        new Hostile("comment", "{\"type\":\"" + validType + "\"/* x */}"),
        new Hostile("array", "[{\"type\":\"" + validType + "\"}]"),
        new Hostile("string", "\"" + validType + "\""),
        new Hostile("number", "42"),
        new Hostile("null", "null"),
        new Hostile("no type", "{}"),
        new Hostile("type null", "{\"type\":null}"),
        new Hostile("type number", "{\"type\":1}"),
        new Hostile("type list", "{\"type\":[\"" + validType + "\"]}"),
        new Hostile("unknown type", "{\"type\":\"drop-everything\"}"),
        new Hostile("type with NUL", "{\"type\":\"" + validType + "\\u0000\"}"),
        new Hostile("type in capitals", "{\"type\":\"" + validType.toUpperCase() + "\"}"),
        new Hostile("proto", "{\"type\":\"__proto__\",\"__proto__\":{\"admin\":true}}"),
        new Hostile("deep frame", "[".repeat(3_000) + "]".repeat(3_000)),
        new Hostile(
            "giant frame",
            "{\"type\":\"" + validType + "\",\"pad\":\"" + "p".repeat(9_000) + "\"}"));
  }

  /** A valid value for a field: what the socket needs to get past it to the field under test. */
  private static String validValue(Endpoint endpoint, String field, String description, int n) {
    String[] parts = description.split(" ");
    return switch (field) {
      case "with" -> quoted(endpoint.with());
      case "clientMessageId" -> quoted("fz-" + SUFFIX + "-" + n);
      case "body" -> quoted("fuzz " + n);
      default ->
          switch (parts[0]) {
            case "TEXT" -> quoted("x");
            case "INTEGER" -> parts[3];
            case "BOOLEAN" -> "true";
            case "NAMES" -> "[]";
            default -> throw new AssertionError("no valid value for a " + parts[0] + " field");
          };
    };
  }

  /** The frame of {@code type} with every field valid except {@code hostileField}. */
  private static String frame(
      Endpoint endpoint,
      String type,
      Map<String, String> fields,
      String hostileField,
      String hostileJson,
      int n) {
    StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append('"');
    fields.forEach(
        (name, description) -> {
          String value =
              name.equals(hostileField) ? hostileJson : validValue(endpoint, name, description, n);
          if (value != null) {
            json.append(",\"").append(name).append("\":").append(value);
          }
        });
    return json.append('}').toString();
  }

  // ---- the run -------------------------------------------------------------------------------

  /** One hostile frame; a {@code send} is answered once, by an ack or an error. */
  private record Case(String label, String frame, boolean answered) {
    Case(String label, String frame) {
      this(label, frame, false);
    }
  }

  @Test
  @Timeout(value = 200, unit = TimeUnit.SECONDS)
  void everyFrameTypeAndFieldSurvivesHostileInput() throws Exception {
    long started = System.nanoTime();
    deadline = started + BUDGET_NANOS;
    Map<String, Map<String, Map<String, String>>> protocol = declaredProtocol();
    assertThat(protocol).as("the WAR declares the live protocol").isNotEmpty();
    int frameTypes = protocol.values().stream().mapToInt(Map::size).sum();

    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
    AtomicInteger upgrades = new AtomicInteger();
    String history = "/t/" + tenant.slug() + "/api/v1/conversations/" + freelancerId + "/messages";
    Set<String> before = clientIds(platform.send("GET", history + "?limit=200", staffToken, null));

    // Frames and upgrades of each socket side by side: each frame run has its own budget, and
    // the upgrades mostly wait for the server.
    ExecutorService pool = Executors.newFixedThreadPool(2 * endpoints().size());
    List<Future<Integer>> runs = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      Map<String, Map<String, String>> types = protocol.get(endpoint.socket());
      assertThat(types).as("the protocol declares frames for " + endpoint.socket()).isNotNull();
      runs.add(pool.submit(() -> fuzzFrames(endpoint, types, failures, acknowledged)));
      pool.submit(() -> upgrades.addAndGet(fuzzUpgrade(endpoint, failures)));
    }
    pool.shutdown();
    assertThat(
            pool.awaitTermination(
                BUDGET_NANOS + TimeUnit.SECONDS.toNanos(10), TimeUnit.NANOSECONDS))
        .isTrue();
    int frameCases = 0;
    for (Future<Integer> run : runs) {
      frameCases += run.get();
    }

    System.out.printf(
        "live socket fuzz: %d sockets, %d frame types, %d frame cases, %d upgrade cases,"
            + " %d messages acknowledged, in %d s%n",
        protocol.size(),
        frameTypes,
        frameCases,
        upgrades.get(),
        acknowledged.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertThat(failures).as("hostile cases that misbehaved").isEmpty();

    // Nothing half-written: the history gained exactly the messages that were acknowledged.
    Set<String> after = clientIds(platform.send("GET", history + "?limit=200", staffToken, null));
    after.removeAll(before);
    assertThat(after).isEqualTo(acknowledged);
    // And the server is healthy: ready, and a fresh socket works.
    assertThat(platform.send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
    try (LiveClient board =
        LiveClient.open(
            platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staffToken, null)) {
      assertThat(board.next("snapshot")).contains(tenant.slug());
    }
  }

  private static Set<String> clientIds(HttpResponse<String> history) {
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    Matcher matcher = CLIENT_ID.matcher(history.body());
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private int fuzzFrames(
      Endpoint endpoint,
      Map<String, Map<String, String>> types,
      List<String> failures,
      Set<String> acknowledged) {
    List<Case> cases = new ArrayList<>();
    int n = 0;
    for (var type : types.entrySet()) {
      Map<String, String> fields = new LinkedHashMap<>(type.getValue());
      for (String field : fields.keySet()) {
        for (Hostile hostile : hostileValues()) {
          cases.add(
              new Case(
                  type.getKey() + "." + field + " = " + hostile.label(),
                  frame(endpoint, type.getKey(), fields, field, hostile.json(), ++n),
                  type.getKey().equals("send") && hostile.json().length() < 8_000));
        }
        cases.add(
            new Case(
                type.getKey() + " without " + field,
                frame(endpoint, type.getKey(), fields, field, null, ++n)));
        // A duplicate key: the first value valid, the second hostile, and the other way round.
        String valid = validValue(endpoint, field, fields.get(field), ++n);
        String base = frame(endpoint, type.getKey(), fields, null, null, n);
        String tail = base.substring(0, base.length() - 1);
        cases.add(
            new Case(
                type.getKey() + "." + field + " twice (NUL last)",
                tail + ",\"" + field + "\":\"\\u0000\"}"));
        cases.add(
            new Case(
                type.getKey() + "." + field + " twice (valid last)",
                "{\""
                    + field
                    + "\":\"\\u0000\","
                    + tail.substring(1)
                    + ",\""
                    + field
                    + "\":"
                    + valid
                    + "}"));
      }
      cases.add(
          new Case(
              type.getKey() + " with type twice",
              frame(endpoint, type.getKey(), fields, null, null, ++n)
                  .replaceFirst("\\{", "{\"type\":\"drop-everything\",")));
      for (Hostile hostile : hostileFrames(type.getKey())) {
        cases.add(new Case(type.getKey() + ": " + hostile.label(), hostile.json()));
      }
    }
    FuzzSocket socket = new FuzzSocket(endpoint, failures, acknowledged);
    long started = System.nanoTime();
    for (int i = 0; i < cases.size(); i++) {
      if (System.nanoTime() > deadline) {
        fail(failures, endpoint.name() + ": out of time after " + i + " of " + cases.size());
        break;
      }
      socket.run(cases.get(i));
      if (i % 100 == 99) {
        System.out.printf(
            "fuzz %s: %d of %d cases in %d ms%n",
            endpoint.name(),
            i + 1,
            cases.size(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      }
    }
    socket.finish();
    return cases.size();
  }

  /** Hostile query parameters on the upgrade request. */
  private int fuzzUpgrade(Endpoint endpoint, List<String> failures) {
    List<String> values =
        List.of(
            "%00",
            "a%01b",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "%ED%A0%80",
            "x".repeat(300),
            "x".repeat(6_000),
            "-1",
            "0",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e308",
            "9".repeat(400),
            "..%2F..%2F",
            UUID.randomUUID().toString(),
            foreign.slug(),
            URLEncoder.encode("{\"type\":\"send\"}", StandardCharsets.UTF_8));
    int cases = 0;
    for (String parameter : List.of("tenant", "resume", "lastSeq", "ticket", "device")) {
      for (String value : values) {
        if (System.nanoTime() > deadline) {
          fail(failures, endpoint.name() + ": out of time in the upgrade cases");
          return cases;
        }
        cases++;
        String path =
            endpoint.path() + (endpoint.path().contains("?") ? "&" : "?") + parameter + "=" + value;
        String label = endpoint.name() + " ?" + parameter + "=" + abbreviate(value);
        // A ticket is for browsers, which send no token: try it alone.
        String token = parameter.equals("ticket") ? null : endpoint.token();
        LiveClient client = LiveClient.open(platform.baseUrl(), path, token, null);
        try {
          if (client.handshakeRefused()) {
            int status = client.handshakeStatus();
            if (status >= 500 || status < 0) {
              fail(failures, label + ": handshake answered " + status);
            }
            continue;
          }
          String first = firstFrame(client);
          if (first == null) {
            Integer code = closeCodeOrNull(client);
            if (code == null || !POLICY_CLOSES.contains(code)) {
              fail(failures, label + ": no first frame, closed with " + code);
            }
            continue;
          }
          checkFrame(label, first, failures);
          client.send("{\"type\":\"ping\"}");
          if (!awaitPong(client, label, failures)) {
            Integer code = client.closed.getNow(null);
            if (code == null || !POLICY_CLOSES.contains(code)) {
              fail(failures, label + ": opened, then dead (closed with " + code + ")");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        } catch (RuntimeException e) {
          Integer code = client.closed.isDone() ? closeCodeOrNull(client) : null;
          if (code == null || !POLICY_CLOSES.contains(code)) {
            fail(failures, label + ": " + e + " (closed with " + code + ")");
          }
        } finally {
          client.abort();
        }
      }
    }
    return cases;
  }

  /** The first frame of a new socket; null as soon as it is closed without one, or after 5 s. */
  private static String firstFrame(LiveClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String frame = client.poll(50);
      if (frame != null) {
        return frame;
      }
      if (client.closed.isDone() && client.frames.isEmpty()) {
        return null;
      }
    }
    return null;
  }

  private static boolean awaitPong(LiveClient client, String label, List<String> failures)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String frame = client.poll(50);
      if (frame == null) {
        if (client.closed.isDone() && client.frames.isEmpty()) {
          return false;
        }
        continue;
      }
      checkFrame(label, frame, failures);
      if (frame.contains("\"type\":\"pong\"")) {
        return true;
      }
    }
    return false;
  }

  private static void fail(List<String> failures, String failure) {
    System.out.println("fuzz FAILURE " + abbreviate(failure));
    failures.add(failure);
  }

  /** No server errors and no internals in any frame. */
  private static void checkFrame(String label, String frame, List<String> failures) {
    if (frame.contains("\tat ")
        || frame.contains("Exception")
        || frame.contains("at io.proxima")
        || frame.contains("org.hibernate")
        || frame.contains("SQLState")) {
      fail(failures, label + ": internals in a frame: " + abbreviate(frame));
    }
    if (frame.contains("\"type\":\"error\"")) {
      Matcher status = STATUS.matcher(frame);
      if (!status.find()
          || Integer.parseInt(status.group(1)) < 400
          || Integer.parseInt(status.group(1)) >= 500) {
        fail(failures, label + ": " + abbreviate(frame));
      }
    }
  }

  private static Integer closeCodeOrNull(LiveClient client) {
    try {
      return client.closed.getNow(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
  }

  /**
   * One endpoint's socket, reopened whenever a case closes it, paced under its frame budget. Each
   * case is its frame and a ping; everything up to the pong is the case's answer.
   */
  private final class FuzzSocket {
    final Endpoint endpoint;
    final List<String> failures;
    final Set<String> acknowledged;
    final long frameIntervalNanos;
    LiveClient client;
    long lastFrameAt;

    FuzzSocket(Endpoint endpoint, List<String> failures, Set<String> acknowledged) {
      this.endpoint = endpoint;
      this.failures = failures;
      this.acknowledged = acknowledged;
      // A little under the budget: a 429 would answer the budget, not the case.
      this.frameIntervalNanos = (long) (1e9 / (endpoint.framesPerSecond() * 0.9));
    }

    void run(Case fuzz) {
      String label = endpoint.name() + " " + fuzz.label();
      try {
        if (client == null) {
          client = LiveClient.open(platform.baseUrl(), endpoint.path(), endpoint.token(), null);
          String first = client.poll(10_000);
          if (first == null) {
            throw new AssertionError(endpoint.name() + " did not open: " + client.closed);
          }
        }
        pace();
        client.send(fuzz.frame());
        pace();
        try {
          client.send("{\"type\":\"ping\"}");
        } catch (RuntimeException closedMeanwhile) {
          // The case closed the socket; its close code is checked below.
        }
        boolean answered = collect(label, fuzz.answered());
        if (!answered) {
          Integer code = closeCodeOrNull(client);
          if (client.closed.isDone() && code != null && POLICY_CLOSES.contains(code)) {
            client = null; // a policy close: fine, the next case opens a new socket
          } else {
            fail(failures, label + ": no answer, socket closed with " + code);
            client.abort();
            client = null;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } catch (RuntimeException e) {
        Integer code = client == null ? null : closeCodeOrNull(client);
        if (code == null || !POLICY_CLOSES.contains(code)) {
          fail(failures, label + ": " + e + " (closed with " + code + ")");
        }
        if (client != null) {
          client.abort();
        }
        client = null;
      }
    }

    /**
     * Frames up to the pong (and, for a send, its ack or error); acks are remembered for the
     * history check. False when the socket closed or went silent first.
     */
    private boolean collect(String label, boolean answered) throws InterruptedException {
      boolean ponged = false;
      boolean needsAnswer = answered;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        String frame = client.poll(50);
        if (frame == null) {
          if (client.closed.isDone() && client.frames.isEmpty()) {
            return false;
          }
          continue;
        }
        observe(label, frame);
        ponged |= frame.contains("\"type\":\"pong\"");
        if (frame.contains("\"type\":\"ack\"") || frame.contains("\"type\":\"error\"")) {
          needsAnswer = false;
        }
        if (ponged && !needsAnswer) {
          return true;
        }
      }
      if (ponged) {
        fail(failures, label + ": a send was neither acknowledged nor refused");
        return true;
      }
      return false;
    }

    private void observe(String label, String frame) {
      checkFrame(label, frame, failures);
      if (frame.contains("\"type\":\"ack\"")) {
        Matcher id = CLIENT_ID.matcher(frame);
        if (id.find()) {
          acknowledged.add(id.group(1));
        }
      }
    }

    /** Late answers (acks of stored messages arrive after the pong) are checked too. */
    void finish() {
      if (client == null) {
        return;
      }
      try {
        for (String frame = client.poll(2_000); frame != null; frame = client.poll(1_000)) {
          observe(endpoint.name() + " (late)", frame);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      client.close();
    }

    private void pace() throws InterruptedException {
      long wait = lastFrameAt + frameIntervalNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      lastFrameAt = System.nanoTime();
    }
  }
}
