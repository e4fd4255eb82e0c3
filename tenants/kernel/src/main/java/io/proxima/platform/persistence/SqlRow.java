package io.proxima.platform.persistence;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of a native query, read by column name and type: the typed mapping for the SQL that stays
 * SQL (reports, facets, full-text search, the audit chain). Column names come from the query's own
 * aliases, so a reordered SELECT cannot silently shift values.
 */
public final class SqlRow {

  private final Tuple tuple;

  SqlRow(Tuple tuple) {
    this.tuple = tuple;
  }

  private Object value(String column) {
    return tuple.get(column);
  }

  public String string(String column) {
    Object value = value(column);
    return value == null ? null : value.toString();
  }

  public UUID uuid(String column) {
    Object value = value(column);
    return value == null || value instanceof UUID
        ? (UUID) value
        : UUID.fromString(value.toString());
  }

  /** A count or other whole number; SQL NULL reads as 0. */
  public long count(String column) {
    Object value = value(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  public Long wholeNumber(String column) {
    Object value = value(column);
    return value == null ? null : ((Number) value).longValue();
  }

  public Integer integer(String column) {
    Object value = value(column);
    return value == null ? null : ((Number) value).intValue();
  }

  public Double decimal(String column) {
    Object value = value(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public BigDecimal bigDecimal(String column) {
    Object value = value(column);
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    return new BigDecimal(value.toString());
  }

  public Boolean flag(String column) {
    return (Boolean) value(column);
  }

  public Instant instant(String column) {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }

  public LocalDate date(String column) {
    Object value = value(column);
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return ((Date) value).toLocalDate();
  }

  public byte[] bytes(String column) {
    return (byte[]) value(column);
  }

  /** A PostgreSQL text[] column. */
  public List<String> strings(String column) {
    Object value = value(column);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String[] array) {
      return List.of(array);
    }
    if (value instanceof java.sql.Array array) {
      try {
        return List.of((String[]) array.getArray());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("unreadable array column " + column, e);
      }
    }
    return List.of((String[]) value);
  }
}
