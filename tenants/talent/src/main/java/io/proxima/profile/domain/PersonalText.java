package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;

/** One line of personal text: trimmed, bounded, and free of control characters. */
final class PersonalText {

  private PersonalText() {}

  static String line(String text, String field, int limit) {
    String value = Texts.optional(text, field, limit);
    if (value != null && value.codePoints().anyMatch(PersonalText::unprintable)) {
      throw new DomainException.InvalidValue(
          field, field + ": one line without control characters");
    }
    return value;
  }

  private static boolean unprintable(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }
}
