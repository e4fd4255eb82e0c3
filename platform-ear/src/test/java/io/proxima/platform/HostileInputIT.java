package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.OpenApiOperations.Operation;
import io.proxima.platform.OpenApiOperations.Parameter;
import io.proxima.platform.ValidRequests.Request;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over every REST operation the served OpenAPI document lists. For each operation a
 * valid request is built from the document ({@link ValidRequests}) and sent; then every body
 * member, path parameter and query parameter in turn is replaced by one value of each hostile class
 * — controls, lone surrogates, bidi overrides, emoji, a megabyte, SQL and tsquery syntax, markup,
 * numbers at and past the edges of a long, ids that are not or are someone else's, every wrong JSON
 * type, 10,000 levels of nesting, a duplicated member — and the body as a whole is broken once each
 * way (malformed, truncated, not UTF-8, the wrong top-level type).
 *
 * <p>Every answer must be a 2xx, or a 4xx {@code application/problem+json} document that names the
 * input at fault ({@code field}, or one of its {@code violations}) when it is a 400 or 422; never a
 * 5xx, never a stack trace or a Java class name; a refused create leaves the collection as it was;
 * the server is healthy at the end. Each input gets each class once (no combinations), so the run
 * stays within minutes; the random parts (foreign ids) come from a fixed, printed seed.
 */
class HostileInputIT {

  static final long SEED = Long.getLong("proxima.fuzz.seed", 20261205L);

  /** Operations whose failures are reported but not asserted, with who owns the fix. */
  static final Map<String, String> REPORTED_ONLY = Map.of();

  private static boolean reportedOnly(String what) {
    return REPORTED_ONLY.keySet().stream().anyMatch(what::startsWith);
  }

  /**
   * Operations for which no valid request can be built from the document, and why; they are still
   * fuzzed.
   */
  static final Map<String, String> NO_VALID_REQUEST =
      Map.ofEntries(
          Map.entry(
              "POST /api/v1/webhooks/stripe",
              "Stripe's own request: valid only with a Stripe-Signature over the exact bytes"),
          Map.entry(
              "POST /api/v1/webhooks/e-signature",
              "the e-signature provider's callback: valid only with its HMAC over the exact bytes"),
          Map.entry(
              "GET /api/v1/platform/health",
              "platform admins only, and no input to vary (EdgeSecurityIT reads it as one)"),
          Map.entry(
              "POST /api/v1/invitation/accept",
              "needs an invitation pending for the caller, and has no input to vary"
                  + " (MembershipConsentIT)"),
          Map.entry(
              "DELETE /api/v1/invitation",
              "the same: declines the caller's pending invitation (MembershipConsentIT)"),
          Map.entry(
              "PUT /api/v1/me/profile/import",
              "the body is a whole JSON Resume document (the document says only 'string')"),
          Map.entry(
              "POST /api/v1/contracts/{contractId}/end",
              "a contract ends on its last day; before it, only terminate (409 says so)"),
          Map.entry(
              "PUT /api/v1/me/availability",
              "live/**: AvailabilityRequest.status and workStyle are plain strings, no enum in the doc"),
          Map.entry(
              "PUT /api/v1/me/profile",
              "profile/**: ProfileEdit's work history periods are 'object' in the doc (a month)"),
          Map.entry(
              "POST /api/v1/me/skill-sheets/{sheetId}/apply",
              "profile/**: ReviewRequest's edited periods are 'object' in the doc (a month)"),
          Map.entry(
              "GET /api/v1/me/profile/portfolio",
              "profile/**: needs a GitHub user the stub knows linked on the profile"),
          Map.entry(
              "GET /api/v1/freelancers/{freelancerId}/portfolio",
              "profile/**: the same, seen by the tenant"),
          Map.entry(
              "GET /api/v1/platform/audit-events/verify",
              "its tenant query parameter is required, which the document does not say yet"),
          Map.entry(
              "POST /api/v1/contracts/{contractId}/convert",
              "the main contract must start after the trial began; example dates cannot say that"));

