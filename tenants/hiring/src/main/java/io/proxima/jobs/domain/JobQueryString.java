package io.proxima.jobs.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A job search as the query string of {@code /v1/postings} and of the search page's URL writes it
 * ({@code q=golang&workStyle=REMOTE,HYBRID&rateAtLeast=700000}). One reading for the REST
 * parameters and for a saved search, so a saved search finds exactly what the page showed. Lists
 * are comma-separated or repeated; a bad value is a 400 naming the parameter.
 */
public final class JobQueryString {

  /** The parameters that say what is searched; paging and order are not part of a saved search. */
  public static final List<String> FILTERS =
      List.of(
          "q",
          "skill",
          "rateAtLeast",
          "rateAtMost",
          "taxIncluded",
          "settlementMinAtLeast",
          "settlementMaxAtMost",
          "days",
          "workStyle",
          "location",
          "prefecture",
          "station",
          "startBy",
          "durationAtLeast",
          "durationAtMost",
          "contractType",
          "trial",
          "paymentTermsAtMost",
          "culture",
          "tenant");

  public static final int LENGTH_LIMIT = 2000;

  private final Map<String, List<String>> values;

  private JobQueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parameters by name, each with its values as given (repeated or comma-separated). */
  public static JobQueryString of(Map<String, List<String>> parameters) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    parameters.forEach(
        (name, given) -> {
          if (given != null && name != null) {
            List<String> nonNull = given.stream().filter(v -> v != null).toList();
            if (!nonNull.isEmpty()) {
              kept.put(name, nonNull);
            }
          }
        });
    return new JobQueryString(kept);
  }

  /** An URL's query string, with or without the leading {@code ?}. */
  public static JobQueryString parse(String queryString) {
    if (queryString != null && queryString.length() > LENGTH_LIMIT) {
      throw new DomainException.InvalidValue(
          "query", "a search is limited to " + LENGTH_LIMIT + " characters");
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String text = queryString == null ? "" : queryString.strip();
    if (text.startsWith("?")) {
      text = text.substring(1);
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        throw new DomainException.InvalidValue("query", "the search is not a valid query string");
      }
    }
    return of(parameters);
  }

  /**
   * The filters alone, in a fixed order and URL-encoded: what a saved search keeps. Unknown
   * parameters are refused, so a typo does not save a search that silently ignores it.
   */
  public String filtersOnly() {
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
      String name = parameter.getKey();
      if (Set.of("sort", "cursor", "limit").contains(name)) {
        continue;
      }
      if (!FILTERS.contains(name)) {
        throw new DomainException.InvalidValue(
            "query", "a search has no parameter " + shorten(name) + "; it takes " + FILTERS);
      }
      String joined =
          name.equals("q") || name.equals("location") || name.equals("station")
              ? String.join(" ", parameter.getValue()).strip()
              : String.join(",", list(parameter.getValue()));
      if (!joined.isEmpty()) {
        kept.put(name, joined);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : FILTERS) {
      String value = kept.get(name);
      if (value != null) {
        out.append(out.length() == 0 ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return out.toString();
  }

  /** The search these parameters ask for; {@code defaultLimit} when no limit is given. */
  public JobQuery toQuery(int defaultLimit) {
    Integer limit = integer("limit");
    return JobQuery.builder(limit == null ? defaultLimit : limit)
        .text(single("q"))
        .skills(list(values.get("skill")))
        .rateAtLeastYen(integer("rateAtLeast"))
        .rateAtMostYen(integer("rateAtMost"))
        .taxIncluded(bool("taxIncluded"))
        .settlementMinAtLeast(integer("settlementMinAtLeast"))
        .settlementMaxAtMost(integer("settlementMaxAtMost"))
        .days(integer("days"))
        .workStyles(enums("workStyle", WorkStyle.class))
        .location(single("location"))
        .prefectures(new LinkedHashSet<>(list(values.get("prefecture"))))
        .station(single("station"))
        .startBy(date("startBy"))
        .durationAtLeastMonths(integer("durationAtLeast"))
        .durationAtMostMonths(integer("durationAtMost"))
        .contractTypes(enums("contractType", ContractType.class))
        .trialAvailable(bool("trial"))
        .paymentTermsAtMost(integer("paymentTermsAtMost"))
        .cultures(enums("culture", Culture.class))
        .statuses(enums("status", JobStatus.class))
        .tenant(blankIsNull(single("tenant")))
        .sort(oneOf("sort", JobQuery.Sort.class, single("sort")))
        .cursor(blankIsNull(single("cursor")))
        .build();
  }

  private String single(String name) {
    List<String> given = values.get(name);
    return given == null || given.isEmpty() ? null : given.get(given.size() - 1);
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Integer integer(String name) {
    String value = single(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new DomainException.InvalidValue(
          name, name + " must be a whole number, not " + shorten(value));
    }
  }

  private Boolean bool(String name) {
    String value = single(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new DomainException.InvalidValue(name, name + " must be true or false");
    };
  }

  private LocalDate date(String name) {
    String value = single(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(name, name + " must be a date like 2026-12-01");
    }
  }

  private <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
    Set<E> parsed = EnumSet.noneOf(type);
    for (String value : list(values.get(name))) {
      parsed.add(oneOf(name, type, value));
    }
    return parsed;
  }

  private static <E extends Enum<E>> E oneOf(String name, Class<E> type, String value) {
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

  /** Comma-separated values, repeated or not: {@code skill=Java,AWS&skill=Go}. */
  static List<String> list(List<String> given) {
    if (given == null) {
      return List.of();
    }
    return given.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
