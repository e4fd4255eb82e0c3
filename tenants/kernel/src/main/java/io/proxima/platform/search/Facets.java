package io.proxima.platform.search;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts over every result of a search, not just the page shown, in one statement: the
 * matches are read once into a CTE and each facet groups them.
 */
public final class Facets {

  /**
   * One facet.
   *
   * @param expression SQL over the searched rows giving the value (or, for {@code spread}, an array
   *     of values, each counted)
   * @param top how many of the most frequent values to keep; 0 keeps all
   */
  public record Facet(String name, String expression, int top, boolean spread) {
    public static Facet of(String name, String expression) {
      return new Facet(name, expression, 0, false);
    }

    public static Facet top(String name, String expression, int top) {
      return new Facet(name, expression, top, false);
    }

    public static Facet spreadTop(String name, String arrayExpression, int top) {
      return new Facet(name, arrayExpression, top, true);
    }
  }

  /**
   * The total and the facets; every facet's values ordered by count, then value.
   *
   * @param exact false when more than the sample matched: the total is then the sample's size, a
   *     lower bound, and the facets count the sample
   */
  public record Counts(Long total, boolean exact, Map<String, List<FacetCount>> facets) {
    /** What a later page reports: the first page had the counts. */
    public static final Counts NONE = new Counts(null, true, Map.of());
  }

  /**
   * A checkbox facet whose filter is set. It counts the matches of every other filter, so that its
   * other values show what ticking them as well would add — how job boards count a checkbox list.
   *
   * @param filter the facet's own condition, left out when the facet is counted
   */
  public record Choice(Facet facet, SqlWhere filter) {}

  private Facets() {}

  /**
   * Counts over at most {@code sample} matches (the first the database finds): exact for searches
   * that narrow things down, and a bounded cost for one that matches half the table, whose facets
   * are then the sample's — how Elasticsearch bounds its hit count and sampler aggregations.
   */
  public static Counts count(
      EntityManager entityManager, String from, SqlWhere where, List<Facet> facets, int sample) {
    String sql =
        "WITH m AS MATERIALIZED (SELECT "
            + columns(facets)
            + from
            + " WHERE "
            + where.sql()
            + " LIMIT "
            + (sample + 1)
            + "), s AS (SELECT * FROM m LIMIT "
            + sample
            + ") SELECT 'total' AS facet, NULL AS value, count(*) AS hits FROM m"
            + grouped("s", facets, "");
    return counts(entityManager, sql, where.parameters(), facets, List.of(), sample);
  }

  /**
   * The counts with the checkbox {@code choices} set, each of which counts over the matches of the
   * other filters, in one walk: the rows that fail at most one choice hold every recount's matches,
   * and the walk stops (a window count with a run condition) once {@code sample} + 1 rows passed
   * them all, which is where a search without recounts stops too. Before, each recount walked the
   * index again on its own: one more statement and as many more rows per choice.
   *
   * @param others every filter of the search but the choices
   */
  public static Counts count(
      EntityManager entityManager,
      String from,
      SqlWhere others,
      List<Choice> choices,
      List<Facet> facets,
      int sample) {
    if (choices.isEmpty()) {
      return count(entityManager, from, others, facets, sample);
    }
    List<Object> parameters = new ArrayList<>(List.of(others.parameters()));
    StringBuilder passes = new StringBuilder();
    for (int c = 0; c < choices.size(); c++) {
      SqlWhere filter = choices.get(c).filter();
      passes
          .append(", coalesce(")
          .append(filter.sqlAfter(parameters.size()))
          .append(", false) AS c")
          .append(c);
      parameters.addAll(List.of(filter.parameters()));
    }
    StringBuilder failures = new StringBuilder();
    StringBuilder seen =
        new StringBuilder(", count(*) FILTER (WHERE ")
            .append(all(choices.size(), -1, "u."))
            .append(") OVER w AS seen");
    for (int c = 0; c < choices.size(); c++) {
      failures.append(c == 0 ? "" : " + ").append("(NOT u.c").append(c).append(")::int");
      seen.append(", count(*) FILTER (WHERE ")
          .append(all(choices.size(), c, "u."))
          .append(") OVER w AS seen")
          .append(c);
    }
    StringBuilder sql =
        new StringBuilder("WITH walk AS MATERIALIZED (SELECT * FROM (SELECT u.*")
            .append(seen)
            .append(" FROM (SELECT ")
            .append(columns(facets))
            .append(passes)
            .append(from)
            .append(" WHERE ")
            .append(others.sql())
            .append(") u WHERE ")
            .append(failures)
            .append(" <= 1 WINDOW w AS (ROWS UNBOUNDED PRECEDING)) x WHERE seen <= ")
            .append(sample + 1)
            .append("), s AS (SELECT * FROM walk WHERE ")
            .append(all(choices.size(), -1, ""))
            .append(" AND seen <= ")
            .append(sample)
            .append(')');
    for (int c = 0; c < choices.size(); c++) {
      int column = facets.indexOf(choices.get(c).facet());
      sql.append(", r")
          .append(c)
          .append(" AS (SELECT f")
          .append(column)
          .append(" AS f0 FROM walk WHERE ")
          .append(all(choices.size(), c, ""))
          .append(" AND seen")
          .append(c)
          .append(" <= ")
          .append(sample)
          .append(')');
    }
    sql.append(" SELECT 'total' AS facet, NULL AS value, count(*) AS hits FROM walk WHERE ")
        .append(all(choices.size(), -1, ""));
    sql.append(grouped("s", facets, ""));
    for (int c = 0; c < choices.size(); c++) {
      sql.append(grouped("r" + c, List.of(choices.get(c).facet()), "recount "));
    }
    return counts(
        entityManager,
        sql.toString(),
        parameters.toArray(),
        facets,
        choices.stream().map(choice -> choice.facet().name()).toList(),
        sample);
  }

