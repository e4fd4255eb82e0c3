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
    Builder without = toBuilder().cursor(null);
    return switch (facet) {
      case "workStyle" -> without.workStyles(Set.of()).build();
      case "prefecture" -> without.prefectures(Set.of()).build();
      case "contractType" -> without.contractTypes(Set.of()).build();
      case "culture" -> without.cultures(Set.of()).build();
      default -> without.build();
    };
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
    return toBuilder().tenant(tenantSlug).build();
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

  /** A search with nothing set but a page of {@code limit}; every filter unset. */
  public static Builder builder(int limit) {
    return new Builder().limit(limit);
  }

  /** This search, to change a few of its parts. */
  public Builder toBuilder() {
    return new Builder()
        .text(text)
        .skills(skills)
        .rateAtLeastYen(rateAtLeastYen)
        .rateAtMostYen(rateAtMostYen)
        .taxIncluded(taxIncluded)
        .settlementMinAtLeast(settlementMinAtLeast)
        .settlementMaxAtMost(settlementMaxAtMost)
        .days(days)
        .workStyles(workStyles)
        .location(location)
        .prefectures(prefectures)
        .station(station)
        .startBy(startBy)
        .durationAtLeastMonths(durationAtLeastMonths)
        .durationAtMostMonths(durationAtMostMonths)
        .contractTypes(contractTypes)
        .trialAvailable(trialAvailable)
        .paymentTermsAtMost(paymentTermsAtMost)
        .cultures(cultures)
        .statuses(statuses)
        .tenant(tenant)
        .sort(sort)
        .cursor(cursor)
        .limit(limit);
  }

  /** The parts of a search, checked together by {@link #build()}. */
  public static final class Builder {
    private String text;
    private List<String> skills;
    private Integer rateAtLeastYen;
    private Integer rateAtMostYen;
    private Boolean taxIncluded;
    private Integer settlementMinAtLeast;
    private Integer settlementMaxAtMost;
    private Integer days;
    private Set<WorkStyle> workStyles;
    private String location;
    private Set<String> prefectures;
    private String station;
    private LocalDate startBy;
    private Integer durationAtLeastMonths;
    private Integer durationAtMostMonths;
    private Set<ContractType> contractTypes;
    private Boolean trialAvailable;
    private Integer paymentTermsAtMost;
    private Set<Culture> cultures;
    private Set<JobStatus> statuses;
    private String tenant;
    private Sort sort;
    private String cursor;
    private int limit;

    private Builder() {}

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder skills(List<String> skills) {
      this.skills = skills;
      return this;
    }

    public Builder rateAtLeastYen(Integer rateAtLeastYen) {
      this.rateAtLeastYen = rateAtLeastYen;
      return this;
    }

    public Builder rateAtMostYen(Integer rateAtMostYen) {
      this.rateAtMostYen = rateAtMostYen;
      return this;
    }

    public Builder taxIncluded(Boolean taxIncluded) {
      this.taxIncluded = taxIncluded;
      return this;
    }

    public Builder settlementMinAtLeast(Integer settlementMinAtLeast) {
      this.settlementMinAtLeast = settlementMinAtLeast;
      return this;
    }

    public Builder settlementMaxAtMost(Integer settlementMaxAtMost) {
      this.settlementMaxAtMost = settlementMaxAtMost;
      return this;
    }

    public Builder days(Integer days) {
      this.days = days;
      return this;
    }

    public Builder workStyles(Set<WorkStyle> workStyles) {
      this.workStyles = workStyles;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder prefectures(Set<String> prefectures) {
      this.prefectures = prefectures;
      return this;
    }

    public Builder station(String station) {
      this.station = station;
      return this;
    }

    public Builder startBy(LocalDate startBy) {
      this.startBy = startBy;
      return this;
    }

    public Builder durationAtLeastMonths(Integer durationAtLeastMonths) {
      this.durationAtLeastMonths = durationAtLeastMonths;
      return this;
    }

    public Builder durationAtMostMonths(Integer durationAtMostMonths) {
      this.durationAtMostMonths = durationAtMostMonths;
      return this;
    }

    public Builder contractTypes(Set<ContractType> contractTypes) {
      this.contractTypes = contractTypes;
      return this;
    }

    public Builder trialAvailable(Boolean trialAvailable) {
      this.trialAvailable = trialAvailable;
      return this;
    }

    public Builder paymentTermsAtMost(Integer paymentTermsAtMost) {
      this.paymentTermsAtMost = paymentTermsAtMost;
      return this;
    }

    public Builder cultures(Set<Culture> cultures) {
      this.cultures = cultures;
      return this;
    }

    public Builder statuses(Set<JobStatus> statuses) {
      this.statuses = statuses;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public JobQuery build() {
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
          tenant,
          sort,
          cursor,
          limit);
    }
  }
}
