package io.proxima.jobs.api;

import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.SavedSearch;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of saved searches, favourites and similar jobs. */
public final class JobSearchViews {

  private JobSearchViews() {}

  /**
   * A search to save.
   *
   * @param query the search page's query string (the filters; sort, cursor and limit are dropped)
   * @param alerts tell me when new jobs match it (default true)
   */
  public record SavedSearchRequest(
      // No example: a person's names are unique, and the generated requests save several.
      @Schema(required = true, maxLength = 100) String name,
      @Schema(
              required = true,
              maxLength = 2000,
              example = "q=golang&workStyle=REMOTE&rateAtLeast=700000")
          String query,
      @Schema(example = "true") Boolean alerts) {}

  /** A rename or an alert switch, made on {@code expectedVersion}; null leaves a part as is. */
  public record SavedSearchChange(
      @Schema(maxLength = 100) String name,
      @Schema(example = "false") Boolean alerts,
      @Schema(required = true, example = "1") long expectedVersion) {}

  /**
   * A saved search.
   *
   * @param tenantSlug the tenant portal it searches, or null for every tenant's jobs
   * @param lastAlertedAt when it last found new jobs, and {@code lastAlertJobs} how many
   */
  public record SavedSearchView(
      UUID id,
      String name,
      String query,
      String tenantSlug,
      boolean alerts,
      Instant matchedThrough,
      Instant lastAlertedAt,
      Integer lastAlertJobs,
      int alertsSent,
      Instant createdAt,
      long version) {
    static SavedSearchView of(SavedSearch saved) {
      return new SavedSearchView(
          saved.id(),
          saved.name(),
          saved.query(),
          saved.tenantSlug(),
          saved.alerts(),
          saved.matchedThrough(),
          saved.lastAlertedAt(),
          saved.lastAlertJobs(),
          saved.alertsSent(),
          saved.createdAt(),
          saved.version());
    }
  }

  /** The caller's favourite jobs still open, most recently marked first. */
  public record FavouritesView(List<JobSearch.JobCard> jobs) {}
}