  /**
   * Refusals the last run found unnamed in code this suite's owner has not fixed yet (found
   * 2026-12-05, seed 20261205): reported on every run, not asserted, until each names its member.
   * Each is a 400 problem today; the list must only shrink.
   */
  static final List<String> KNOWN_UNNAMED =
      List.of(
          "POST /api/v1/applications/{applicationId}/interviews body slots[0].start = null",
          "POST /api/v1/applications/{applicationId}/interviews body slots[0].end = null",
          "POST /api/v1/contracts body freelancerId = ",
          "POST /api/v1/contracts body kind = null",
          "POST /api/v1/contracts body terms = null",
          "POST /api/v1/contracts body terms.startDate = null",
          "POST /api/v1/contracts body terms.endDate = null",
          "PUT /api/v1/contracts/{contractId}/terms body terms.startDate = null",
          "PUT /api/v1/contracts/{contractId}/terms body terms.endDate = null",
          "POST /api/v1/invoices body recipientName = 1 MB string",
          "POST /api/v1/invoices body lines = null",
          "POST /api/v1/invoices body lines[0].unitPriceYen = null");

  /**
   * Operations owned by other engineers right now (live/**, profile/**): their 4xx answers that do
   * not name the input are reported, not asserted; their 5xx answers are asserted like any other.
   */
  static final List<String> UNNAMED_ELSEWHERE =
      List.of(
          "GET /api/v1/conversations/",
          "POST /api/v1/conversations/",
          "GET /api/v1/me/conversations/",
          "POST /api/v1/me/conversations/",
          "PUT /api/v1/me/availability",
          "PUT /api/v1/me/profile",
          "GET /api/v1/me/profile",
          "POST /api/v1/me/skill-sheets",
          "GET /api/v1/freelancers/");

  private static final Pattern LEAK =
      Pattern.compile(
          "\\tat [a-z]|\\b(java|javax|jakarta|org\\.glassfish|org\\.hibernate|org\\.postgresql|"
              + "io\\.proxima|com\\.sun)\\.[a-z]+\\.|\\b[A-Za-z]*Exception\\b|\\.java:\\d+");

  private static RunningPlatform platform;
  private static ApiFixtures fixtures;
  private static ValidRequests requests;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void world() {
    platform = RunningPlatform.get();
    fixtures = new ApiFixtures(platform);
    requests = new ValidRequests(fixtures);
  }

  @AfterAll
  static void stop() {
    if (fixtures != null) {
      fixtures.close();
    }
  }

  /** One hostile value: raw JSON text for bodies, decoded text for path and query parameters. */
  record Hostile(String name, String json, String text) {}

