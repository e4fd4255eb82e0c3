package io.proxima.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A freelancer opened a job: a signal for recommendations and the posting tenant's view count.
 * Written by the freelancer outside the tenant, so not filtered by Hibernate's tenant id; row-level
 * security lets the freelancer record only their own looks and the tenant read its jobs'. Never
 * changed once written.
 */
@Entity
@Table(name = "job_view")
public class JobViewed {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false, updatable = false)
  private UUID jobId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "viewed_at", nullable = false, updatable = false)
  private Instant viewedAt;

  protected JobViewed() {
    // for JPA
  }

  public JobViewed(UUID jobId, UUID tenantId, String freelancerSubject, Instant viewedAt) {
    this.jobId = Objects.requireNonNull(jobId);
    this.tenantId = Objects.requireNonNull(tenantId);
    this.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    this.viewedAt = Objects.requireNonNull(viewedAt);
  }

  public UUID jobId() {
    return jobId;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public Instant viewedAt() {
    return viewedAt;
  }
}
