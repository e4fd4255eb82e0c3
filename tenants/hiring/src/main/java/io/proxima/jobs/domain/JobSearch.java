package io.proxima.jobs.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.search.FacetCount;
import io.proxima.profile.domain.ContractType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finds jobs: a tenant's staff search their own, freelancers search every open posting. */
public interface JobSearch {

  /** Who searches decides what is searched. */
  enum Audience {
    /** The current tenant's jobs in every state. */
    TENANT_STAFF,
    /** Open jobs of every active tenant. */
    FREELANCER
  }

  Result search(JobQuery query, Audience audience);

  /**
   * Open jobs matching a freelancer's search that were published in ({@code after}, {@code
   * through}]: what a saved search's alert reports.
   *
   * @param first how many of them to return, oldest first; the count covers them all (up to the
   *     search sample)
   */
  NewPostings publishedBetween(JobQuery query, Instant after, Instant through, int first);

  /** Open jobs by id, in the order given; ids of jobs no longer open are left out. */
  List<JobCard> openCards(List<UUID> ids);

  /**
   * Open jobs like {@code job}, best first: most skills in common, then the same work style, then
   * the nearest rate. Looks among the most recent postings that share a skill, so the work is
   * bounded however common the skills are.
   */
  List<SimilarJob> similarTo(Job job, int limit);

  /**
   * New postings for an alert.
   *
   * @param count how many matched, at most the search sample
   * @param tenantId the tenant that posted the first of them
   */
  record NewPostings(long count, UUID tenantId, List<JobCard> first) {}

  /**
   * A job like another, and why.
   *
   * @param sharedSkills the skills both ask for
   * @param sameWorkStyle both remote, both hybrid or both on site
   * @param rateDifferenceYen its maximum monthly rate minus the other's; null when either has none
   */
  record SimilarJob(
      JobCard job, List<String> sharedSkills, boolean sameWorkStyle, Integer rateDifferenceYen) {}

  /**
   * One page of jobs, how many match, facet counts, and the order applied.
   *
   * @param total null on a later page (the first page has the total and the facets)
   * @param totalExact false when more matched than a search counts ({@code total} is then a lower
   *     bound and the facets count a sample of that many)
   * @param sort the order applied: relevance gives way to newest first when too many match for a
   *     ranking to mean much
   */
  record Result(
      List<JobCard> jobs,
      Long total,
      Boolean totalExact,
      Map<String, List<FacetCount>> facets,
      JobQuery.Sort sort,
      String nextCursor) {}

  /**
   * A job as a result list shows it.
   *
   * @param workspaceName the client company; only for the tenant's own staff
   */
  record JobCard(
      UUID id,
      String tenantSlug,
      String tenantName,
      String workspaceName,
      String title,
      String excerpt,
      List<String> requiredSkills,
      List<String> preferredSkills,
      Integer rateMinYen,
      Integer rateMaxYen,
      boolean rateTaxIncluded,
      Integer settlementMinHours,
      Integer settlementMaxHours,
      int daysMin,
      int daysMax,
      WorkStyle workStyle,
      String location,
      String prefecture,
      String station,
      LocalDate startDate,
      Integer durationMonths,
      ContractType contractType,
      boolean trialAvailable,
      Integer paymentTermsDays,
      Culture culture,
      JobStatus status,
      Instant publishedAt,
      Instant updatedAt) {}
}
