package io.proxima.jobs.api;

import io.proxima.jobs.application.JobBoard;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.jobs.domain.JobTemplate;
import java.time.Instant;
import java.util.UUID;

/** The JSON shapes of jobs. */
public final class JobViews {

  private JobViews() {}

  /** A job as its tenant's staff see it. */
  public record JobView(
      UUID id,
      JobStatus status,
      long version,
      JobDetails details,
      String postedBy,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      Instant closedAt) {
    static JobView of(Job job) {
      return new JobView(
          job.id(),
          job.status(),
          job.version(),
          job.details(),
          job.postedBy(),
          job.createdAt(),
          job.updatedAt(),
          job.publishedAt(),
          job.closedAt());
    }
  }

  /** An open job as freelancers see it: no client workspace, no staff names. */
  public record PostingView(
      UUID id,
      String tenantSlug,
      String tenantName,
      JobDetails details,
      Instant publishedAt,
      Instant updatedAt) {
    public static PostingView of(JobBoard.Posting posting) {
      Job job = posting.job();
      JobDetails d = job.details();
      JobDetails shown =
          new JobDetails(
              null,
              d.title(),
              d.description(),
              d.requiredSkills(),
              d.preferredSkills(),
              d.rateMinYen(),
              d.rateMaxYen(),
              d.rateTaxIncluded(),
              d.settlementMinHours(),
              d.settlementMaxHours(),
              d.daysMin(),
              d.daysMax(),
              d.workStyle(),
              d.location(),
              d.prefecture(),
              d.station(),
              d.startDate(),
              d.durationMonths(),
              d.contractType(),
              d.trialAvailable(),
              d.paymentTermsDays(),
              d.culture());
      return new PostingView(
          job.id(),
          posting.tenantSlug(),
          posting.tenantName(),
          shown,
          job.publishedAt(),
          job.updatedAt());
    }
  }

  /** A revision of a job, made on {@code expectedVersion}. */
  public record JobEdit(JobDetails details, long expectedVersion) {}

  /** A state change (publish, close) made on {@code expectedVersion}. */
  public record VersionedChange(long expectedVersion) {}

  public record TemplateEdit(String name, JobDetails details) {}

  /** A job template as its tenant's staff see it. */
  public record TemplateView(
      UUID id, String name, JobDetails details, Instant createdAt, Instant updatedAt) {
    static TemplateView of(JobTemplate template) {
      return new TemplateView(
          template.id(),
          template.name(),
          template.details(),
          template.createdAt(),
          template.updatedAt());
    }
  }
}
