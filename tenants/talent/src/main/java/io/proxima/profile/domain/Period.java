package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.time.YearMonth;

/**
 * A span of months as skill sheets write it ("2023年8月 - 2024年12月", "2023/08〜現在").
 *
 * @param to null while it lasts (現在 / present)
 */
public record Period(YearMonth from, YearMonth to) {

  public Period {
    if (from == null) {
      throw new DomainException.InvalidValue("a period needs its first month");
    }
    if (to != null && to.isBefore(from)) {
      throw new DomainException.InvalidValue(
          "a period cannot end (" + to + ") before it starts (" + from + ")");
    }
  }

  public boolean ongoing() {
    return to == null;
  }

  /** Whole months covered, both ends included; an ongoing period counts up to {@code now}. */
  public long months(YearMonth now) {
    YearMonth end = to == null ? now : to;
    return end.isBefore(from) ? 0 : from.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
  }
}
