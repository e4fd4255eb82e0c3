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

  /** One page of jobs, how many match in all, and facet counts over all of them. */
  record Result(
      List<JobCard> jobs, long total, Map<String, List<FacetCount>> facets, String nextCursor) {}

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
