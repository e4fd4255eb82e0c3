package io.proxima.platform.text;

import io.proxima.platform.error.DomainException;

/**
 * Text a person typed, as the platform accepts it: no C0 control characters except tab, line feed
 * and carriage return, no DEL or C1 controls, no lone surrogate halves. PostgreSQL refuses NUL in
 * text, and the rest has no business in a message or a name; refusing them at the edge makes them a
 * 400 naming the field instead of a failed write that looks like "try again".
 */
public final class PlainText {

  private PlainText() {}

  /** What is wrong with {@code text}, or null when it is plain. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return "contains the control character U+%04X".formatted((int) c);
      }
      if (c >= 0x7F && c <= 0x9F) {
        return "contains the control character U+%04X".formatted((int) c);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone surrogate";
      }
    }
    return null;
  }

  /** {@code text} itself, or a 400 problem naming {@code field}; null passes (absent). */
  public static String require(String text, String field) {
    if (text == null) {
      return null;
    }
    String problem = problem(text);
    if (problem != null) {
      throw new DomainException.InvalidValue(field, field + " " + problem);
    }
    return text;
  }
}
