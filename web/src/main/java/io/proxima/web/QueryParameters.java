package io.proxima.web;

import io.proxima.platform.error.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Search filters from the query string. JAX-RS answers a query parameter it cannot convert with a
 * 404, which tells the caller nothing; these answer 400 naming the parameter and what it takes.
 */
public final class QueryParameters {

  private QueryParameters() {}

  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new DomainException.InvalidValue(name, name + " must be a whole number, not " + value);
    }
  }

  public static int limit(String value, int defaultLimit) {
    Integer limit = integer("limit", value);
    return limit == null ? defaultLimit : limit;
  }

  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new DomainException.InvalidValue(name, name + " must be true or false");
    };
  }

  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(name, name + " must be a date like 2026-12-01");
    }
  }

  public static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue(name, name + " must be an id like " + new UUID(0, 0));
    }
  }

  /** Comma-separated values, repeated or not: {@code skill=Java,AWS&skill=Go}. */
  public static List<String> list(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  public static <E extends Enum<E>> Set<E> enums(String name, Class<E> type, List<String> values) {
    Set<E> parsed = EnumSet.noneOf(type);
    for (String value : list(values)) {
      parsed.add(oneOf(name, type, value));
    }
    return parsed;
  }

  public static <E extends Enum<E>> E oneOf(String name, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue(
          name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
