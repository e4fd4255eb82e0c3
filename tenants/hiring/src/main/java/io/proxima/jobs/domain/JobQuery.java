package io.proxima.jobs.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.search.SearchText;
import io.proxima.profile.domain.ContractType;
import io.proxima.profile.domain.SkillTaxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job search: free text in Japanese or English and a filter on every field of a job. Unset
 * filters do not filter.
 *
 * @param skills every one of them must be asked for (required or preferred)
 * @param rateAtLeastYen the job can pay at least this much (its maximum reaches it)
 * @param rateAtMostYen the job's minimum is within this budget
 * @param days the freelancer can work this many days a week (the job's minimum fits)
 * @param prefectures the job is in one of these prefectures (names as in {@link Prefectures})
 * @param station the job's nearest station contains this name ("渋谷" or "渋谷駅")
 * @param startBy the job starts by this date (or has no fixed start)
 * @param statuses only for the tenant's own staff; freelancers see open jobs only
 * @param tenant a tenant's slug: only that tenant's jobs
 * @param cursor where the previous page ended; null for the first page
 */
public record JobQuery(
    String text,
    List<String> skills,
    Integer rateAtLeastYen,
    Integer rateAtMostYen,
    Boolean taxIncluded,
    Integer settlementMinAtLeast,
    Integer settlementMaxAtMost,
    Integer days,
    Set<WorkStyle> workStyles,
    String location,
    Set<String> prefectures,
    String station,
    LocalDate startBy,
    Integer durationAtLeastMonths,
    Integer durationAtMostMonths,
    Set<ContractType> contractTypes,
    Boolean trialAvailable,
    Integer paymentTermsAtMost,
    Set<Culture> cultures,
    Set<JobStatus> statuses,
    String tenant,
    Sort sort,
    String cursor,
    int limit) {

  public static final int LIMIT_MAX = 100;
  public static final int SKILL_FILTER_LIMIT = 10;
  public static final int PREFECTURE_FILTER_LIMIT = 47;

  /** How results are ordered; every order ends with the job id so pages never overlap. */
  public enum Sort {
    /** Best text match first; the default when there is text. */
    RELEVANCE,
    /** Most recently published (or created, for drafts) first; the default otherwise. */
    NEWEST,
    /** Highest maximum rate first. */
    RATE,
    /** Soonest start first, jobs without a fixed start last. */
    START_DATE
  }

  public JobQuery {
    skills = skills == null ? List.of() : skills.stream().map(JobQuery::canonicalSkill).toList();
    if (skills.size() > SKILL_FILTER_LIMIT) {
      throw new DomainException.InvalidValue("at most " + SKILL_FILTER_LIMIT + " skills at once");
    }
    workStyles = workStyles == null ? Set.of() : Set.copyOf(workStyles);
    contractTypes = contractTypes == null ? Set.of() : Set.copyOf(contractTypes);
    cultures = cultures == null ? Set.of() : Set.copyOf(cultures);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (limit < 1 || limit > LIMIT_MAX) {
      throw new DomainException.InvalidValue("limit", "limit must be between 1 and " + LIMIT_MAX);
    }
    if (days != null && (days < 1 || days > 7)) {
      throw new DomainException.InvalidValue("days", "days must be between 1 and 7");
    }
    if (sort == null) {
      sort = text == null || text.isBlank() ? Sort.NEWEST : Sort.RELEVANCE;
    }
    if (location != null && location.isBlank()) {
      location = null;
    }
    prefectures = prefectures == null ? Set.of() : canonicalPrefectures(prefectures);
    station =
        station == null || station.isBlank()
            ? null
            : JobDetails.station(limited(station.strip(), "station", JobDetails.STATION_LIMIT));
    if (location != null) {
      location = limited(location, "location", JobDetails.LOCATION_LIMIT);
    }
    if (rateAtLeastYen != null && rateAtMostYen != null && rateAtLeastYen > rateAtMostYen) {
      throw new DomainException.InvalidValue("rateAtLeast", "rateAtLeast cannot exceed rateAtMost");
    }
    if (settlementMinAtLeast != null
        && settlementMaxAtMost != null
        && settlementMinAtLeast > settlementMaxAtMost) {
      throw new DomainException.InvalidValue(
          "settlementMinAtLeast", "settlementMinAtLeast cannot exceed settlementMaxAtMost");
    }
    if (paymentTermsAtMost != null && (paymentTermsAtMost < 0 || paymentTermsAtMost > 120)) {
      throw new DomainException.InvalidValue(
          "paymentTermsAtMost", "paymentTermsAtMost must be between 0 and 120 days");
    }
  }

  /**
   * The text as a full-text query: a word that names a skill also finds the skill's canonical name
   * and the other ways the skill taxonomy knows of writing it ("golang" finds Go, "k8s" Kubernetes,
   * "ポスグレ" PostgreSQL).
   */
  public Optional<String> textQuery() {
    return SearchText.query(text, JobQuery::otherNamesOf);
  }

  /** The canonical name and the aliases of the skill a typed word names; empty for other words. */
  static List<String> otherNamesOf(String word) {
    return SkillTaxonomy.standard()
        .lookup(word)
        .map(
            entry -> {
              List<String> names = new ArrayList<>();
              names.add(entry.canonical());
              names.addAll(entry.aliases());
              return List.copyOf(names);
            })
        .orElse(List.of());
  }

  /**
   * The same search without the filter of one multiple-choice facet, first page: what that facet
   * counts, so its other values show how many jobs choosing them as well would add — how job boards
   * count a checkbox list.
   */
  public JobQuery withoutFacet(String facet) {
    return new JobQuery(
        text,
        skills,
        rateAtLeastYen,
        rateAtMostYen,
        taxIncluded,
        settlementMinAtLeast,
        settlementMaxAtMost,
        days,
        facet.equals("workStyle") ? Set.of() : workStyles,
        location,
        facet.equals("prefecture") ? Set.of() : prefectures,
        station,
        startBy,
        durationAtLeastMonths,
        durationAtMostMonths,
        facet.equals("contractType") ? Set.of() : contractTypes,
        trialAvailable,
        paymentTermsAtMost,
        facet.equals("culture") ? Set.of() : cultures,
        statuses,
        tenant,
        sort,
        null,
        limit);
  }

  private static Set<String> canonicalPrefectures(Set<String> typed) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : typed) {
      names.add(
          Prefectures.named(name)
              .orElseThrow(
                  () ->
                      new DomainException.InvalidValue(
                          "prefecture",
                          "prefecture must be one of the 47 prefectures, e.g. 東京都 or 大阪府")));
    }
    return Set.copyOf(names);
  }

  private static String limited(String value, String name, int limit) {
    if (value.codePointCount(0, value.length()) > limit) {
      throw new DomainException.InvalidValue(
          name, name + " is limited to " + limit + " characters");
    }
    return value;
  }

  /** The same search within one tenant's open jobs. */
  public JobQuery onlyOf(String tenantSlug) {
    return new JobQuery(
        text,
        skills,
        rateAtLeastYen,
        rateAtMostYen,
        taxIncluded,
        settlementMinAtLeast,
        settlementMaxAtMost,
        days,
        workStyles,
        location,
        prefectures,
        station,
        startBy,
        durationAtLeastMonths,
        durationAtMostMonths,
        contractTypes,
        trialAvailable,
        paymentTermsAtMost,
        cultures,
        statuses,
        tenantSlug,
        sort,
        cursor,
        limit);
  }

  private static String canonicalSkill(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > SkillRequirement.NAME_LIMIT) {
      throw new DomainException.InvalidValue(
          "skill", "a skill filter needs a name of at most 100 characters");
    }
    String stripped = typed.strip();
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new DomainException.InvalidValue(
          "skill", "a skill name cannot contain control characters");
    }
    return SkillTaxonomy.standard().lookup(stripped).map(e -> e.canonical()).orElse(stripped);
  }
}
