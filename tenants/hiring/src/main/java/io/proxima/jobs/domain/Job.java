package io.proxima.jobs.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's job. Drafts are private to the tenant; an open job is a posting any freelancer can
 * find; a closed one stays for its applications' history. Versioned like a profile: an edit made on
 * an older version is refused rather than silently overwriting a colleague's.
 */
public final class Job {

  private final UUID id;
  private final UUID tenantId;
  private final JobDetails details;
  private final JobStatus status;
  private final String postedBy;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Instant publishedAt;
  private final Instant closedAt;
  private final long version;

  public Job(
      UUID id,
      UUID tenantId,
      JobDetails details,
      JobStatus status,
      String postedBy,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      Instant closedAt,
      long version) {
    this.id = Objects.requireNonNull(id);
    this.tenantId = Objects.requireNonNull(tenantId);
    this.details = Objects.requireNonNull(details);
    this.status = Objects.requireNonNull(status);
    this.postedBy = Objects.requireNonNull(postedBy);
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.publishedAt = publishedAt;
    this.closedAt = closedAt;
    this.version = version;
  }

  public static Job draft(UUID tenantId, JobDetails details, String postedBy, Instant now) {
    return new Job(
        UUID.randomUUID(), tenantId, details, JobStatus.DRAFT, postedBy, now, now, null, null, 1);
  }

  /** The job with new details; drafts and open jobs may change, closed ones are history. */
  public Job revise(JobDetails edited, long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status == JobStatus.CLOSED) {
      throw new DomainException.Conflict("a closed job cannot be edited; reopen it first");
    }
    return new Job(
        id, tenantId, edited, status, postedBy, createdAt, now, publishedAt, closedAt, version + 1);
  }

  public Job publish(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status == JobStatus.OPEN) {
      throw new DomainException.Conflict("the job is already open");
    }
    Instant published = publishedAt == null ? now : publishedAt;
    return new Job(
        id,
        tenantId,
        details,
        JobStatus.OPEN,
        postedBy,
        createdAt,
        now,
        published,
        null,
        version + 1);
  }

  public Job close(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status != JobStatus.OPEN) {
      throw new DomainException.Conflict("only an open job can be closed");
    }
    return new Job(
        id,
        tenantId,
        details,
        JobStatus.CLOSED,
        postedBy,
        createdAt,
        now,
        publishedAt,
        now,
        version + 1);
  }

  private void requireVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "the job is at version " + version + ", the change was made on " + expectedVersion);
    }
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public JobDetails details() {
    return details;
  }

  public JobStatus status() {
    return status;
  }

  public String postedBy() {
    return postedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public long version() {
    return version;
  }
}
