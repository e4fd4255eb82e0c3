package io.proxima.profile.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.proxima.platform.error.DomainException;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.Year;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a certification was acquired, as precisely as the freelancer knows it: a month ("2022-04")
 * or a year alone ("2022"). Skill sheets often give only the year ("AWS SAA (2022)", "令和3年取得"); a
 * made-up month ("2022-01") would claim more than the sheet says, so the month stays empty.
 *
 * <p>It is written as the text {@link #toString()} gives, everywhere: the REST API (JSON-B, through
 * {@link Json}), the stored drafts (Jackson, through {@link #stored}) and the JSON Resume document,
 * whose {@code date} takes ISO 8601 dates of any precision. "2022-04" is what {@code YearMonth}
 * wrote before, so documents stored then read back unchanged.
 *
 * @param month 1–12, or null when only the year is known
 */
@JsonbTypeAdapter(Acquired.Json.class)
@Schema(
    type = SchemaType.STRING,
    pattern = "^\\d{4}(-\\d{2})?$",
    example = "2022-04",
    description = "a month (YYYY-MM) or, when only the year is known, a year (YYYY)")
public record Acquired(int year, Integer month) implements Comparable<Acquired> {

  /** The earliest year taken: older dates on a skill sheet are typos, not certifications. */
  public static final int FIRST_YEAR = 1950;

  private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

  // A year alone sorts before the months of that year, as "2022" sorts before "2022-01".
  private static final Comparator<Acquired> ORDER =
      Comparator.comparingInt(Acquired::year)
          .thenComparing(Acquired::month, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Acquired {
    // Up to next year, not this one: the server's clock is UTC, a sheet written in Japan on New
    // Year's Day is nine hours ahead, and a valid date must not be refused at the turn of the year.
    int last = Year.now().getValue() + 1;
    if (year < FIRST_YEAR || year > last) {
      throw new DomainException.InvalidValue(
          "a certification date must lie between " + FIRST_YEAR + " and " + last + ": " + year);
    }
    if (month != null && (month < 1 || month > 12)) {
      throw new DomainException.InvalidValue("a certification month must be 1 to 12, not " + month);
    }
  }

  /** Acquired in that month. */
  public static Acquired of(YearMonth month) {
    return new Acquired(month.getYear(), month.getMonthValue());
  }

  /** Acquired some time in that year. */
  public static Acquired inYear(int year) {
    return new Acquired(year, null);
  }

  /**
   * Reads "2022-04" or "2022"; anything else (a day, "2022-4", "2022年", blank) is refused rather
   * than guessed at.
   */
  public static Acquired parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text);
    if (m == null || !m.matches()) {
      throw new DomainException.InvalidValue(
          "a certification date is a month like 2022-04 or a year like 2022");
    }
    int year = Integer.parseInt(m.group(1));
    return new Acquired(year, m.group(2) == null ? null : Integer.parseInt(m.group(2)));
  }

  /**
   * Reads what was stored (drafts, profile documents). Before this type, a date was any {@code
   * YearMonth}: a typo the parser read as 2032, or a month typed as 0001-01, must not make the
   * whole draft or profile unreadable, so a date out of today's bounds is left out — the freelancer
   * sees it empty and can date it again. A stored text that is no date at all still fails, as it
   * did before.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Acquired stored(String text) {
    try {
      return parse(text);
    } catch (DomainException.InvalidValue e) {
      if (text != null && TEXT.matcher(text).matches()) {
        return null;
      }
      throw e;
    }
  }

  public boolean yearOnly() {
    return month == null;
  }

  /** "2022-04", or "2022" for a year alone. */
  @JsonValue
  @Override
  public String toString() {
    return month == null ? "%04d".formatted(year) : "%04d-%02d".formatted(year, month);
  }

  @Override
  public int compareTo(Acquired other) {
    return ORDER.compare(this, other);
  }

  /** JSON-B (the REST API) reads and writes the text form, as it did the {@code YearMonth}. */
  public static final class Json implements JsonbAdapter<Acquired, String> {

    @Override
    public String adaptToJson(Acquired acquired) {
      return acquired.toString();
    }

    @Override
    public Acquired adaptFromJson(String text) {
      return parse(text);
    }
  }
}