  /** The rows that pass every choice but {@code except} (-1: every choice); TRUE for none. */
  private static String all(int choices, int except, String qualifier) {
    List<String> passes = new ArrayList<>();
    for (int c = 0; c < choices; c++) {
      if (c != except) {
        passes.add(qualifier + "c" + c);
      }
    }
    return passes.isEmpty() ? "TRUE" : String.join(" AND ", passes);
  }

  private static Counts counts(
      EntityManager entityManager,
      String sql,
      Object[] parameters,
      List<Facet> facets,
      List<String> recounted,
      int sample) {
    long total = 0;
    Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
    facets.forEach(facet -> counts.put(facet.name(), new ArrayList<>()));
    Map<String, List<FacetCount>> recounts = new LinkedHashMap<>();
    recounted.forEach(name -> recounts.put(name, new ArrayList<>()));
    for (SqlRow row : NativeSql.list(entityManager, sql, r -> r, parameters)) {
      long count = row.count("hits");
      String facet = row.string("facet");
      String value = row.string("value");
      if (value == null) {
        total = count;
      } else if (facet.startsWith("recount ")) {
        recounts.get(facet.substring("recount ".length())).add(new FacetCount(value, count));
      } else {
        counts.get(facet).add(new FacetCount(value, count));
      }
    }
    counts.putAll(recounts);
    for (Facet facet : facets) {
      counts.put(facet.name(), ranked(counts.get(facet.name()), facet.top()));
    }
    return total > sample
        ? new Counts((long) sample, false, counts)
        : new Counts(total, true, counts);
  }

  private static String columns(List<Facet> facets) {
    if (facets.isEmpty()) {
      return "1 AS f";
    }
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < facets.size(); i++) {
      Facet facet = facets.get(i);
      columns
          .append(i == 0 ? "" : ", ")
          .append(facet.spread() ? facet.expression() : "CAST(" + facet.expression() + " AS text)")
          .append(" AS f")
          .append(i);
    }
    return columns.toString();
  }

  /**
   * The counts of {@code facets} over the rows of {@code source}, to append to a UNION: the
   * single-valued ones as one grouping of (facet, value) pairs, each spread one (an array of
   * values) on its own.
   */
  private static String grouped(String source, List<Facet> facets, String prefix) {
    StringBuilder sql = new StringBuilder();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < facets.size(); i++) {
      Facet facet = facets.get(i);
      if (facet.spread()) {
        sql.append(" UNION ALL (SELECT '")
            .append(prefix)
            .append(facet.name())
            .append("', v, count(*) FROM ")
            .append(source)
            .append(", unnest(f")
            .append(i)
            .append(") v WHERE v IS NOT NULL GROUP BY 2)");
      } else {
        pairs.add("('" + prefix + facet.name() + "', f" + i + ")");
      }
    }
    if (!pairs.isEmpty()) {
      sql.append(" UNION ALL (SELECT p.facet, p.value, count(*) FROM ")
          .append(source)
          .append(" CROSS JOIN LATERAL (VALUES ")
          .append(String.join(", ", pairs))
          .append(") AS p (facet, value) WHERE p.value IS NOT NULL GROUP BY 1, 2)");
    }
    return sql.toString();
  }

  /** By count, then value; the {@code top} most frequent when it is set. */
  private static List<FacetCount> ranked(List<FacetCount> values, int top) {
    List<FacetCount> ranked = new ArrayList<>(values);
    ranked.sort(
        (a, b) ->
            a.count() != b.count()
                ? Long.compare(b.count(), a.count())
                : a.value().compareTo(b.value()));
    return top > 0 && ranked.size() > top ? List.copyOf(ranked.subList(0, top)) : ranked;
  }
}