  static List<Hostile> hostileValues(Random random) {
    String megabyte = "x".repeat(1024 * 1024);
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String foreign = new UUID(random.nextLong(), random.nextLong()).toString();
    List<Hostile> values = new ArrayList<>();
    values.add(new Hostile("NUL", "\"a\\u0000b\"", "a\u0000b"));
    values.add(new Hostile("C0 controls", "\"a\\u0001\\u001b[31mb\\u007f\"", "a\u0001\u001b[31mb"));
    values.add(new Hostile("C1 controls", "\"a\u0085\u009bb\"", "a\u0085\u009bb"));
    values.add(new Hostile("lone high surrogate", "\"a\\ud800b\"", "a\ud800b"));
    values.add(new Hostile("lone low surrogate", "\"\\udc00\"", "\udc00"));
    values.add(
        new Hostile(
            "bidi override", "\"\u202etxt.exe\u202c\u2066x\u2069\"", "\u202etxt.exe\u202c"));
    values.add(new Hostile("4-byte emoji", "\"😀🧑‍💻𠮷\"", "😀🧑‍💻𠮷"));
    values.add(new Hostile("1 MB string", "\"" + megabyte + "\"", "x".repeat(4096)));
    values.add(
        new Hostile(
            "SQL", "\"' OR '1'='1'; DROP TABLE job; --\"", "' OR '1'='1'; DROP TABLE job; --"));
    values.add(new Hostile("tsquery syntax", "\"a & | !b:* <-> (c\"", "a & | !b:* <-> (c"));
    values.add(
        new Hostile(
            "HTML/script",
            "\"<script>alert(1)</script><img src=x onerror=alert(1)>\"",
            "<script>alert(1)</script>"));
    values.add(new Hostile("empty string", "\"\"", ""));
    values.add(new Hostile("blank string", "\"   \"", "   "));
    values.add(new Hostile("2^63", "9223372036854775808", "9223372036854775808"));
    values.add(new Hostile("-2^63-1", "-9223372036854775809", "-9223372036854775809"));
    values.add(new Hostile("1e308", "1e308", "1e308"));
    values.add(new Hostile("-1e308", "-1e308", "-1e308"));
    values.add(new Hostile("400 digits", "9".repeat(400), "9".repeat(400)));
    values.add(new Hostile("1e-400", "1e-400", "1e-400"));
    values.add(new Hostile("1e999999999", "1e999999999", "1e999999999"));
    values.add(new Hostile("negative", "-1", "-1"));
    values.add(new Hostile("zero", "0", "0"));
    values.add(new Hostile("fraction", "0.5", "0.5"));
    values.add(new Hostile("invalid UUID", "\"not-a-uuid\"", "not-a-uuid"));
    values.add(new Hostile("foreign UUID", "\"" + foreign + "\"", foreign));
    values.add(new Hostile("object", "{\"a\":1}", "{\"a\":1}"));
    values.add(new Hostile("array", "[1,2]", "[1,2]"));
    values.add(new Hostile("null", "null", "null"));
    values.add(new Hostile("boolean", "true", "true"));
    values.add(new Hostile("10,000 levels", deep, null));
    values.add(new Hostile("duplicate member", null, null));
    return values;
  }

  /** Broken bodies, once per operation with a JSON body. */
  static Map<String, byte[]> brokenBodies(String valid) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("malformed", "{\"a\":".getBytes(StandardCharsets.UTF_8));
    bodies.put(
        "truncated",
        valid.substring(0, Math.max(1, valid.length() / 2)).getBytes(StandardCharsets.UTF_8));
    bodies.put("not UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    bodies.put("top-level array", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8));
    bodies.put("top-level string", "\"x\"".getBytes(StandardCharsets.UTF_8));
    bodies.put("top-level null", "null".getBytes(StandardCharsets.UTF_8));
    bodies.put("trailing garbage", (valid + "}{").getBytes(StandardCharsets.UTF_8));
    bodies.put("empty", new byte[0]);
    return bodies;
  }

  private int cases;
  private final List<String> serverErrors = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> reportedOnly = new ArrayList<>();
  private final List<String> noValidRequest = new ArrayList<>();

