package io.proxima.jobs.application;

import io.proxima.jobs.domain.FavouriteJobs;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The jobs a freelancer marked 気になる (to come back to), and the jobs like one they are reading. Both
 * are the freelancer's own view of open postings: a closed job drops out of the list.
 */
@ApplicationScoped
public class Favourites {

  private static final String NO_SUCH_JOB = "There is no such job.";
  public static final int LIST_LIMIT = 200;
  public static final int SIMILAR_LIMIT = 10;

  private final FavouriteJobs favourites;
  private final JobRepository jobs;
  private final TenantRepository tenants;
  private final JobSearch search;
  private final Clock clock = Clock.systemUTC();

  protected Favourites() {
    this(null, null, null, null);
  }

  @Inject
  public Favourites(
      FavouriteJobs favourites, JobRepository jobs, TenantRepository tenants, JobSearch search) {
    this.favourites = favourites;
    this.jobs = jobs;
    this.tenants = tenants;
    this.search = search;
  }

  @Transactional
  public void mark(@NotNull UUID jobId) {
    Job job = openPosting(jobId);
    favourites.mark(TenancyContext.current().requireSubject(), job.id(), clock.instant());
  }

  @Transactional
  public void unmark(@NotNull UUID jobId) {
    if (!favourites.unmark(TenancyContext.current().requireSubject(), jobId)) {
      throw new DomainException.NotFound("That job is not among your favourites.");
    }
  }

  /** The caller's favourites still open, most recently marked first. */
  @Transactional
  public List<JobSearch.JobCard> list() {
    return search.openCards(
        favourites.marked(TenancyContext.current().requireSubject(), LIST_LIMIT));
  }

  /** Open jobs like an open job, each with why (see {@link JobSearch#similarTo}). */
  @Transactional
  public List<JobSearch.SimilarJob> similarTo(@NotNull UUID jobId, int limit) {
    if (limit < 1 || limit > SIMILAR_LIMIT) {
      throw new DomainException.InvalidValue(
          "limit", "limit must be between 1 and " + SIMILAR_LIMIT);
    }
    return search.similarTo(openPosting(jobId), limit);
  }

  private Job openPosting(UUID id) {
    Job job =
        jobs.find(id)
            .filter(found -> found.status() == JobStatus.OPEN)
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
    tenants
        .findById(job.tenantId())
        .filter(Tenant::isActive)
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
    return job;
  }
}
