package io.proxima.hiring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One stored step of an application's history: a {@link StageChange} filed under the application's
 * tenant and freelancer, so each side reads its own. Written by the freelancer as well as the
 * staff, hence not filtered by Hibernate's tenant id; never changed once written.
 */
@Entity
@Table(name = "job_application_step")
@Immutable
public class ApplicationStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false)
  private String freelancerSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_stage")
  private ApplicationStage from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_stage", nullable = false)
  private ApplicationStage to;

  @Embedded private Actor by;

  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "cause")
  private StageChange.Cause cause;

  @Column(nullable = false)
  private Instant at;

  protected ApplicationStep() {
    // for JPA
  }

  public ApplicationStep(JobApplication application, StageChange change) {
    this.applicationId = application.id();
    this.tenantId = application.tenantId();
    this.freelancerSubject = application.freelancerSubject();
    this.from = change.from();
    this.to = change.to();
    this.by = change.by();
    this.reason = change.reason();
    this.cause = change.cause();
    this.at = change.at();
  }

  public StageChange change() {
    return new StageChange(from, to, by, reason, cause, at);
  }
}
