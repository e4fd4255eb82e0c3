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

  private Facets() {}

  /**
   * Counts over at most {@code sample} matches (the first the database finds): exact for searches
   * that narrow things down, and a bounded cost for one that matches half the table, whose facets
   * are then the sample's — how Elasticsearch bounds its hit count and sampler aggregations.
   */
  public static Counts count(
      EntityManager entityManager, String from, SqlWhere where, List<Facet> facets, int sample) {
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < facets.size(); i++) {
      Facet facet = facets.get(i);
      columns
          .append(i == 0 ? "" : ", ")
          .append(facet.spread() ? facet.expression() : "CAST(" + facet.expression() + " AS text)")
          .append(" AS f")
          .append(i);
    }
    StringBuilder sql =
        new StringBuilder("WITH m AS MATERIALIZED (SELECT ")
            .append(columns.length() == 0 ? "1 AS f" : columns)
            .append(from)
            .append(" WHERE ")
            .append(where.sql())
            .append(" LIMIT ")
            .append(sample + 1)
            .append("), s AS (SELECT * FROM m LIMIT ")
            .append(sample)
            .append(") SELECT 'total' AS facet, NULL AS value, count(*) AS hits FROM m");
    for (int i = 0; i < facets.size(); i++) {
      Facet facet = facets.get(i);
      String value = facet.spread() ? "v" : "f" + i;
      sql.append(" UNION ALL (SELECT '")
          .append(facet.name())
          .append("', ")
          .append(value)
          .append(", count(*) FROM s")
          .append(facet.spread() ? ", unnest(f" + i + ") v" : "")
          .append(" WHERE ")
          .append(value)
          .append(" IS NOT NULL GROUP BY 2");
      if (facet.top() > 0) {
        sql.append(" ORDER BY 3 DESC, 2 LIMIT ").append(facet.top());
      }
      sql.append(')');
    }
    long total = 0;
    Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
    facets.forEach(facet -> counts.put(facet.name(), new ArrayList<>()));
    for (SqlRow row : NativeSql.list(entityManager, sql.toString(), r -> r, where.parameters())) {
      long count = row.count("hits");
      String value = row.string("value");
      if (value == null) {
        total = count;
      } else {
        counts.get(row.string("facet")).add(new FacetCount(value, count));
      }
    }
    counts
        .values()
        .forEach(
            values ->
                values.sort(
                    (a, b) ->
                        a.count() != b.count()
                            ? Long.compare(b.count(), a.count())
                            : a.value().compareTo(b.value())));
    return total > sample
        ? new Counts((long) sample, false, counts)
        : new Counts(total, true, counts);
  }
}
