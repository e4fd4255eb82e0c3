package io.proxima.platform.text;

import io.proxima.platform.error.DomainException;

/**
 * Free text as the platform stores it: stripped, measured in code points as a user counts them,
 * blank meaning none where optional.
 */
public final class Texts {

  private Texts() {}

  public static String required(String text, String field, int limit) {
    String value = optional(text, field, limit);
    if (value == null) {
      throw new DomainException.InvalidValue(field, field + " is required");
    }
    return value;
  }

  public static String optional(String text, String field, int limit) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.codePointCount(0, value.length()) > limit) {
      throw new DomainException.InvalidValue(field, field + ": at most " + limit + " characters");
    }
    return value;
  }
}
