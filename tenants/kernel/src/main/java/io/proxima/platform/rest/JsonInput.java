package io.proxima.platform.rest;

import io.proxima.platform.error.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules every JSON request body passes before JSON-B binds it, so that hostile input is a 400
 * naming the member at fault rather than a database error, an actor failure or an unnamed "not
 * valid JSON":
 *
 * <ul>
 *   <li>well-formed JSON, at most {@link #MAX_DEPTH} levels deep, no member twice in one object;
 *   <li>no string (member names included) holds NUL or another C0 control character except TAB, LF
 *       and CR, nor half of a UTF-16 surrogate pair — PostgreSQL cannot store NUL, and nothing
 *       legitimate sends the others;
 *   <li>each member has the JSON type the bound Java type takes ({@link #checkShape}): a string for
 *       text, ids, dates and enum constants that exist; a number that fits for numbers (integers
 *       without a fraction, decimals within {@link #MAX_DIGITS} digits on either side of the
 *       point); true or false; an object for records and maps; an array for lists; for a type
 *       JSON-B reads from a string through its {@code @JsonbTypeAdapter} (a value object written as
 *       text), a string that adapter accepts.
 * </ul>
 *
 * Fields are named as the caller wrote them: {@code terms.monthlyRateYen}, {@code
 * lines[0].quantity}.
 */
public final class JsonInput {

  /** Deeper than any body of ours; a 10,000-level document never reaches a recursive reader. */
  public static final int MAX_DEPTH = 32;

  /** Digits before and after the decimal point a decimal number may have. */
  public static final int MAX_DIGITS = 18;

  private JsonInput() {}

  /** The position of the first character no stored text may hold, or -1 when there is none. */
  public static int refusedCharacter(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Why {@code text} cannot be stored, or null when it can. */
  public static String textFault(CharSequence text) {
    int at = refusedCharacter(text);
    if (at < 0) {
      return null;
    }
    char c = text.charAt(at);
    return Character.isSurrogate(c)
        ? "holds half of a UTF-16 surrogate pair at position " + at
        : "holds the control character U+%04X at position %d".formatted((int) c, at);
  }

  /** Refuses {@code value} for {@code field} when it holds a character no stored text may hold. */
  public static void requireStorableText(String field, String value) {
    String fault = value == null ? null : textFault(value);
    if (fault != null) {
      throw new DomainException.InvalidValue(field, field + " " + fault);
    }
  }

  /** Parses a body under the rules above. */
  public static JsonValue read(byte[] body) {
    Deque<Object> builders = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    Deque<Set<String>> seen = new ArrayDeque<>();
    Deque<int[]> indexes = new ArrayDeque<>();
    String key = null;
    JsonValue root = null;
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case KEY_NAME -> {
            key = parser.getString();
            String path = child(names, indexes, builders, key);
            requireStorableText(path, key);
            if (!seen.peek().add(key)) {
              throw new DomainException.InvalidValue(path, path + " appears twice in one object");
            }
          }
          case START_OBJECT, START_ARRAY -> {
            String path = builders.isEmpty() ? "" : child(names, indexes, builders, key);
            if (builders.size() >= MAX_DEPTH) {
              throw new DomainException.InvalidValue(
                  path.isEmpty() ? "body" : path,
                  "the body nests deeper than " + MAX_DEPTH + " levels");
            }
            if (!builders.isEmpty()) {
              advance(indexes, builders);
            }
            names.push(path);
            indexes.push(new int[] {-1});
            seen.push(new HashSet<>());
            builders.push(
                event == JsonParser.Event.START_OBJECT
                    ? new Named(key, Json.createObjectBuilder())
                    : new Named(key, Json.createArrayBuilder()));
            key = null;
          }
          case END_OBJECT, END_ARRAY -> {
            Named done = (Named) builders.pop();
            names.pop();
            indexes.pop();
            seen.pop();
            JsonValue value =
                done.builder() instanceof JsonObjectBuilder object
                    ? object.build()
                    : ((JsonArrayBuilder) done.builder()).build();
            if (builders.isEmpty()) {
              root = value;
            } else {
              add((Named) builders.peek(), done.key(), value);
            }
          }
          default -> {
            JsonValue value = scalar(parser, event);
            if (builders.isEmpty()) {
              root = value;
              break;
            }
            String path = child(names, indexes, builders, key);
            advance(indexes, builders);
            if (value instanceof JsonString string) {
              requireStorableText(path, string.getString());
            }
            add((Named) builders.peek(), key, value);
          }
        }
      }
    } catch (JsonParsingException e) {
      String where = builders.isEmpty() ? "body" : deepest(names, indexes, builders, key);
      throw new DomainException.InvalidValue(
          where,
          "The request body is not valid JSON (line %d, column %d)."
              .formatted(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber()));
    } catch (jakarta.json.JsonException e) {
      throw new DomainException.InvalidValue("body", "The request body is not valid JSON.");
    }
    if (root instanceof JsonString string) {
      requireStorableText("body", string.getString());
    }
    return root;
  }

  private record Named(String key, Object builder) {}

  private static String deepest(
      Deque<String> names, Deque<int[]> indexes, Deque<Object> builders, String key) {
    String path = names.peek();
    if (((Named) builders.peek()).builder() instanceof JsonObjectBuilder) {
      return key == null ? (path.isEmpty() ? "body" : path) : join(path, key);
    }
    return path + "[" + Math.max(0, indexes.peek()[0]) + "]";
  }

  private static String child(
      Deque<String> names, Deque<int[]> indexes, Deque<Object> builders, String key) {
    String path = names.peek();
    if (((Named) builders.peek()).builder() instanceof JsonObjectBuilder) {
      return join(path, key);
    }
    return path + "[" + (indexes.peek()[0] + 1) + "]";
  }

  private static void advance(Deque<int[]> indexes, Deque<Object> builders) {
    if (((Named) builders.peek()).builder() instanceof JsonArrayBuilder) {
      indexes.peek()[0]++;
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static void add(Named parent, String key, JsonValue value) {
    if (parent.builder() instanceof JsonObjectBuilder object) {
      object.add(key, value);
    } else {
      ((JsonArrayBuilder) parent.builder()).add(value);
    }
  }

  private static JsonValue scalar(JsonParser parser, JsonParser.Event event) {
    return switch (event) {
      case VALUE_STRING -> Json.createValue(parser.getString());
      case VALUE_NUMBER -> Json.createValue(parser.getBigDecimal());
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      default -> JsonValue.NULL;
    };
  }

  /**
   * Checks that {@code value} has the JSON shape JSON-B needs to bind it to {@code type}. Members
   * the type does not have are left alone (JSON-B ignores them); types this does not know (plain
   * classes, {@code Object}, JSON-P values) are not looked into.
   */
  public static void checkShape(JsonValue value, Type type) {
    Class<?> raw = rawType(type);
    if (value != null
        && value.getValueType() == JsonValue.ValueType.NULL
        && raw != null
        && (raw.isRecord()
            || Collection.class.isAssignableFrom(raw)
            || Map.class.isAssignableFrom(raw))) {
      throw new DomainException.InvalidValue("body", "a JSON request body is required, not null");
    }
    check(value, type, "");
  }

  private static void check(JsonValue value, Type type, String path) {
    Class<?> raw = rawType(type);
    if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
      return;
    }
    String field = path.isEmpty() ? "body" : path;
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (raw.isPrimitive()) {
        throw new DomainException.InvalidValue(field, field + " cannot be null");
      }
      return;
    }
    if (raw == Optional.class) {
      check(value, typeArgument(type, 0), path);
    } else if (raw == String.class || raw == CharSequence.class) {
      if (!(value instanceof JsonString)) {
        throw wrongType(field, "a string", value);
      }
    } else if (raw == boolean.class || raw == Boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw wrongType(field, "true or false", value);
      }
    } else if (raw == char.class || raw == Character.class) {
      if (!(value instanceof JsonString string) || string.getString().length() != 1) {
        throw wrongType(field, "a one-character string", value);
      }
    } else if (isNumber(raw)) {
      number(field, raw, value);
    } else if (raw.isEnum()) {
      if (!(value instanceof JsonString string)) {
        throw wrongType(field, "one of " + constants(raw), value);
      }
      boolean known = false;
      for (Object constant : raw.getEnumConstants()) {
        known |= ((Enum<?>) constant).name().equals(string.getString());
      }
      if (!known) {
        throw new DomainException.InvalidValue(field, field + " must be one of " + constants(raw));
      }
    } else if (TEXT_FORMATS.containsKey(raw)) {
      if (!(value instanceof JsonString string)) {
        throw wrongType(field, "a string", value);
      }
      try {
        TEXT_FORMATS.get(raw).apply(string.getString());
      } catch (RuntimeException e) {
        throw new DomainException.InvalidValue(
            field, field + " must be " + FORMAT_NAMES.getOrDefault(raw, "a valid value"));
      }
    } else if (TEXT_ADAPTERS.get(raw).isPresent()) {
      if (!(value instanceof JsonString string)) {
        throw wrongType(field, "a string", value);
      }
      try {
        TEXT_ADAPTERS.get(raw).get().adaptFromJson(string.getString());
      } catch (DomainException.InvalidValue e) {
        // The value object's own words say what it takes ("a month like 2022-04 or a year ...").
        throw new DomainException.InvalidValue(field, field + ": " + e.getMessage());
      } catch (Exception e) {
        throw new DomainException.InvalidValue(field, field + " is not a valid value");
      }
    } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      // (null items are refused below, naming the item)
      if (!(value instanceof JsonArray array)) {
        throw wrongType(field, "an array", value);
      }
      Type element =
          raw.isArray()
              ? (type instanceof GenericArrayType generic
                  ? generic.getGenericComponentType()
                  : raw.getComponentType())
              : typeArgument(type, 0);
      if (raw == byte[].class) {
        return;
      }
      Class<?> elementType = rawType(element);
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).getValueType() == JsonValue.ValueType.NULL
            && elementType != null
            && elementType != Object.class
            && !JsonValue.class.isAssignableFrom(elementType)) {
          // No list of ours holds nulls; JSON-B would hand them to code that reads each item.
          throw new DomainException.InvalidValue(
              path + "[" + i + "]", (path.isEmpty() ? "body" : path) + " cannot contain null");
        }
        check(array.get(i), element, path + "[" + i + "]");
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!(value instanceof JsonObject object)) {
        throw wrongType(field, "an object", value);
      }
      Type valueType = typeArgument(type, 1);
      for (var entry : object.entrySet()) {
        check(entry.getValue(), valueType, join(path, entry.getKey()));
      }
    } else if (raw.isRecord()) {
      if (!(value instanceof JsonObject object)) {
        throw wrongType(field, "an object", value);
      }
      for (RecordComponent component : raw.getRecordComponents()) {
        if (object.containsKey(component.getName())) {
          check(
              object.get(component.getName()),
              component.getGenericType(),
              join(path, component.getName()));
        }
      }
    }
  }

  private static final Map<Class<?>, Function<String, Object>> TEXT_FORMATS =
      Map.ofEntries(
          Map.entry(UUID.class, UUID::fromString),
          Map.entry(LocalDate.class, LocalDate::parse),
          Map.entry(LocalDateTime.class, LocalDateTime::parse),
          Map.entry(LocalTime.class, LocalTime::parse),
          Map.entry(Instant.class, Instant::parse),
          Map.entry(OffsetDateTime.class, OffsetDateTime::parse),
          Map.entry(ZonedDateTime.class, ZonedDateTime::parse),
          Map.entry(YearMonth.class, YearMonth::parse),
          Map.entry(Duration.class, Duration::parse));

  private static final Map<Class<?>, String> FORMAT_NAMES =
      Map.of(
          UUID.class, "an id like 00000000-0000-0000-0000-000000000000",
          LocalDate.class, "a date like 2026-12-01",
          LocalDateTime.class, "a local date and time like 2026-12-01T09:00:00",
          LocalTime.class, "a time like 09:00",
          Instant.class, "an instant like 2026-12-01T00:00:00Z",
          OffsetDateTime.class, "a date and time like 2026-12-01T09:00:00+09:00",
          ZonedDateTime.class, "a date and time like 2026-12-01T09:00:00+09:00[Asia/Tokyo]",
          YearMonth.class, "a month like 2026-12",
          Duration.class, "a duration like PT1H");

  // A type annotated @JsonbTypeAdapter(X.class) with X a JsonbAdapter<T, String>: JSON-B binds it
  // from a string through X, so a record such as a certification's date is text, not an object.
  // Checking with X itself means this guard and the binding can never disagree on what is valid.
  private static final ClassValue<Optional<JsonbAdapter<?, String>>> TEXT_ADAPTERS =
      new ClassValue<>() {
        @Override
        protected Optional<JsonbAdapter<?, String>> computeValue(Class<?> type) {
          JsonbTypeAdapter annotation = type.getAnnotation(JsonbTypeAdapter.class);
          if (annotation == null) {
            return Optional.empty();
          }
          for (Type implemented : annotation.value().getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType adapter
                && adapter.getRawType() == JsonbAdapter.class
                && adapter.getActualTypeArguments()[1] == String.class) {
              try {
                @SuppressWarnings("unchecked")
                JsonbAdapter<?, String> instance =
                    (JsonbAdapter<?, String>)
                        annotation.value().getDeclaredConstructor().newInstance();
                return Optional.of(instance);
              } catch (ReflectiveOperationException e) {
                return Optional.empty();
              }
            }
          }
          return Optional.empty();
        }
      };

  private static boolean isNumber(Class<?> raw) {
    return raw == int.class
        || raw == long.class
        || raw == short.class
        || raw == byte.class
        || raw == double.class
        || raw == float.class
        || Number.class.isAssignableFrom(raw);
  }

  private static void number(String field, Class<?> raw, JsonValue value) {
    BigDecimal number;
    if (value instanceof JsonNumber json) {
      number = json.bigDecimalValue();
    } else if (value instanceof JsonString string) {
      // JSON-B reads numbers written as strings ("1.5"); so do we, when they are numbers.
      try {
        number = new BigDecimal(string.getString().strip());
      } catch (NumberFormatException e) {
        throw wrongType(field, "a number", value);
      }
    } else {
      throw wrongType(field, "a number", value);
    }
    // Judge the size from precision and scale: 1e999999999 must never be expanded.
    int integerDigits = number.signum() == 0 ? 0 : number.precision() - number.scale();
    BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      if (integerDigits > 300 || !Double.isFinite(number.doubleValue())) {
        throw outOfRange(field);
      }
      return;
    }
    if (raw == BigDecimal.class || raw == Number.class) {
      if (integerDigits > MAX_DIGITS || Math.max(0, stripped.scale()) > MAX_DIGITS) {
        throw new DomainException.InvalidValue(
            field,
            field + " has more than " + MAX_DIGITS + " digits before or after the decimal point");
      }
      return;
    }
    if (stripped.scale() > 0) {
      throw new DomainException.InvalidValue(field, field + " must be a whole number");
    }
    if (integerDigits > 19) {
      throw outOfRange(field);
    }
    BigInteger whole = stripped.toBigIntegerExact();
    long min;
    long max;
    if (raw == int.class || raw == Integer.class) {
      min = Integer.MIN_VALUE;
      max = Integer.MAX_VALUE;
    } else if (raw == short.class || raw == Short.class) {
      min = Short.MIN_VALUE;
      max = Short.MAX_VALUE;
    } else if (raw == byte.class || raw == Byte.class) {
      min = Byte.MIN_VALUE;
      max = Byte.MAX_VALUE;
    } else {
      min = Long.MIN_VALUE;
      max = Long.MAX_VALUE;
    }
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(field);
    }
  }

  private static DomainException.InvalidValue outOfRange(String field) {
    return new DomainException.InvalidValue(field, field + " is out of range");
  }

  private static DomainException.InvalidValue wrongType(
      String field, String expected, JsonValue value) {
    String given =
        switch (value.getValueType()) {
          case OBJECT -> "an object";
          case ARRAY -> "an array";
          case STRING -> "a string";
          case NUMBER -> "a number";
          case TRUE, FALSE -> "a boolean";
          case NULL -> "null";
        };
    return new DomainException.InvalidValue(
        field, field + " must be " + expected + ", not " + given);
  }

  private static String constants(Class<?> raw) {
    StringBuilder names = new StringBuilder();
    for (Object constant : raw.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
    }
    return names.toString();
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> raw) {
      return raw;
    }
    if (type instanceof ParameterizedType parameterized) {
      return rawType(parameterized.getRawType());
    }
    if (type instanceof GenericArrayType array) {
      Class<?> component = rawType(array.getGenericComponentType());
      return component == null ? null : Array.newInstance(component, 0).getClass();
    }
    if (type instanceof WildcardType wildcard) {
      return rawType(wildcard.getUpperBounds()[0]);
    }
    return null;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      return parameterized.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
