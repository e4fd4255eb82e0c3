package io.proxima.platform.search;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a search, by keyset rather than OFFSET: a page starts strictly after the previous
 * page's last (sort key, id), so the 500th page costs what the first does and rows written
 * meanwhile never repeat or skip a result.
 */
public final class KeysetPage {

  /**
   * How a search is ordered.
   *
   * @param expression SQL of the sort key; {@code ?R} stands for the one value the key may need
   *     (the tsquery of a relevance rank), bound by {@link #fetch}
   * @param sqlType the key's type, to read it back from a cursor
   */
  public record SortKey(String name, String expression, String sqlType, boolean descending) {}

  /** The page's rows, each read by its columns' names, and the next cursor. */
  public record Page<T>(List<T> rows, String nextCursor) {}

  /** A row and where it stands in the order, which the next page's cursor starts after. */
  private record Keyed<T>(T row, String key, String id) {}

  /** Facets and totals look at this many matches at most; see {@link Facets#count}. */
  public static final int SAMPLE = 500;

  private KeysetPage() {}

  /** The name of the order a cursor was made for. */
  public static String sortOf(String cursor) {
    return Cursor.decode(cursor, CURSOR_VALUES).get(0);
  }

  /** Whether the search a cursor continues matched more than {@link #SAMPLE}. */
  public static boolean broad(String cursor) {
    return Boolean.parseBoolean(Cursor.decode(cursor, CURSOR_VALUES).get(3));
  }

  private static final int CURSOR_VALUES = 4;

  /**
   * Relevance is ranked over every match; when more than {@link #SAMPLE} match, the ranking costs
   * more than a search may and means little (one common word ranks most matches alike), so such a
   * search is ordered by {@code fallback} instead, and its later pages stay in that order.
   */
  public static <S extends Enum<S>> S applied(
      S requested, S relevance, S fallback, boolean hasText, boolean fewMatches, String cursor) {
    if (requested != relevance) {
      return requested;
    }
    if (!hasText) {
      return fallback;
    }
    if (cursor != null) {
      return sortOf(cursor).equals(fallback.name()) ? fallback : relevance;
    }
    return fewMatches ? relevance : fallback;
  }

  /**
   * @param columns the SELECT list
   * @param from the FROM clause, starting with a space
   * @param id the unique column that breaks ties in the key
   * @param idType its SQL type
   * @param keyValue the value of {@code ?R} in the key, or null when it has none
   * @param broad whether the search matched more than {@link #SAMPLE}, kept in the cursor so later
   *     pages are planned like the first
   * @param mapper reads one row by the aliases of {@code columns}; {@code page_key} and {@code
   *     page_id} are the page's own
   */
  public static <T> Page<T> fetch(
      EntityManager entityManager,
      String columns,
      String from,
      SqlWhere filters,
      SortKey sort,
      String id,
      String idType,
      Object keyValue,
      String cursor,
      boolean broad,
      int limit,
      Function<SqlRow, T> mapper) {
    SqlWhere where = filters.copy();
    int keyParameter = filters.size() + (cursor == null ? 0 : 2) + 1;
    String key = sort.expression().replace("?R", "?" + keyParameter);
    if (cursor != null) {
      List<String> after = Cursor.decode(cursor, CURSOR_VALUES);
      if (!after.get(0).equals(sort.name())) {
        throw new DomainException.InvalidValue(
            "the cursor belongs to a search sorted by " + after.get(0) + ", not " + sort.name());
      }
      where.and(
          "("
              + key
              + ", "
              + id
              + ") "
              + (sort.descending() ? "<" : ">")
              + " (CAST(? AS "
              + sort.sqlType()
              + "), CAST(? AS "
              + idType
              + "))",
          after.get(1),
          after.get(2));
    }
    String direction = sort.descending() ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + columns
            + ", CAST("
            + key
            + " AS text) AS page_key, CAST("
            + id
            + " AS text) AS page_id"
            + from
            + " WHERE "
            + where.sql()
            + " ORDER BY "
            + key
            + direction
            + ", "
            + id
            + direction
            + " LIMIT "
            + (limit + 1);
    List<Object> parameters = new ArrayList<>(Arrays.asList(where.parameters()));
    if (keyValue != null) {
      parameters.add(keyValue);
    }
    List<Keyed<T>> rows;
    try {
      rows =
          NativeSql.list(
              entityManager,
              sql,
              row -> new Keyed<>(mapper.apply(row), row.string("page_key"), row.string("page_id")),
              parameters.toArray());
    } catch (PersistenceException e) {
      if (cursor == null) {
        throw e;
      }
      // Only a cursor edited by hand gets here: its key no longer reads as the key's type.
      throw new DomainException.InvalidValue(
          "cursor", "cursor is not one this search returned; start again without it");
    }
    List<T> page = rows.stream().limit(limit).map(Keyed::row).toList();
    if (rows.size() <= limit) {
      return new Page<>(page, null);
    }
    Keyed<T> last = rows.get(limit - 1);
    return new Page<>(
        page, Cursor.encode(sort.name(), last.key(), last.id(), String.valueOf(broad)));
  }
}
