package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.math.BigDecimal;

/**
 * One skill on a profile, named by its canonical taxonomy name ("PostgreSQL", never "Postgres") so
 * that search and matching compare like with like.
 *
 * @param years experience in years, one decimal ("1.5年"); null when the sheet does not say
 * @param level null when the sheet does not say
 */
public record Skill(String name, SkillCategory category, BigDecimal years, SkillLevel level) {

  public static final int NAME_LIMIT = 100;
  private static final BigDecimal MAX_YEARS = BigDecimal.valueOf(60);

  public Skill {
    name = Texts.required(name, "skill name", NAME_LIMIT);
    if (category == null) {
      category = SkillCategory.OTHER;
    }
    if (years != null) {
      if (years.signum() < 0 || years.compareTo(MAX_YEARS) > 0) {
        throw new DomainException.InvalidValue("years of " + name + " must be between 0 and 60");
      }
      years = years.setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
      if (years.scale() < 0) {
        years = years.setScale(0);
      }
    }
  }
}
