package io.proxima.candidates.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillTaxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A tenant's search among the freelancers who share with it. Availability and rate come from the
 * live availability when the freelancer set one, otherwise from the profile's desired conditions.
 *
 * @param skills every one of them must be on the profile
 * @param rateBudgetYen the freelancer's minimum monthly rate fits this budget
 * @param days the freelancer can work at least this many days a week
 * @param availableBy available now, or from a date no later than this
 * @param cursor where the previous page ended; null for the first page
 */
public record CandidateQuery(
    String text,
    List<String> skills,
    Integer rateBudgetYen,
    Integer days,
    Set<WorkStyle> workStyles,
    String location,
    LocalDate availableBy,
    Sort sort,
    String cursor,
    int limit) {

  public static final int LIMIT_MAX = 100;
  public static final int SKILL_FILTER_LIMIT = 10;

  public enum Sort {
    /** Best text match first; the default when there is text. */
    RELEVANCE,
    /** Most recently updated profile or availability first; the default otherwise. */
    UPDATED,
    /** Available now first, then by the date they become available. */
    AVAILABLE_SOON,
    /** Lowest minimum rate first. */
    RATE
  }

  public CandidateQuery {
    skills =
        skills == null
            ? List.of()
            : skills.stream()
                .map(
                    skill -> {
                      if (skill == null || skill.isBlank() || skill.length() > 100) {
                        throw new DomainException.InvalidValue(
                            "skill", "a skill filter needs a name of at most 100 characters");
                      }
                      if (skill.chars().anyMatch(Character::isISOControl)) {
                        throw new DomainException.InvalidValue(
                            "skill", "a skill name cannot contain control characters");
                      }
                      return SkillTaxonomy.standard()
                          .lookup(skill.strip())
                          .map(entry -> entry.canonical())
                          .orElse(skill.strip());
                    })
                .toList();
    if (skills.size() > SKILL_FILTER_LIMIT) {
      throw new DomainException.InvalidValue("at most " + SKILL_FILTER_LIMIT + " skills at once");
    }
    workStyles = workStyles == null ? Set.of() : Set.copyOf(workStyles);
    if (limit < 1 || limit > LIMIT_MAX) {
      throw new DomainException.InvalidValue("limit", "limit must be between 1 and " + LIMIT_MAX);
    }
    if (days != null && (days < 1 || days > 7)) {
      throw new DomainException.InvalidValue("days", "days must be between 1 and 7");
    }
    if (location != null && location.isBlank()) {
      location = null;
    }
    if (sort == null) {
      sort = text == null || text.isBlank() ? Sort.UPDATED : Sort.RELEVANCE;
    }
  }
}
