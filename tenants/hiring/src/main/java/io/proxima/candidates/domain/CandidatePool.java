package io.proxima.candidates.domain;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.search.FacetCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The freelancers sharing with the current tenant, as its staff search them. */
public interface CandidatePool {

  Result search(CandidateQuery query);

  /**
   * One page, how many match, facet counts and the order applied; see {@code JobSearch.Result} for
   * {@code totalExact} and {@code sort}.
   */
  record Result(
      List<CandidateCard> candidates,
      Long total,
      Boolean totalExact,
      Map<String, List<FacetCount>> facets,
      CandidateQuery.Sort sort,
      String nextCursor) {}

  /**
   * A candidate as a result list shows them.
   *
   * @param status null until the freelancer sets an availability
   * @param rateMinYen the live rate when set, else the profile's desired minimum
   */
  record CandidateCard(
      String freelancerId,
      String displayName,
      String title,
      List<String> skills,
      AvailabilityStatus status,
      LocalDate availableFrom,
      Integer daysPerWeek,
      WorkStyle workStyle,
      Integer rateMinYen,
      Integer rateMaxYen,
      List<String> locations,
      Instant sharedAt,
      Instant updatedAt) {}
}
