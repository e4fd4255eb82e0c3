package io.proxima.jobs.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillTaxonomy;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A skill a job asks for, named as the taxonomy names it so a job's "Postgres" and a profile's
 * "PostgreSQL" are the same skill.
 *
 * @param years minimum years of experience; null when the job does not say
 */
public record SkillRequirement(
    @Schema(required = true, maxLength = 100, example = "Java") String skill,
    @Schema(minimum = "0", maximum = "40", example = "3") BigDecimal years) {

  public static final int NAME_LIMIT = 100;

  public SkillRequirement {
    if (skill == null || skill.isBlank()) {
      throw new DomainException.InvalidValue("skill", "a skill needs a name");
    }
    String typed = skill.strip();
    if (typed.length() > NAME_LIMIT || typed.chars().anyMatch(Character::isISOControl)) {
      throw new DomainException.InvalidValue(
          "skill", "a skill name is at most " + NAME_LIMIT + " printable characters");
    }
    skill = SkillTaxonomy.standard().lookup(typed).map(entry -> entry.canonical()).orElse(typed);
    if (years != null && (years.signum() < 0 || years.compareTo(BigDecimal.valueOf(40)) > 0)) {
      throw new DomainException.InvalidValue(
          "years", "years of " + skill + " must be between 0 and 40");
    }
  }
}
