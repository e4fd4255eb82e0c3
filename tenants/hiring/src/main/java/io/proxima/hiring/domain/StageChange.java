package io.proxima.hiring.domain;

import java.time.Instant;

/**
 * One step of an application's history.
 *
 * @param from null for the application itself
 * @param reason what a person wrote, shown as written
 * @param cause why the platform took the step on its own, for the reader's language to word; null
 *     for a step someone took by hand
 */
public record StageChange(
    ApplicationStage from, ApplicationStage to, Actor by, String reason, Cause cause, Instant at) {

  /** Steps the platform takes as the consequence of something a person did elsewhere. */
  public enum Cause {
    /** The freelancer accepted one of the times an interview was proposed for. */
    INTERVIEW_AGREED
  }

  /** A step someone took by hand, with what they wrote (if anything). */
  public static StageChange byHand(
      ApplicationStage from, ApplicationStage to, Actor by, String reason, Instant at) {
    return new StageChange(from, to, by, reason, null, at);
  }
}
