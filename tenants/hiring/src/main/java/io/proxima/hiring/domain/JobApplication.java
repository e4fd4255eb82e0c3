package io.proxima.hiring.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A freelancer's application to one job, and its way through the tenant's pipeline. Every move is
 * checked against the stage machine and the version the mover last saw, and becomes a step of the
 * history.
 *
 * <p>Not filtered by Hibernate's tenant id: the freelancer applies, reads and withdraws across
 * tenants, like a consent; row-level security decides who reaches which.
 */
@Entity
@Table(name = "job_application")
public class JobApplication {

  public static final int COVER_NOTE_LIMIT = 4000;
  public static final int REASON_LIMIT = 1000;

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "job_id", nullable = false, updatable = false)
  private UUID jobId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApplicationStage stage;

  @Column(name = "cover_note", updatable = false)
  private String coverNote;

  @Column(name = "proposed_rate_yen", updatable = false)
  private Integer proposedRateYen;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected JobApplication() {
    // for JPA
  }

  /** A new application, and the first step of its history. */
  public static Moved apply(
      UUID tenantId,
      UUID jobId,
      String freelancerSubject,
      String coverNote,
      Integer proposedRateYen,
      Instant now) {
    JobApplication application = new JobApplication();
    application.id = UUID.randomUUID();
    application.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    application.jobId = Objects.requireNonNull(jobId, "jobId");
    application.freelancerSubject = Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    application.stage = ApplicationStage.APPLIED;
    application.coverNote = Texts.optional(coverNote, "coverNote", COVER_NOTE_LIMIT);
    if (proposedRateYen != null && (proposedRateYen < 10_000 || proposedRateYen > 10_000_000)) {
      throw new DomainException.InvalidValue(
          "proposedRateYen", "proposedRateYen: a monthly rate between 10,000 and 10,000,000 yen");
    }
    application.proposedRateYen = proposedRateYen;
    application.createdAt = now;
    application.updatedAt = now;
    application.version = 1;
    return new Moved(
        application,
        StageChange.byHand(
            null, ApplicationStage.APPLIED, Actor.freelancer(freelancerSubject), null, now));
  }

  /** The application after a move, and the step it adds to the history. */
  public record Moved(JobApplication application, StageChange change) {}

  /** Staff move the application on, or reject it. */
  public Moved moveTo(
      ApplicationStage to, Actor staff, long expectedVersion, String reason, Instant now) {
    requireVersion(expectedVersion);
    if (!stage.staffMoves().contains(to)) {
      throw new DomainException.Conflict(
          "an application in " + stage + " cannot move to " + to + allowed());
    }
    return moved(to, staff, reason, now);
  }

  /** The freelancer takes the application back; final. */
  public Moved withdraw(long expectedVersion, String reason, Instant now) {
    requireVersion(expectedVersion);
    if (stage.isFinal()) {
      throw new DomainException.Conflict("the application is already " + stage);
    }
    return moved(ApplicationStage.WITHDRAWN, Actor.freelancer(freelancerSubject), reason, now);
  }

  /**
   * The freelancer agreed to an interview the staff proposed: an application still before the
   * interview stage reaches it. The step is the freelancer's: their acceptance is what moved it.
   */
  public Moved interviewAgreed(Instant now) {
    if (!stage.beforeInterview()) {
      return new Moved(this, null);
    }
    return moved(
        new StageChange(
            stage,
            ApplicationStage.INTERVIEW,
            Actor.freelancer(freelancerSubject),
            null,
            StageChange.Cause.INTERVIEW_AGREED,
            now));
  }

  /** Whether the tenant may still propose interviews. */
  public boolean interviewsPossible() {
    return stage.beforeInterview() || stage == ApplicationStage.INTERVIEW;
  }

  private Moved moved(ApplicationStage to, Actor by, String reason, Instant now) {
    return moved(
        StageChange.byHand(stage, to, by, Texts.optional(reason, "reason", REASON_LIMIT), now));
  }

  private Moved moved(StageChange change) {
    stage = change.to();
    updatedAt = change.at();
    return new Moved(this, change);
  }

  /** The mover saw the version stored; the stored version moves on when the move is stored. */
  private void requireVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "the application is at version "
              + version
              + ", not "
              + expectedVersion
              + "; reload and try again");
    }
  }

  private String allowed() {
    return stage.staffMoves().isEmpty()
        ? " (it is final)"
        : " (it can move to " + stage.staffMoves() + ")";
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID jobId() {
    return jobId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public ApplicationStage stage() {
    return stage;
  }

  public String coverNote() {
    return coverNote;
  }

  public Integer proposedRateYen() {
    return proposedRateYen;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobApplication application && Objects.equals(id, application.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
