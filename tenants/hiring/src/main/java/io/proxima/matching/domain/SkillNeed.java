package io.proxima.matching.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A skill a job asks for, as the client wrote it ("ＪＡＶＡ", "postgres"); the matcher maps it to the
 * taxonomy.
 *
 * @param minYears the experience asked for, or null when the client named no minimum
 */
public record SkillNeed(String skill, BigDecimal minYears) {
  public SkillNeed {
    Objects.requireNonNull(skill, "skill");
  }

  public static SkillNeed of(String skill) {
    return new SkillNeed(skill, null);
  }

  public static SkillNeed of(String skill, double minYears) {
    return new SkillNeed(skill, BigDecimal.valueOf(minYears));
  }
}
