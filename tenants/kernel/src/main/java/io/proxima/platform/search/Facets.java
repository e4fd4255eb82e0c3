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
   * A facet counted over the matches of other filters than the search's own: a checkbox list counts
   * what ticking one more of its values would add, so it leaves out its own filter.
   */
  public record Recount(Facet facet, SqlWhere where) {}

  private Facets() {}

  /**
   * Counts over at most {@code sample} matches (the first the database finds): exact for searches
   * that narrow things down, and a bounded cost for one that matches half the table, whose facets
   * are then the sample's — how Elasticsearch bounds its hit count and sampler aggregations.
   */
  public static Counts count(
      EntityManager entityManager, String from, SqlWhere where, List<Facet> facets, int sample) {
    return count(entityManager, from, where, facets, sample, List.of());
  }

  /**
   * The counts and every recount in one statement: one plan and one round trip rather than one per
   * checkbox filter set, and each sample grouped in a single pass over (facet, value) pairs rather
   * than once per facet. A recount replaces its facet's values in the result.
   */
  public static Counts count(
      EntityManager entityManager,
      String from,
      SqlWhere where,
      List<Facet> facets,
      int sample,
      List<Recount> recounts) {
    List<Object> parameters = new ArrayList<>(List.of(where.parameters()));
    StringBuilder sql =
        new StringBuilder("WITH m AS MATERIALIZED (SELECT ")
            .append(columns(facets))
            .append(from)
            .append(" WHERE ")
            .append(where.sql())
            .append(" LIMIT ")
            .append(sample + 1)
            .append("), s AS (SELECT * FROM m LIMIT ")
            .append(sample)
            .append(')');
    for (int r = 0; r < recounts.size(); r++) {
      Recount recount = recounts.get(r);
      sql.append(", r")
          .append(r)
          .append(" AS MATERIALIZED (SELECT ")
          .append(columns(List.of(recount.facet())))
          .append(from)
          .append(" WHERE ")
          .append(recount.where().sqlAfter(parameters.size()))
          .append(" LIMIT ")
          .append(sample)
          .append(')');
      parameters.addAll(List.of(recount.where().parameters()));
    }
    sql.append(" SELECT 'total' AS facet, NULL AS value, count(*) AS hits FROM m");
    grouped(sql, "s", facets, "");
    for (int r = 0; r < recounts.size(); r++) {
      grouped(sql, "r" + r, List.of(recounts.get(r).facet()), "recount ");
    }
    long total = 0;
    Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
    facets.forEach(facet -> counts.put(facet.name(), new ArrayList<>()));
    Map<String, List<FacetCount>> recounted = new LinkedHashMap<>();
    recounts.forEach(recount -> recounted.put(recount.facet().name(), new ArrayList<>()));
    for (SqlRow row : NativeSql.list(entityManager, sql.toString(), r -> r, parameters.toArray())) {
      long count = row.count("hits");
      String facet = row.string("facet");
      String value = row.string("value");
      if (value == null) {
        total = count;
      } else if (facet.startsWith("recount ")) {
        recounted.get(facet.substring("recount ".length())).add(new FacetCount(value, count));
      } else {
        counts.get(facet).add(new FacetCount(value, count));
      }
    }
    counts.putAll(recounted);
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
   * Appends the counts of {@code facets} over the rows of {@code source}: the single-valued ones as
   * one grouping of (facet, value) pairs, each spread one (an array of values) on its own.
   */
  private static void grouped(StringBuilder sql, String source, List<Facet> facets, String prefix) {
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
