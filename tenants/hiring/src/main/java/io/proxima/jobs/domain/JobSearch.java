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
