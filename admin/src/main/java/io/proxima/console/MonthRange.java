package io.proxima.console;

import io.proxima.platform.error.DomainException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The months a chart covers, both ends included, as the console's query parameters give them
 * ({@code YYYY-MM}). Missing ends default to the twelve months up to {@code current}; anything
 * malformed, reversed or longer than ten years is the caller's mistake (400), never a 500 or a
 * query that scans the whole history.
 */
public record MonthRange(YearMonth from, YearMonth to) {

  /** Ten years of months: enough for any chart, small enough for one query. */
  public static final int MAX_MONTHS = 120;

  static final int DEFAULT_MONTHS = 12;
  private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

  public MonthRange {
    if (to.isBefore(from)) {
      throw new DomainException.InvalidValue(
          "from", "from (" + from + ") is after to (" + to + ")");
    }
    if (months(from, to) > MAX_MONTHS) {
      throw new DomainException.InvalidValue("at most " + MAX_MONTHS + " months at once");
    }
  }

  public static MonthRange parse(String from, String to, YearMonth current) {
    YearMonth end = blank(to) ? current : month("to", to);
    YearMonth start = blank(from) ? end.minusMonths(DEFAULT_MONTHS - 1L) : month("from", from);
    return new MonthRange(start, end);
  }

  public int months() {
    return months(from, to);
  }

  private static int months(YearMonth from, YearMonth to) {
    return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static YearMonth month(String name, String value) {
    String text = value.strip();
    // YearMonth.parse alone would take "+12026-01"; the console only ever means four digits.
    if (!FORM.matcher(text).matches()) {
      throw new DomainException.InvalidValue(name, name + " must be a month as YYYY-MM");
    }
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(name, name + " is not a month: " + text);
    }
  }
}