  @Test
  void everyOperationTakesAValidRequestAndSurvivesHostileInput() {
    long started = System.nanoTime();
    Random random = new Random(SEED);
    List<Hostile> hostile = hostileValues(random);
    List<Operation> operations = new ArrayList<>(OpenApiOperations.all(platform));
    assertThat(operations).as("operations in the served document").hasSizeGreaterThan(100);
    // Reads first, removals last: a removal must not take away what another operation reads.
    operations.sort(
        Comparator.comparingInt(
            (Operation o) ->
                switch (o.method()) {
                  case "GET" -> 0;
                  case "DELETE" -> 2;
                  default -> 1;
                }));
    System.out.printf(
        "HostileInputIT: seed %d (-Dproxima.fuzz.seed=…), %d operations, %d hostile classes%n",
        SEED, operations.size(), hostile.size());
    for (Operation operation : operations) {
      fuzz(operation, hostile);
    }
    HttpResponse<String> ready = platform.send("GET", "/health/ready", null, null);
    assertThat(ready.statusCode()).as("ready after the run: " + ready.body()).isEqualTo(200);
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", fixtures.freelancer.token(), null);
    assertThat(me.statusCode()).as("a cheap call after the run").isEqualTo(200);

    System.out.printf(
        "HostileInputIT summary: seed %d, %d operations, %d cases, %d 5xx, %d other failures,"
            + " %d without a valid request, %d reported only, %.0f s%n",
        SEED,
        operations.size(),
        cases,
        serverErrors.size(),
        failures.size(),
        noValidRequest.size(),
        reportedOnly.size(),
        (System.nanoTime() - started) / 1e9);
    serverErrors.forEach(e -> System.out.println("  5xx: " + e));
    failures.forEach(e -> System.out.println("  failure: " + e));
    noValidRequest.forEach(e -> System.out.println("  no valid request: " + e));
    reportedOnly.forEach(e -> System.out.println("  reported only: " + e));
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(failures).as("other failures").isEmpty();
    assertThat(noValidRequest).as("operations without a valid request").isEmpty();
  }

  private void fuzz(Operation operation, List<Hostile> hostile) {
    String key = operation.toString();
    Request base;
    try {
      base = requests.build(operation);
    } catch (RuntimeException e) {
      noValidRequest.add(key + ": could not build: " + e.getMessage());
      return;
    }
    // 1. The valid request.
    HttpResponse<String> valid =
        send(base.method(), base.uri(), base, body(base), base.contentType());
    boolean created = valid.statusCode() == 201;
    // Only when the valid request passes can a refusal be pinned on the input that was changed.
    baseAccepted = valid.statusCode() < 300;
    if (valid.statusCode() >= 300 && !NO_VALID_REQUEST.containsKey(key) && !reportedOnly(key)) {
      noValidRequest.add(
          key
              + " as "
              + base.caller().name()
              + ": "
              + valid.statusCode()
              + " "
              + excerpt(valid.body()));
    }
    check(operation, "valid request", null, valid, null);
    String collection = created ? collectionOf(operation) : null;

    // 2. Path parameters.
    for (Parameter parameter : operation.in("path")) {
      for (Hostile value : hostile) {
        if (value.text() == null) {
          continue;
        }
        String path = replacePathParameter(operation, base, parameter.name(), value.text());
        HttpResponse<String> response =
            send(
                base.method(),
                base.caller().prefix() + path + query(base.query()),
                base,
                body(base),
                base.contentType());
        check(operation, "path " + parameter.name(), value, response, parameter.name());
      }
    }
    // 3. Query parameters, declared ones whether the valid request has them or not.
    for (Parameter parameter : operation.in("query")) {
      for (Hostile value : hostile) {
        if (value.text() == null) {
          continue;
        }
        Map<String, String> query = new LinkedHashMap<>(base.query());
        query.put(parameter.name(), value.text());
        HttpResponse<String> response =
            send(
                base.method(),
                base.caller().prefix() + base.path() + query(query),
                base,
                body(base),
                base.contentType());
        check(operation, "query " + parameter.name(), value, response, parameter.name());
      }
    }
    // 4. Body members, each in turn, nested ones by their path.
    if (base.json() != null) {
      for (List<Object> member : members(operation.body(), base.json())) {
        String field = pathText(member);
        long before = collection == null ? -1 : count(base, collection);
        int accepted = 0;
        for (Hostile value : hostile) {
          String body = mutate(base.json(), member, value);
          if (body == null) {
            continue;
          }
          HttpResponse<String> response =
              send(base.method(), base.uri(), base, body.getBytes(StandardCharsets.UTF_8), null);
          accepted += response.statusCode() < 300 ? 1 : 0;
          acceptable = inside(base.json(), member);
          check(operation, "body " + field, value, response, field);
          acceptable = List.of();
        }
        if (collection != null) {
          long after = count(base, collection);
          if (after - before > accepted) {
            record(
                operation,
                "body "
                    + field
                    + ": refused creates left "
                    + (after - before - accepted)
                    + " behind");
          }
        }
      }
      // 5. The body as a whole.
      for (var broken : brokenBodies(base.json().toString()).entrySet()) {
        HttpResponse<String> response =
            send(base.method(), base.uri(), base, broken.getValue(), null);
        check(operation, "body " + broken.getKey(), null, response, null);
      }
    }
  }

