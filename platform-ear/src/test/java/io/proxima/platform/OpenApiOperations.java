package io.proxima.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API operations as the served {@code /openapi} document describes them, {@code $ref}s into
 * {@code components/schemas} resolved, so tests can enumerate every operation and build requests
 * from its parameters and body schema. The document is read once per test JVM (Payara builds it on
 * first request by scanning the WAR, which can take a minute).
 */
final class OpenApiOperations {

  /** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
  record Parameter(String name, String in, boolean required, JsonObject schema) {}

  /**
   * One operation. {@code body} is the resolved schema of an {@code application/json} body, or null
   * when the body is not JSON ({@code bodyMediaType} then says what it is) or there is none.
   */
  record Operation(
      String method,
      String path,
      List<Parameter> parameters,
      boolean hasBody,
      String bodyMediaType,
      JsonObject body,
      String bodyName) {

    List<Parameter> in(String where) {
      return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    boolean jsonBody() {
      return hasBody && body != null;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static JsonObject document;

  private OpenApiOperations() {}

  static synchronized JsonObject document(RunningPlatform platform) {
    if (document == null) {
      HttpResponse<String> response =
          platform.send("GET", "/openapi", null, null, null, Duration.ofMinutes(3));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /openapi: " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        document = reader.readObject();
      }
    }
    return document;
  }

  /** Every API operation ({@code /api/…}; static pages and the error servlet are not). */
  static List<Operation> all(RunningPlatform platform) {
    JsonObject openApi = document(platform);
    JsonObject schemas =
        openApi.containsKey("components")
                && openApi.getJsonObject("components").containsKey("schemas")
            ? openApi.getJsonObject("components").getJsonObject("schemas")
            : JsonValue.EMPTY_JSON_OBJECT;
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = openApi.getJsonObject("paths");
    for (String path : paths.keySet()) {
      if (!path.startsWith("/api/")) {
        continue;
      }
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonValue value :
            operation.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
          JsonObject parameter = resolve(value.asJsonObject(), schemas, 0);
          String in = parameter.getString("in", "query");
          // Payara merges the portal's and the console's operations on the same path; a parameter
          // both declare is listed twice.
          parameters.putIfAbsent(
              in + ":" + parameter.getString("name"),
              new Parameter(
                  parameter.getString("name"),
                  in,
                  parameter.getBoolean("required", in.equals("path")),
                  parameter.containsKey("schema")
                      ? resolve(parameter.getJsonObject("schema"), schemas, 0)
                      : JsonValue.EMPTY_JSON_OBJECT));
        }
        boolean hasBody = operation.containsKey("requestBody");
        String mediaType = null;
        JsonObject body = null;
        String bodyName = null;
        if (hasBody) {
          JsonObject content =
              operation
                  .getJsonObject("requestBody")
                  .getOrDefault("content", JsonValue.EMPTY_JSON_OBJECT)
                  .asJsonObject();
          for (String type : content.keySet()) {
            mediaType = mediaType == null ? type : mediaType;
            if (type.toLowerCase(Locale.ROOT).contains("json")) {
              mediaType = type;
              JsonObject schema =
                  content
                      .getJsonObject(type)
                      .getOrDefault("schema", JsonValue.EMPTY_JSON_OBJECT)
                      .asJsonObject();
              body = resolve(schema, schemas, 0);
              if (schema.containsKey("$ref")) {
                String ref = schema.getString("$ref");
                bodyName = ref.substring(ref.lastIndexOf('/') + 1);
              }
            }
          }
        }
        operations.add(
            new Operation(
                method.toUpperCase(Locale.ROOT),
                path,
                List.copyOf(parameters.values()),
                hasBody,
                mediaType,
                body,
                bodyName));
      }
    }
    return operations;
  }

  /** A component schema by name, resolved; empty when the document has none. */
  static JsonObject component(RunningPlatform platform, String name) {
    JsonObject schemas = document(platform).getJsonObject("components").getJsonObject("schemas");
    return schemas.containsKey(name)
        ? resolve(schemas.getJsonObject(name), schemas, 0)
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** A copy of {@code schema} with every {@code $ref} replaced by its target, 12 levels deep. */
  static JsonObject resolve(JsonObject schema, JsonObject schemas, int depth) {
    if (depth > 12) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonObject resolved = schema;
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      JsonObject target =
          schemas.containsKey(name) ? schemas.getJsonObject(name) : JsonValue.EMPTY_JSON_OBJECT;
      JsonObjectBuilder merged = Json.createObjectBuilder(target);
      schema.forEach(
          (key, value) -> {
            if (!key.equals("$ref")) {
              merged.add(key, value);
            }
          });
      resolved = merged.build();
    }
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (var entry : resolved.entrySet()) {
      JsonValue value = entry.getValue();
      switch (entry.getKey()) {
        case "properties" -> {
          JsonObjectBuilder properties = Json.createObjectBuilder();
          value
              .asJsonObject()
              .forEach(
                  (name, property) ->
                      properties.add(name, resolve(property.asJsonObject(), schemas, depth + 1)));
          out.add("properties", properties);
        }
        case "items", "additionalProperties" -> {
          if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            out.add(entry.getKey(), resolve(value.asJsonObject(), schemas, depth + 1));
          } else {
            out.add(entry.getKey(), value);
          }
        }
        case "allOf", "oneOf", "anyOf" -> {
          var array = Json.createArrayBuilder();
          for (JsonValue part : (JsonArray) value) {
            array.add(resolve(part.asJsonObject(), schemas, depth + 1));
          }
          out.add(entry.getKey(), array);
        }
        default -> out.add(entry.getKey(), value);
      }
    }
    return out.build();
  }
}
