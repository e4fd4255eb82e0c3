package io.proxima.platform.pdf;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/** Dates and yen as Japanese business documents print them. */
public final class JapaneseFormats {

  private JapaneseFormats() {}

  /** 2026年12月1日 */
  public static String date(LocalDate date) {
    return date == null
        ? ""
        : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 1,234,567円, with a minus sign when negative. */
  public static String yen(long amount) {
    return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
  }
}