  // ---- checks ----

  private void check(
      Operation operation,
      String input,
      Hostile value,
      HttpResponse<String> response,
      String field) {
    cases++;
    String what = operation + " " + input + (value == null ? "" : " = " + value.name());
    lastWhat = what;
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status >= 500) {
      if (reportedOnly(what)) {
        reportedOnly.add("5xx: " + what + " → " + status + " " + excerpt(body));
      } else {
        serverErrors.add(what + " → " + status + " " + excerpt(body));
      }
      return;
    }
    if (status < 400) {
      return;
    }
    // A problem document is small; look at its start only (a refused megabyte may be echoed).
    if (LEAK.matcher(body.length() > 65_536 ? body.substring(0, 65_536) : body).find()) {
      record(operation, what + " → " + status + " shows internals: " + excerpt(body));
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      if (status == 400 && body.isEmpty() && input.startsWith("path ")) {
        // Grizzly refuses an encoded NUL or invalid UTF-8 in the path itself, before any
        // application code, with a bare 400; a problem document there needs a 400 error page in
        // web.xml (the lead's file right now).
        reportedOnly.add(what + " → bare 400 from the container (web.xml error page)");
        return;
      }
      record(operation, what + " → " + status + " is not a problem document (" + type + ")");
      return;
    }
    if ((status == 400 || status == 422) && field != null && baseAccepted) {
      JsonValue problem = ApiFixtures.parse(body);
      if (!(problem instanceof JsonObject object) || !names(object, field, acceptable)) {
        String failure = what + " → " + status + " does not name " + field + ": " + excerpt(body);
        if (UNNAMED_ELSEWHERE.stream().anyMatch(what::startsWith)
            || KNOWN_UNNAMED.stream().anyMatch(what::startsWith)) {
          reportedOnly.add(failure);
        } else {
          record(operation, failure);
        }
      }
    }
  }

  private String lastWhat = "";
  private boolean baseAccepted;
  private List<String> acceptable = List.of();

  /** Member names inside the valid value at {@code member}: a refusal may name one of them. */
  private static List<String> inside(JsonValue body, List<Object> member) {
    List<String> names = new ArrayList<>();
    java.util.ArrayDeque<JsonValue> queue = new java.util.ArrayDeque<>();
    JsonValue at = get(body, member);
    if (at != null) {
      queue.add(at);
    }
    while (!queue.isEmpty()) {
      JsonValue value = queue.poll();
      if (value instanceof JsonObject object) {
        names.addAll(object.keySet());
        queue.addAll(object.values());
      } else if (value instanceof JsonArray array) {
        queue.addAll(array);
      }
    }
    return names;
  }

  private void record(Operation operation, String failure) {
    if (reportedOnly(lastWhat) || reportedOnly(operation.toString())) {
      reportedOnly.add(failure);
    } else {
      failures.add(failure);
    }
  }

  /** Whether the problem's field (or a violation's) is the input, its member name, or inside it. */
  static boolean names(JsonObject problem, String input, List<String> inside) {
    List<String> named = new ArrayList<>();
    if (problem.get("field") instanceof JsonString field) {
      named.add(field.getString());
    }
    if (problem.get("violations") instanceof JsonArray violations) {
      for (JsonValue violation : violations) {
        if (violation instanceof JsonObject object && object.get("field") instanceof JsonString f) {
          named.add(f.getString());
        }
      }
    }
    String wanted = normalize(input);
    String leaf = wanted.substring(wanted.lastIndexOf('.') + 1);
    for (String name : named) {
      String given = normalize(name);
      String givenLeaf = given.substring(given.lastIndexOf('.') + 1);
      if (given.equals(wanted)
          || given.equals(leaf)
          || inside.contains(givenLeaf)
          || given.startsWith(wanted + ".")
          || wanted.endsWith("." + given)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String path) {
    return path.replaceAll("\\[\\d+]", "").replaceAll("^body\\.", "");
  }

  // ---- requests ----

  private HttpResponse<String> send(
      String method, String uri, Request base, byte[] body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + uri))
            .timeout(Duration.ofSeconds(60))
            // JSON first; the PDF, CSV and iCalendar downloads answer in their own type.
            .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.5");
    String token = base.caller().token();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", contentType == null ? "application/json" : contentType);
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + uri + " failed", e);
    }
  }

  private static byte[] body(Request request) {
    if (request.raw() != null) {
      return request.raw();
    }
    return request.json() == null
        ? null
        : request.json().toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String query(Map<String, String> query) {
    StringBuilder text = new StringBuilder();
    for (var entry : query.entrySet()) {
      text.append(text.length() == 0 ? "?" : "&")
          .append(ApiFixtures.encode(entry.getKey()))
          .append('=')
          .append(encodeHostile(entry.getValue()));
    }
    return text.toString();
  }

  /** Percent-encodes as UTF-8; a lone surrogate becomes its (invalid) three-byte sequence. */
  static String encodeHostile(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(value.charAt(i - 1)))) {
        out.append(
            String.format(
                "%%%02X%%%02X%%%02X",
                0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
        out.append(ApiFixtures.encode(value.substring(i, i + 2)));
        i++;
      } else {
        out.append(ApiFixtures.encode(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  private static String replacePathParameter(
      Operation operation, Request base, String name, String value) {
    Map<String, String> ids = new LinkedHashMap<>();
    // Recover the valid request's values segment by segment, then swap the one parameter.
    String[] template = operation.path().split("/");
    String[] actual = base.path().split("/");
    StringBuilder path = new StringBuilder();
    for (int i = 1; i < template.length; i++) {
      path.append('/');
      String segment = template[i];
      if (segment.equals("{" + name + "}")) {
        path.append(encodeHostile(value));
      } else if (segment.contains("{" + name + "}")) {
        path.append(segment.replace("{" + name + "}", encodeHostile(value)));
      } else {
        path.append(i < actual.length ? actual[i] : segment);
      }
    }
    ids.clear();
    return path.toString();
  }

  // ---- bodies ----

  private static final String MARKER = "\uE000fuzz\uE000";

  /** Every member the schema (or the valid body) has, nested objects and first items included. */
  static List<List<Object>> members(JsonObject schema, JsonValue valid) {
    List<List<Object>> members = new ArrayList<>();
    walk(schema, valid, new ArrayList<>(), members, 0);
    return members;
  }

  private static void walk(
      JsonObject schema, JsonValue valid, List<Object> at, List<List<Object>> members, int depth) {
    if (depth > 6) {
      return;
    }
    JsonObject properties =
        schema != null && schema.containsKey("properties")
            ? schema.getJsonObject("properties")
            : JsonValue.EMPTY_JSON_OBJECT;
    java.util.Set<String> names = new java.util.LinkedHashSet<>(properties.keySet());
    if (valid instanceof JsonObject object) {
      names.addAll(object.keySet());
    }
    for (String name : names) {
      List<Object> path = new ArrayList<>(at);
      path.add(name);
      members.add(path);
      JsonObject child = properties.containsKey(name) ? properties.getJsonObject(name) : null;
      JsonValue present = valid instanceof JsonObject object ? object.get(name) : null;
      if (present instanceof JsonObject) {
        walk(child, present, path, members, depth + 1);
      } else if (present instanceof JsonArray array && !array.isEmpty()) {
        JsonObject items =
            child != null && child.containsKey("items") ? child.getJsonObject("items") : null;
        List<Object> first = new ArrayList<>(path);
        first.add(0);
        if (array.get(0) instanceof JsonObject) {
          walk(items, array.get(0), first, members, depth + 1);
        } else {
          members.add(first);
        }
      }
    }
  }

  /** The valid body with {@code member} set to the hostile value, as JSON text. */
  static String mutate(JsonValue valid, List<Object> member, Hostile value) {
    JsonValue marked = set(valid, member, 0, Json.createValue(MARKER));
    if (marked == null) {
      return null;
    }
    String text = marked.toString();
    String quoted = "\"" + MARKER + "\"";
    if (value.json() != null) {
      return text.replace(quoted, value.json());
    }
    // The duplicate member: the valid value, then the same name again with another value.
    Object last = member.get(member.size() - 1);
    if (!(last instanceof String name)) {
      return null;
    }
    JsonValue original = get(valid, member);
    String first = original == null ? "\"x\"" : original.toString();
    return text.replace(quoted, first + "," + Json.createValue(name) + ":\"duplicate\"");
  }

  private static JsonValue get(JsonValue root, List<Object> path) {
    JsonValue at = root;
    for (Object step : path) {
      if (step instanceof String name && at instanceof JsonObject object) {
        at = object.get(name);
      } else if (step instanceof Integer index
          && at instanceof JsonArray array
          && index < array.size()) {
        at = array.get(index);
      } else {
        return null;
      }
    }
    return at;
  }

  private static JsonValue set(JsonValue at, List<Object> path, int index, JsonValue value) {
    if (index == path.size()) {
      return value;
    }
    Object step = path.get(index);
    if (step instanceof String name) {
      JsonObject object = at instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      JsonValue child = set(object.get(name), path, index + 1, value);
      if (child == null) {
        return null;
      }
      JsonObjectBuilder copy = Json.createObjectBuilder(object);
      copy.add(name, child);
      return copy.build();
    }
    if (!(at instanceof JsonArray array) || (Integer) step >= array.size()) {
      return null;
    }
    JsonArrayBuilder copy = Json.createArrayBuilder();
    for (int i = 0; i < array.size(); i++) {
      if (i == (Integer) step) {
        JsonValue child = set(array.get(i), path, index + 1, value);
        if (child == null) {
          return null;
        }
        copy.add(child);
      } else {
        copy.add(array.get(i));
      }
    }
    return copy.build();
  }

  private static String pathText(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        text.append(text.length() == 0 ? "" : ".").append(step);
      }
    }
    return text.toString();
  }

  // ---- collections ----

  /** The list a create adds to: a GET on the same path, when the document has one. */
  private static String collectionOf(Operation operation) {
    JsonObject item =
        OpenApiOperations.document(platform).getJsonObject("paths").getJsonObject(operation.path());
    return operation.method().equals("POST")
            && item.containsKey("get")
            && !operation.path().contains("{")
        ? operation.path()
        : null;
  }

  private long count(Request base, String collection) {
    HttpResponse<String> list =
        platform.send("GET", base.caller().prefix() + collection, base.caller().token(), null);
    JsonValue value = ApiFixtures.parse(list.body());
    if (value instanceof JsonArray array) {
      return array.size();
    }
    if (value instanceof JsonObject object) {
      if (object.get("total") instanceof jakarta.json.JsonNumber total) {
        return total.longValue();
      }
      for (JsonValue member : object.values()) {
        if (member instanceof JsonArray array) {
          return array.size();
        }
      }
    }
    return -1;
  }

  private static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
