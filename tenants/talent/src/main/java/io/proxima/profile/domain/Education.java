package io.proxima.profile.domain;

import io.proxima.platform.text.Texts;

/**
 * One school on the profile.
 *
 * @param period null when the sheet gives no dates
 */
public record Education(String school, String degree, String field, Period period) {

  public Education {
    school = Texts.required(school, "school", 200);
    degree = Texts.optional(degree, "degree", 100);
    field = Texts.optional(field, "field", 200);
  }
}
