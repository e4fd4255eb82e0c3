package io.proxima.matching.domain;

import java.math.BigDecimal;

/**
 * A skill the job asks for and the candidate has.
 *
 * @param skill the canonical name of the skill asked for
 * @param years the candidate's years, null when not stated (always null for a mere mention)
 * @param minYears the years the job asks for, null when it names no minimum
 * @param via the listed skill that stands for this one ("Spring Boot" for "Java"), null when the
 *     candidate lists or mentions the skill itself
 */
public record MatchedSkill(
    String skill,
    boolean required,
    BigDecimal years,
    BigDecimal minYears,
    String via,
    Evidence evidence) {

  /** How the candidate shows the skill, from the strongest to the weakest evidence. */
  public enum Evidence {
    /** On the profile's skill list. */
    LISTED,
    /** Implied by a listed skill (a framework's language, a cloud service's provider). */
    IMPLIED,
    /** Only named in the title or summary, without years. */
    MENTIONED
  }

  /** Whether the candidate's stated years reach the minimum; unknown years do not. */
  public boolean meetsYears() {
    return minYears == null || (years != null && years.compareTo(minYears) >= 0);
  }

  /**
   * How fully this skill satisfies the need, in [0,1]: short years count in proportion, unstated
   * years and second-hand evidence count for less than a listed skill with enough years.
   */
  double credit() {
    double credit;
    if (minYears == null || minYears.signum() == 0) {
      credit = years == null && evidence == Evidence.MENTIONED ? 0.8 : 1.0;
    } else if (years == null) {
      credit = 0.7;
    } else {
      credit = Math.min(1.0, 0.4 + 0.6 * years.doubleValue() / minYears.doubleValue());
    }
    return switch (evidence) {
      case LISTED -> credit;
      case IMPLIED -> credit * 0.95;
      case MENTIONED -> credit * 0.8;
    };
  }
}
