package io.proxima.scouts.api;

import io.proxima.scouts.application.Scouting;
import io.proxima.scouts.domain.Scout;
import io.proxima.scouts.domain.ScoutAllowance;
import io.proxima.scouts.domain.ScoutStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Scouts as the API shows them. */
public final class ScoutViews {

  private ScoutViews() {}

  /** What the staff send: the freelancer, optionally one of the tenant's open jobs, a message. */
  public record ScoutRequest(
      @Schema(required = true) String freelancerId,
      @Schema(description = "an open job of the tenant's, once per freelancer") UUID jobId,
      @Schema(required = true, example = "ぜひ一度お話を") String message) {}

  /** The freelancer's answer; the text is optional. */
  public record ScoutAnswer(@Schema(example = "お願いします") String answer) {}

  /**
   * @param messageSeq the scout's place in the conversation, for opening the chat at it
   */
  public record ScoutView(
      UUID id,
      String freelancerId,
      UUID jobId,
      String sentBy,
      String message,
      long messageSeq,
      ScoutStatus status,
      Instant sentAt,
      Instant answeredAt,
      String answer) {
    static ScoutView of(Scout s) {
      return new ScoutView(
          s.id(),
          s.freelancerSubject(),
          s.jobId(),
          s.sentBy(),
          s.message(),
          s.messageSeq(),
          s.status(),
          s.sentAt(),
          s.answeredAt(),
          s.answer());
    }
  }

  /** A scout as its freelancer sees it: which tenant wrote, not which staff member. */
  public record ReceivedScoutView(
      UUID id,
      String tenantSlug,
      String tenantName,
      UUID jobId,
      String message,
      long messageSeq,
      ScoutStatus status,
      Instant sentAt,
      Instant answeredAt,
      String answer) {
    static ReceivedScoutView of(Scouting.Received received) {
      Scout s = received.scout();
      return new ReceivedScoutView(
          s.id(),
          received.tenantSlug(),
          received.tenantName(),
          s.jobId(),
          s.message(),
          s.messageSeq(),
          s.status(),
          s.sentAt(),
          s.answeredAt(),
          s.answer());
    }
  }

  /**
   * @param month the first day of the month the allowance is for, Japan time
   * @param renewsOn the day a fresh allowance starts, at 00:00 Japan time
   */
  public record AllowanceView(
      LocalDate month, int limit, int used, int remaining, LocalDate renewsOn) {
    static AllowanceView of(ScoutAllowance a) {
      return new AllowanceView(a.month(), a.limit(), a.used(), a.remaining(), a.renewsOn());
    }
  }
}
