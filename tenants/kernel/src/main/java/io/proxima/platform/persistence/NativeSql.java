package io.proxima.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * The little native SQL the repositories keep where SQL itself is the point (reports, facets,
 * full-text search, upserts): positional parameters bound in order, and rows read by column alias
 * and type through {@link SqlRow}, never by position.
 */
public final class NativeSql {

  private NativeSql() {}

  /** A native query with {@code parameters} bound to ?1, ?2, … in order. */
  public static Query query(EntityManager entityManager, String sql, Object... parameters) {
    Query query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }

  /**
   * The rows of a native query, each read by column name through {@code mapper}: the typed way to
   * map SQL that stays SQL to records.
   */
  public static <T> List<T> list(
      EntityManager entityManager,
      String sql,
      java.util.function.Function<SqlRow, T> mapper,
      Object... parameters) {
    Query query = entityManager.createNativeQuery(sql, jakarta.persistence.Tuple.class);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<?>) query.getResultList())
        .stream().map(row -> mapper.apply(new SqlRow((jakarta.persistence.Tuple) row))).toList();
  }
}
