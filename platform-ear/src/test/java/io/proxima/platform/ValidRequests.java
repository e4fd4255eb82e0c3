package io.proxima.platform;

import io.proxima.platform.OpenApiOperations.Operation;
import io.proxima.platform.OpenApiOperations.Parameter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a valid request for any operation from the served OpenAPI document: path parameters from
 * {@link ApiFixtures#ids}, query parameters and a JSON body from their schemas — {@code example}
 * first, then {@code default}, {@code enum}, {@code format} and {@code minimum}/{@code maximum}.
 * Objects carry their {@code required} members and those with an example (all members when the
 * schema marks none). What a schema cannot say is in {@link #dynamic}: values that only exist at
 * run time (the version an update expects, the SHA-256 of the document a signature names, a new
 * tenant's unique slug, an interview time the freelancer was offered) and dates relative to today.
 */
final class ValidRequests {

  /** A request ready to send. {@code body} is JSON text, or raw bytes for non-JSON operations. */
  record Request(
      ApiFixtures.Caller caller,
      String method,
      String path,
      Map<String, String> query,
      JsonValue json,
      String contentType,
      byte[] raw) {

    String uri() {
      StringBuilder uri = new StringBuilder(caller.prefix()).append(path);
      String separator = "?";
      for (var entry : query.entrySet()) {
        uri.append(separator)
            .append(ApiFixtures.encode(entry.getKey()))
            .append('=')
            .append(ApiFixtures.encode(entry.getValue()));
        separator = "&";
      }
      return uri.toString();
    }
  }

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  /**
   * Non-JSON bodies, which the document describes only as {@code *}{@code /*}: a bank statement is
   * CSV, a skill sheet is a file, the provider webhooks are signed bytes (see {@link
   * HostileInputIT#NO_VALID_REQUEST}).
   */
  private static final Map<String, String[]> RAW_BODIES =
      Map.of(
          "POST /api/v1/bank-statements",
          new String[] {"text/csv", "date,payer,amount,memo\n%s,Fuzz payer,1,transfer\n"},
          "POST /api/v1/me/skill-sheets",
          new String[] {"text/plain", "氏名: デモ\nスキル: Java 5年\n", "fileName", "sheet.txt"});

  /**
   * Members Payara's generator leaves out of a request's schema (6.2025.10): a record- or
   * list-of-record-typed member of a record whose other members carry {@code @Schema} disappears
   * (README, Known limits). Each is added back here from its own component schema; "[]" marks a
   * list. Nothing else about the body is hand-written.
   */
  private static final Map<String, Map<String, String>> LOST_MEMBERS =
      Map.of(
          "DraftRequest", Map.of("terms", "TermsView"),
          "ReviseRequest", Map.of("terms", "TermsView"),
          "ConvertRequest", Map.of("terms", "TermsView"),
          "InvoiceRequest", Map.of("lines", "LineRequest[]"),
          "ProposeRequest", Map.of("slots", "SlotView[]"));

  private final ApiFixtures fixtures;
  private RunningPlatform platform;
  private final Map<String, ApiFixtures.Caller> callers = new LinkedHashMap<>();

  /** Where the tenant console's operations live, platform admins only. */
  static final String PLATFORM = "/api/v1/platform/";

  ValidRequests(ApiFixtures fixtures) {
    this.fixtures = fixtures;
  }

  /**
   * Who calls {@code operation}: nobody for operations without a security requirement, the
   * freelancer for their own ({@code /me}) and for postings, the platform admin for the console's
   * operations ({@code /api/v1/platform/…}), the tenant's staff for the rest.
   */
  ApiFixtures.Caller callerOf(Operation operation, Map<String, String> ids) {
    return callers.computeIfAbsent(
        operation.toString(),
        key -> {
          JsonObject described =
              OpenApiOperations.document(fixtures.platform)
                  .getJsonObject("paths")
                  .getJsonObject(operation.path())
                  .getJsonObject(operation.method().toLowerCase(Locale.ROOT));
          if (!described.containsKey("security")) {
            // Public, but some public reads (a tenant's login branding) are about a tenant.
            if ((operation.method().equals("GET")
                    || operation.path().startsWith("/api/v1/invitation-link")
                    || operation.path().startsWith("/api/v1/talent-invitation-link"))
                && !operation.path().contains("{")) {
              HttpResponse<String> probe =
                  fixtures.platform.send(operation.method(), operation.path(), null, null);
              if (probe.statusCode() == 404
                  && probe.body().contains("There is no such workspace")) {
                return fixtures.anonymousInTenant;
              }
            }
            return fixtures.anonymous;
          }
          // Deleting an account is done once per account, and never to the shared freelancer.
          if (operation.toString().equals("DELETE /api/v1/me")) {
            return fixtures.erasable;
          }
          if (operation.path().equals("/api/v1/me")
              || operation.path().startsWith("/api/v1/me/")
              || operation.path().startsWith("/api/v1/postings")) {
            return fixtures.freelancer;
          }
          return operation.path().startsWith(PLATFORM) ? fixtures.console : fixtures.staff;
        });
  }

  Request build(Operation operation) {
    Map<String, String> ids = new LinkedHashMap<>(fixtures.ids);
    ids.putAll(fixtures.freshFor(operation));
    ApiFixtures.Caller caller = callerOf(operation, ids);
    String path = fill(operation.path(), ids);
    Map<String, String> query = new LinkedHashMap<>();
    for (Parameter parameter : operation.in("query")) {
      if (parameter.required() || parameter.name().equals("expectedVersion")) {
        JsonValue value = value(parameter.name(), parameter.schema(), ids, caller, path, 0);
        query.put(parameter.name(), text(value));
      }
    }
    String[] raw = RAW_BODIES.get(operation.toString());
    if (raw != null && raw.length > 2) {
      query.put(raw[2], raw[3]);
    }
    if (raw != null) {
      return new Request(
          caller,
          operation.method(),
          path,
          query,
          null,
          raw[0],
          raw[1].formatted(LocalDate.now(ApiFixtures.TOKYO)).getBytes(StandardCharsets.UTF_8));
    }
    JsonValue body = null;
    if (operation.jsonBody()) {
      body = withLost(operation, ids, caller, path);
    }
    return new Request(caller, operation.method(), path, query, body, null, null);
  }

  /**
   * A valid JSON body for {@code operation} with the ids given, without calling the platform: a
   * version an update expects is 1 (the request may be stale, never malformed).
   */
  JsonValue body(Operation operation, Map<String, String> ids) {
    return operation.jsonBody() ? withLost(operation, ids, null, null) : null;
  }

  ValidRequests on(RunningPlatform platform) {
    this.platform = platform;
    return this;
  }

  private JsonValue withLost(
      Operation operation, Map<String, String> ids, ApiFixtures.Caller caller, String path) {
    JsonValue body = value("body", operation.body(), ids, caller, path, 0);
    Map<String, String> lost =
        operation.bodyName() == null ? null : LOST_MEMBERS.get(operation.bodyName());
    RunningPlatform source = fixtures != null ? fixtures.platform : platform;
    if (lost == null || !(body instanceof JsonObject object) || source == null) {
      return body;
    }
    JsonObjectBuilder completed = Json.createObjectBuilder(object);
    lost.forEach(
        (member, component) -> {
          if (object.containsKey(member)) {
            return;
          }
          boolean list = component.endsWith("[]");
          JsonObject schema = OpenApiOperations.component(source, component.replace("[]", ""));
          JsonValue value = value(member, schema, ids, caller, path, 1);
          completed.add(member, list ? Json.createArrayBuilder().add(value).build() : value);
        });
    return completed.build();
  }

  static String fill(String template, Map<String, String> ids) {
    Matcher matcher = PATH_PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = ids.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(template + ": no fixture for {" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(path, Matcher.quoteReplacement(ApiFixtures.encode(value)));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  /** A valid value for a member or parameter called {@code name} with this schema. */
  JsonValue value(
      String name,
      JsonObject schema,
      Map<String, String> ids,
      ApiFixtures.Caller caller,
      String path,
      int depth) {
    JsonValue dynamic = dynamic(name, schema, ids, caller, path);
    if (dynamic != null) {
      return dynamic;
    }
    String type = schema.getString("type", schema.containsKey("properties") ? "object" : "");
    if (!schema.containsKey("properties")
        && schema.containsKey("format")
        && !type.equals("array")
        && !type.equals("integer")
        && !type.equals("number")) {
      // Payara writes a type it maps through mp.openapi.schema.* but that also carries @Schema as
      // {"type":"object","format":"date"}: the format is the truth.
      type = "string";
    }
    if (schema.containsKey("example")) {
      return coerce(schema.get("example"), type);
    }
    if (schema.containsKey("default")) {
      return coerce(schema.get("default"), type);
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").isEmpty()) {
      return schema.getJsonArray("enum").get(0);
    }
    if (ids.containsKey(name)
        && (type.equals("string") || type.isEmpty() || type.equals("object"))
        && !schema.containsKey("properties")) {
      return Json.createValue(ids.get(name));
    }
    String format = schema.getString("format", "");
    switch (type) {
      case "string" -> {
        return Json.createValue(string(name, format));
      }
      case "integer", "number" -> {
        return Json.createValue(number(schema));
      }
      case "boolean" -> {
        return JsonValue.FALSE;
      }
      case "array" -> {
        JsonArrayBuilder array = Json.createArrayBuilder();
        JsonObject items =
            schema.containsKey("items")
                ? schema.getJsonObject("items")
                : JsonValue.EMPTY_JSON_OBJECT;
        array.add(value(singular(name), items, ids, caller, path, depth + 1));
        return array.build();
      }
      default -> {
        if (!schema.containsKey("properties") || depth > 8) {
          return Json.createObjectBuilder().build();
        }
        JsonObject properties = schema.getJsonObject("properties");
        Set<String> required =
            schema.containsKey("required")
                ? Set.copyOf(schema.getJsonArray("required").getValuesAs(JsonString::getString))
                : Set.of();
        boolean described =
            !required.isEmpty()
                || properties.values().stream()
                    .anyMatch(p -> p.asJsonObject().containsKey("example"));
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (String property : properties.keySet()) {
          JsonObject propertySchema = properties.getJsonObject(property);
          if (!described
              || required.contains(property)
              || propertySchema.containsKey("example")
              || describesItself(propertySchema)
              || dynamic(property, propertySchema, ids, caller, path) != null) {
            object.add(property, value(property, propertySchema, ids, caller, path, depth + 1));
          }
        }
        return object.build();
      }
    }
  }

  /** A nested object (or a list of them) whose own schema says what it requires. */
  private static boolean describesItself(JsonObject schema) {
    JsonObject object =
        schema.getString("type", "").equals("array") && schema.containsKey("items")
            ? schema.getJsonObject("items")
            : schema;
    return object.containsKey("required") && !object.getJsonArray("required").isEmpty();
  }

  /** Values no schema can state: they exist only at run time, or relative to today. */
  private JsonValue dynamic(
      String name,
      JsonObject schema,
      Map<String, String> ids,
      ApiFixtures.Caller caller,
      String path) {
    switch (name) {
      case "expectedVersion" -> {
        return Json.createValue(caller == null ? 1 : currentVersion(caller, path, ids));
      }
      case "documentSha256", "start" -> {
        return ids.containsKey(name) ? Json.createValue(ids.get(name)) : null;
      }
      case "slug" -> {
        return Json.createValue("fz3-" + UUID.randomUUID().toString().substring(0, 12));
      }
      case "email", "clientSignerEmail" -> {
        return Json.createValue("fuzz-" + UUID.randomUUID() + "@example.jp");
      }
      case "token" -> {
        // An invitation link's token exists only in the mail the invitee received.
        if (fixtures != null && path.startsWith("/api/v1/talent-invitation-link")) {
          return Json.createValue(fixtures.talentInvitationToken());
        }
        // An invitation link's token exists only in the mail the invitee received, and so
        // does an unsubscribe link's.
        if (fixtures != null && path.startsWith("/api/v1/unsubscribe")) {
          return Json.createValue(fixtures.unsubscribeToken());
        }
        return fixtures != null && path.startsWith("/api/v1/invitation-link")
            ? Json.createValue(fixtures.invitationToken())
            : null;
      }
      case "clientMessageId" -> {
        return Json.createValue("fuzz-" + UUID.randomUUID());
      }
      case "url" -> {
        if (path != null && path.contains("/webhooks")) {
          // A webhook receiver on localhost, the one private host the platform under test allows.
          return ids.containsKey("webhookUrl") ? Json.createValue(ids.get("webhookUrl")) : null;
        }
        // A calendar that is not imported yet, served on loopback (never a host outside).
        if (fixtures == null) {
          return ids.containsKey("url") ? Json.createValue(ids.get("url")) : null;
        }
        return Json.createValue(fixtures.calendarUrl());
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The version an update of the object at {@code path} expects: read from the nearest readable
   * resource above it (a {@code GET} on the path without its last action segments).
   */
  private long currentVersion(ApiFixtures.Caller caller, String path, Map<String, String> ids) {
    String[] segments = path.split("/");
    for (int end = segments.length; end > 3; end--) {
      String candidate = String.join("/", java.util.Arrays.copyOf(segments, end));
      HttpResponse<String> response =
          fixtures.platform.send("GET", caller.prefix() + candidate, caller.token(), null);
      if (response.statusCode() == 200) {
        String last = segments[segments.length - 1];
        String owner = segments.length > 2 && last.matches("[a-z-]+") ? segments[end - 1] : last;
        Long version = ApiFixtures.versionIn(ApiFixtures.parse(response.body()), owner);
        if (version != null) {
          // A month's report names its month, not an id.
          for (String segment : segments) {
            if (segment.matches("\\d{4}-\\d{2}")) {
              Long report = ApiFixtures.versionIn(ApiFixtures.parse(response.body()), segment);
              return report == null ? version : report;
            }
          }
          return version;
        }
      }
    }
    return 0;
  }

  private static int serial;

  private static String string(String name, String format) {
    String lower = name.toLowerCase(Locale.ROOT);
    return switch (format) {
      case "uuid" -> UUID.randomUUID().toString();
      case "date" -> date(lower).toString();
      case "date-time" -> instant(lower).toString();
      case "email" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
      case "uri", "url" -> "https://example.jp/" + name;
      default -> {
        if (lower.endsWith("date")
            || lower.equals("from")
            || lower.equals("to")
            || lower.endsWith("day")) {
          yield date(lower).toString();
        }
        if (lower.equals("month")) {
          yield YearMonth.now(ApiFixtures.TOKYO).toString();
        }
        // Names are often unique within a tenant (templates, workspaces).
        yield "Fuzz " + name + " " + (++serial);
      }
    };
  }

  /** Starts early, ends late: a start is the first of this month, an end two months on. */
  static LocalDate date(String lowerName) {
    YearMonth month = YearMonth.now(ApiFixtures.TOKYO);
    if (lowerName.contains("end")
        || lowerName.equals("to")
        || lowerName.contains("due")
        || lowerName.contains("last")
        || lowerName.contains("until")) {
      return month.plusMonths(2).atEndOfMonth();
    }
    if (lowerName.contains("start") || lowerName.equals("from")) {
      return month.atDay(1);
    }
    return LocalDate.now(ApiFixtures.TOKYO);
  }

  static Instant instant(String lowerName) {
    Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    return lowerName.contains("end") ? start.plusSeconds(3600) : start;
  }

  private static BigDecimal number(JsonObject schema) {
    BigDecimal minimum =
        schema.containsKey("minimum") ? schema.getJsonNumber("minimum").bigDecimalValue() : null;
    BigDecimal maximum =
        schema.containsKey("maximum") ? schema.getJsonNumber("maximum").bigDecimalValue() : null;
    if (minimum != null) {
      return schema.getBoolean("exclusiveMinimum", false) ? minimum.add(BigDecimal.ONE) : minimum;
    }
    if (maximum != null && maximum.compareTo(BigDecimal.ONE) < 0) {
      return maximum;
    }
    return BigDecimal.ONE;
  }

  private static JsonValue coerce(JsonValue example, String type) {
    if (example instanceof JsonString string) {
      String text = string.getString();
      try {
        switch (type) {
          case "integer", "number" -> {
            return Json.createValue(new BigDecimal(text));
          }
          case "boolean" -> {
            return Boolean.parseBoolean(text) ? JsonValue.TRUE : JsonValue.FALSE;
          }
          case "object", "array" -> {
            JsonValue parsed = ApiFixtures.parse(text);
            return parsed == null ? example : parsed;
          }
          default -> {
            return example;
          }
        }
      } catch (NumberFormatException e) {
        return example;
      }
    }
    return example;
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  static boolean isNumber(JsonValue value) {
    return value instanceof JsonNumber;
  }

  static boolean isArray(JsonValue value) {
    return value instanceof JsonArray;
  }

  static List<String> names(JsonObject object) {
    return List.copyOf(object.keySet());
  }
}
