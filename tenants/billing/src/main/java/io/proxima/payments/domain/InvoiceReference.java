package io.proxima.payments.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice numbers as payers type them into a transfer's memo or in front of their name: INV-000123,
 * INV000123, inv 123, ＩＮＶ－１２３, INV#123. Bank terminals often allow only katakana and upper-case
 * letters, and payers drop zeros, so only the letters INV and the digits are relied on.
 */
public final class InvoiceReference {

  private static final Pattern NUMBER =
      Pattern.compile("(?<![A-Z])INV(?:OICE)?[\\s._#:/\\-‐ーｰ№NO.]*0*([0-9]{1,9})(?![0-9])");

  private InvoiceReference() {}

  /** The distinct invoice numbers named in the text, in the order they appear. */
  public static Set<Long> numbersIn(String text) {
    Set<Long> numbers = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return numbers;
    }
    Matcher matcher =
        NUMBER.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT));
    while (matcher.find()) {
      long number = Long.parseLong(matcher.group(1));
      if (number > 0) {
        numbers.add(number);
      }
    }
    return numbers;
  }
}
