package io.proxima.profile.domain;

import io.proxima.platform.error.ProblemException;

/** The one place profile text is trimmed and measured, in code points as a user counts them. */
final class Texts {

  private Texts() {}

  static String required(String value, String what, int limit) {
    String text = optional(value, what, limit);
    if (text == null) {
      throw new ProblemException.InvalidValue(what + " is required");
    }
    return text;
  }

  static String optional(String value, String what, int limit) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.codePointCount(0, text.length()) > limit) {
      throw new ProblemException.InvalidValue(what + " is limited to " + limit + " characters");
    }
    return text;
  }
}
