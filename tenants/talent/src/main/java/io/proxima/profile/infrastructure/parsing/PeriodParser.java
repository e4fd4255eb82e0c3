package io.proxima.profile.infrastructure.parsing;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds month spans in the many ways skill sheets write them: "2023年8月～現在", "2023/08 - 2024/12",
 * "R5.8〜R6.3", "令和5年8月", "Aug 2023 – Dec 2024", "08/2023 - present". Expects text already
 * NFKC-normalised (full-width digits and "～" are then ASCII).
 */
final class PeriodParser {

  /**
   * A period and where it stands in the text.
   *
   * @param dangling the text stops right after the separator ("2023年8月～"): ongoing, unless the end
   *     month was wrapped onto the next line
   */
  record Found(Period period, int start, int end, boolean dangling) {}

  /** A single month and where it stands in the text. */
  record Month(YearMonth month, int start, int end) {}

  private static final String MONTHS =
      "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

  private static final Pattern DATE =
      Pattern.compile(
          // 2023年8月, 2023/08, 2023.8, 2023-08, 2023/08/01
          // "2024.\t10-継続中": a PDF's column edge falling between the year and the month
          "(?<![\\d.])(?<y>(?:19|20)\\d{2})\\s*(?:年\\s*(?<m1>\\d{1,2})\\s*月?"
              + "|(?:[/.\\-]|\\.\\t)(?<m2>\\d{1,2})(?!\\d)(?:[/.\\-]\\d{1,2}(?!\\d)\\s*日?)?)"
              // 令和5年8月, R5.8, H30/4, 令和元年5月
              + "|(?<![A-Za-z])(?<era>令和|平成|昭和|R|H)\\s*(?<ey>\\d{1,2}|元)\\s*"
              + "(?:年\\s*(?<em1>\\d{1,2})\\s*月?|[/.](?<em2>\\d{1,2})(?!\\d))"
              // Aug 2023, August, 2023
              + "|(?<![A-Za-z])(?<mon>"
              + MONTHS
              + ")\\.?,?\\s*(?<my>(?:19|20)\\d{2})(?!\\d)"
              // 08/2023
              + "|(?<![\\d/.])(?<mm>\\d{1,2})/(?<yy>(?:19|20)\\d{2})(?!\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SEPARATOR =
      // "2021/04～ / 2023/09", "2024年10月 / ～現在": a line break inside a table cell reads " / ".
      Pattern.compile(
          "(?:\\s+/(?=\\s))?\\s*(?:[~〜ー\\-–—‐−―]+|to|から|until)(?:\\s+/(?=\\s))?\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ONGOING =
      Pattern.compile(
          "(?:至\\s*)?(?:現在|現職|継続中|進行中|稼働中|present|current|now|ongoing|today|date)",
          Pattern.CASE_INSENSITIVE);

  // "2023年4月～9月": the end month of the same (or the next) year.
  private static final Pattern MONTH_ONLY = Pattern.compile("(?<m>\\d{1,2})\\s*月");

  private PeriodParser() {}

  /** The first period in the text. */
  static Optional<Found> find(String text) {
    List<Found> all = findAll(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every period in the text, left to right. */
  static List<Found> findAll(String text) {
    List<Found> found = new ArrayList<>();
    Matcher date = DATE.matcher(text);
    int from = 0;
    while (from < text.length() && date.find(from)) {
      YearMonth start = month(date);
      int startAt = date.start();
      int afterStart = date.end();
      from = afterStart;
      if (start == null) {
        continue;
      }
      Matcher sep = SEPARATOR.matcher(text).region(afterStart, text.length());
      int endSearch;
      if (sep.lookingAt()) {
        endSearch = sep.end();
      } else {
        // Separate "from" and "to" columns of a spreadsheet: only a tab between two months.
        int i = afterStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        if (text.substring(afterStart, i).indexOf('\t') < 0) {
          continue;
        }
        endSearch = i;
      }
      Matcher end = DATE.matcher(text).region(endSearch, text.length());
      Matcher ongoing = ONGOING.matcher(text).region(endSearch, text.length());
      Matcher monthOnly = MONTH_ONLY.matcher(text).region(endSearch, text.length());
      Period period = null;
      boolean dangling = false;
      int endAt = endSearch;
      if (end.lookingAt() && month(end) != null) {
        period = period(start, month(end));
        endAt = end.end();
      } else if (ongoing.lookingAt()) {
        period = period(start, null);
        endAt = ongoing.end();
      } else if (monthOnly.lookingAt()) {
        int m = Integer.parseInt(monthOnly.group("m"));
        if (m >= 1 && m <= 12) {
          YearMonth to = YearMonth.of(start.getYear(), m);
          period = period(start, to.isBefore(start) ? to.plusYears(1) : to);
          endAt = monthOnly.end();
        }
      } else if (restIsEmpty(text, endSearch)
          && text.substring(afterStart, endSearch).strip().length() > 0) {
        // "2023年8月～" with nothing after the separator: still going.
        period = period(start, null);
        endAt = endSearch;
        dangling = true;
      }
      if (period != null) {
        found.add(new Found(period, startAt, endAt, dangling));
        from = endAt;
      }
    }
    return found;
  }

  /** The month the text starts with, if it does. */
  static java.util.Optional<YearMonth> leadingMonth(String text) {
    Matcher m = DATE.matcher(text.strip());
    return m.lookingAt() ? java.util.Optional.ofNullable(month(m)) : java.util.Optional.empty();
  }

  /** Every single month in the text (e.g. when a certification was obtained). */
  static List<Month> months(String text) {
    List<Month> months = new ArrayList<>();
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      YearMonth m = month(date);
      if (m != null) {
        months.add(new Month(m, date.start(), date.end()));
      }
    }
    return months;
  }

  private static boolean restIsEmpty(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '(' || c == '（' || c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static Period period(YearMonth from, YearMonth to) {
    try {
      return new Period(from, to);
    } catch (DomainException.InvalidValue e) {
      return null;
    }
  }

  private static YearMonth month(Matcher m) {
    int year;
    String month;
    if (m.group("y") != null) {
      year = Integer.parseInt(m.group("y"));
      month = m.group("m1") != null ? m.group("m1") : m.group("m2");
    } else if (m.group("era") != null) {
      year = eraYear(m.group("era"), m.group("ey"));
      month = m.group("em1") != null ? m.group("em1") : m.group("em2");
    } else if (m.group("mon") != null) {
      year = Integer.parseInt(m.group("my"));
      month = String.valueOf(englishMonth(m.group("mon")));
    } else {
      year = Integer.parseInt(m.group("yy"));
      month = m.group("mm");
    }
    int mo = Integer.parseInt(month);
    if (mo < 1 || mo > 12 || year < 1950 || year > 2100) {
      return null;
    }
    return YearMonth.of(year, mo);
  }

  /**
   * The Western year of a Japanese era year: 令和/R, 平成/H or 昭和/S (either case) and the year in it,
   * digits or 元 (the first year). Certifications dated by year alone read it here too.
   */
  static int eraYear(String era, String yearInEra) {
    int n = yearInEra.equals("元") ? 1 : Integer.parseInt(yearInEra);
    // 令和 1 = 2019, 平成 1 = 1989, 昭和 1 = 1926
    return switch (era) {
      case "令和", "R", "r" -> 2018 + n;
      case "平成", "H", "h" -> 1988 + n;
      default -> 1925 + n;
    };
  }

  private static int englishMonth(String name) {
    String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return List.of(
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
            .indexOf(n)
        + 1;
  }
}
