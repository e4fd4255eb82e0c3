package io.proxima.profile.domain;

import io.proxima.platform.text.Texts;
import java.time.YearMonth;

/** A certification (資格), e.g. 応用情報技術者 or AWS Certified Solutions Architect – Associate. */
public record Certification(String name, YearMonth acquired) {

  public Certification {
    name = Texts.required(name, "certification name", 200);
  }
}
