package io.proxima.profile.domain;

import io.proxima.platform.text.Texts;

/**
 * A certification (資格), e.g. 応用情報技術者 or AWS Certified Solutions Architect – Associate.
 *
 * @param acquired the month or, when the sheet gives no more, the year it was acquired; null when
 *     unknown
 */
public record Certification(String name, Acquired acquired) {

  public Certification {
    name = Texts.required(name, "certification name", 200);
  }
}
