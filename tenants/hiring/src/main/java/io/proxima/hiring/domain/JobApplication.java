package io.proxima.hiring.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A freelancer's application to one job, and its way through the tenant's pipeline. Every move is
 * checked against the stage machine and the version the mover last saw, and becomes a step of the
 * history.
 */
public record JobApplication(
    UUID id,
    UUID tenantId,
    UUID jobId,
    String freelancerSubject,
    ApplicationStage stage,
    String coverNote,
    Integer proposedRateYen,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final int COVER_NOTE_LIMIT = 4000;
  public static final int REASON_LIMIT = 1000;

  public JobApplication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    Objects.requireNonNull(stage, "stage");
    coverNote = Texts.optional(coverNote, "coverNote", COVER_NOTE_LIMIT);
    if (proposedRateYen != null && (proposedRateYen < 10_000 || proposedRateYen > 10_000_000)) {
      throw new DomainException.InvalidValue(
          "proposedRateYen", "proposedRateYen: a monthly rate between 10,000 and 10,000,000 yen");
    }
  }

  /** A new application, and the first step of its history. */
  public static Moved apply(
      UUID tenantId,
      UUID jobId,
      String freelancerSubject,
      String coverNote,
      Integer proposedRateYen,
      Instant now) {
    JobApplication application =
        new JobApplication(
            UUID.randomUUID(),
            tenantId,
            jobId,
            freelancerSubject,
            ApplicationStage.APPLIED,
            coverNote,
            proposedRateYen,
            now,
            now,
            1);
    return new Moved(
        application,
        new StageChange(
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
   * interview stage reaches it, on the proposer's behalf.
   */
  public Moved interviewAgreed(Actor proposer, Instant now) {
    if (!stage.beforeInterview()) {
      return new Moved(this, null);
    }
    return moved(ApplicationStage.INTERVIEW, proposer, "interview time agreed", now);
  }

  /** Whether the tenant may still propose interviews. */
  public boolean interviewsPossible() {
    return stage.beforeInterview() || stage == ApplicationStage.INTERVIEW;
  }

  private Moved moved(ApplicationStage to, Actor by, String reason, Instant now) {
    JobApplication next =
        new JobApplication(
            id,
            tenantId,
            jobId,
            freelancerSubject,
            to,
            coverNote,
            proposedRateYen,
            createdAt,
            now,
            version + 1);
    return new Moved(
        next, new StageChange(stage, to, by, Texts.optional(reason, "reason", REASON_LIMIT), now));
  }

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
}
