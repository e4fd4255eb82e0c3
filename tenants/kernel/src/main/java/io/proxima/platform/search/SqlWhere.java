package io.proxima.platform.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The WHERE clause of a search, built from the filters a caller set: each condition is written with
 * {@code ?} placeholders and its values, numbered ?1, ?2, … as they are added, so a filter's value
 * is always bound and never spliced into the SQL.
 */
public final class SqlWhere {

  /** Separates list values passed as one text parameter; no name or label may contain it. */
  public static final char LIST_SEPARATOR = '\u001f';

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  /**
   * Adds {@code condition} (ANDed) with one value per bare {@code ?} in it; a {@code ?n} already
   * numbered is left alone, for a value the caller binds itself.
   */
  public SqlWhere and(String condition, Object... values) {
    StringBuilder numbered = new StringBuilder();
    int next = 0;
    for (int i = 0; i < condition.length(); i++) {
      char c = condition.charAt(i);
      boolean numberedAlready =
          i + 1 < condition.length() && Character.isDigit(condition.charAt(i + 1));
      if (c == '?' && !numberedAlready) {
        parameters.add(values[next++]);
        numbered.append('?').append(parameters.size());
      } else {
        numbered.append(c);
      }
    }
    if (next != values.length) {
      throw new IllegalArgumentException("placeholders and values differ in: " + condition);
    }
    sql.append(sql.length() == 0 ? "" : " AND ").append('(').append(numbered).append(')');
    return this;
  }

  /** Adds {@code condition} only when {@code value} is set. */
  public SqlWhere andIf(Object value, String condition) {
    return value == null ? this : and(condition, value);
  }

  /** {@code column IN (…)} over an enum set, or nothing when the set is empty. */
  public SqlWhere andIn(String column, Collection<? extends Enum<?>> values) {
    if (values == null || values.isEmpty()) {
      return this;
    }
    return and(
        column + " = ANY (string_to_array(?, chr(31)))",
        list(values.stream().map(Enum::name).toList()));
  }

  /** The text of a list parameter, for {@code string_to_array(?, chr(31))}. */
  public static String list(Collection<String> values) {
    return values.stream().collect(Collectors.joining(String.valueOf(LIST_SEPARATOR)));
  }

  /** A builder that goes on from this one's conditions without changing them. */
  public SqlWhere copy() {
    SqlWhere copy = new SqlWhere();
    copy.sql.append(sql);
    copy.parameters.addAll(parameters);
    return copy;
  }

  /** The values of a list column read as {@code array_to_string(column, chr(31))}. */
  public static List<String> split(String joined) {
    return joined == null || joined.isEmpty()
        ? List.of()
        : List.of(joined.split(String.valueOf(LIST_SEPARATOR)));
  }

  public String sql() {
    return sql.length() == 0 ? "TRUE" : sql.toString();
  }

  /**
   * The clause with its placeholders numbered after {@code offset} values already bound, for a
   * statement that puts it after another clause's ({@code ?1} becomes {@code ?(offset + 1)}).
   */
  public String sqlAfter(int offset) {
    return NUMBERED.matcher(sql()).replaceAll(m -> "?" + (Integer.parseInt(m.group(1)) + offset));
  }

  private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

  public Object[] parameters() {
    return parameters.toArray();
  }

  public int size() {
    return parameters.size();
  }
}
