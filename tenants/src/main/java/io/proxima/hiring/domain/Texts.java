package io.proxima.hiring.domain;

import io.proxima.platform.error.ProblemException;

/** Free text as hiring stores it: stripped, within a limit, blank meaning none where optional. */
final class Texts {

  private Texts() {}

  static String required(String text, String field, int limit) {
    String value = optional(text, field, limit);
    if (value == null) {
      throw new ProblemException.InvalidValue(field + " is required");
    }
    return value;
  }

  static String optional(String text, String field, int limit) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.codePointCount(0, value.length()) > limit) {
      throw new ProblemException.InvalidValue(field + ": at most " + limit + " characters");
    }
    return value;
  }
}
