package io.proxima.platform.audit;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Audit filters as they arrive in query strings, checked here so a bad one is a 400 problem that
 * says what is wrong, never a 404 from a failed parameter conversion or a 500 from the database.
 */
public final class AuditQuery {

  public static final int MAX_LIMIT = 1000;
  private static final int MAX_TEXT = 255;

  private AuditQuery() {}

  /**
   * @param tenant a tenant id, or {@code platform} for entries without a tenant
   * @param from inclusive; an ISO-8601 instant or a date (its start, UTC)
   * @param to exclusive; same forms
   * @param cursor the {@code nextCursor} of the previous page
   */
  public static AuditLog.Filter parse(
      String tenant,
      String actor,
      String actionPrefix,
      String from,
      String to,
      String cursor,
      int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DomainException.InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new DomainException.InvalidValue("from", "from must be before to");
    }
    return new AuditLog.Filter(
        chainKey(tenant),
        text("action", actionPrefix),
        text("actor", actor),
        start,
        end,
        cursor(cursor),
        limit);
  }

  /** A tenant id or {@code platform}, as a chain key; null when blank. */
  public static String chainKey(String tenant) {
    if (blank(tenant)) {
      return null;
    }
    String value = tenant.strip();
    if (value.equalsIgnoreCase(AuditChainVerifier.PLATFORM_CHAIN)) {
      return AuditChainVerifier.PLATFORM_CHAIN;
    }
    try {
      return UUID.fromString(value).toString();
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue("tenant", "tenant must be a tenant id or 'platform'");
    }
  }

  private static String text(String name, String value) {
    if (blank(value)) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new DomainException.InvalidValue(name, name + " is longer than " + MAX_TEXT);
    }
    return value.strip();
  }

  private static Long cursor(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new DomainException.InvalidValue(
          "cursor", "cursor must be a nextCursor this API returned");
    }
  }

  private static Instant instant(String name, String value) {
    if (blank(value)) {
      return null;
    }
    String text = value.strip();
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(
          name, name + " must be an ISO-8601 instant (2026-04-01T00:00:00Z) or date (2026-04-01)");
    }
  }

  /** A yes/no query parameter; false when absent. */
  public static boolean flag(String name, String value) {
    if (blank(value)) {
      return false;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new DomainException.InvalidValue(name, name + " must be true or false");
    };
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
