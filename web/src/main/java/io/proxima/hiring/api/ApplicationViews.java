package io.proxima.hiring.api;

import io.proxima.hiring.application.Hiring;
import io.proxima.hiring.domain.ApplicationNote;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.hiring.domain.InterviewProposal;
import io.proxima.hiring.domain.JobApplication;
import io.proxima.hiring.domain.StageChange;
import io.proxima.jobs.domain.Job;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Applications as the API shows them: staff see notes, freelancers never do. */
public final class ApplicationViews {

  private ApplicationViews() {}

  public record ApplyRequest(
      @Schema(example = "決済システムの経験があります") String coverNote,
      @Schema(example = "800000", minimum = "0") Integer proposedRateYen) {}

  public record MoveRequest(
      @Schema(required = true, example = "SCREENING") ApplicationStage to,
      @Schema(required = true, description = "the version the caller saw; 409 when stale")
          Long expectedVersion,
      String reason) {}

  public record WithdrawRequest(
      @Schema(required = true) Long expectedVersion,
      @Schema(example = "別の案件に決まりました") String reason) {}

  public record NoteRequest(@Schema(required = true, example = "技術面接の評価: 良好") String body) {}

  public record SlotView(
      @Schema(required = true, description = "in the future") Instant start,
      @Schema(required = true, description = "after start, at most 4 hours later") Instant end) {}

  public record ProposeRequest(
      // 1 to 5 times to choose from (no @Schema on a list of records: Payara loses its $ref)
      List<SlotView> slots,
      @Schema(example = "本社 3F 会議室") String location,
      @Schema(example = "https://meet.example.jp/interview") String meetingUrl) {}

  public record AcceptRequest(
      @Schema(required = true, description = "the start of one of the proposed slots")
          Instant start) {}

  public record DeclineRequest(String answer) {}

  public record ApplicationView(
      UUID id,
      UUID jobId,
      String freelancerId,
      ApplicationStage stage,
      String coverNote,
      Integer proposedRateYen,
      Instant createdAt,
      Instant updatedAt,
      long version,
      boolean freelancerErased) {
    static ApplicationView of(JobApplication a) {
      return of(a, false);
    }

    /** {@code erased}: the freelancer deleted their account (staff show 「退会したユーザー」). */
    static ApplicationView of(JobApplication a, boolean erased) {
      return new ApplicationView(
          a.id(),
          a.jobId(),
          a.freelancerSubject(),
          a.stage(),
          a.coverNote(),
          a.proposedRateYen(),
          a.createdAt(),
          a.updatedAt(),
          a.version(),
          erased);
    }
  }

  /**
   * @param reason what the person wrote, as written
   * @param cause why the platform took the step (the page words it in the reader's language)
   */
  public record StepView(
      ApplicationStage from,
      ApplicationStage to,
      String by,
      String side,
      String reason,
      StageChange.Cause cause,
      Instant at) {
    static StepView of(StageChange c) {
      return new StepView(
          c.from(), c.to(), c.by().subject(), c.by().side().name(), c.reason(), c.cause(), c.at());
    }
  }

  public record NoteView(UUID id, String author, String body, Instant writtenAt) {
    static NoteView of(ApplicationNote n) {
      return new NoteView(n.id(), n.author(), n.body(), n.writtenAt());
    }
  }

  public record InterviewView(
      UUID id,
      List<SlotView> slots,
      String location,
      String meetingUrl,
      InterviewProposal.Status status,
      SlotView chosen,
      String answer,
      Instant proposedAt,
      Instant answeredAt) {
    static InterviewView of(InterviewProposal p) {
      return new InterviewView(
          p.id(),
          p.slots().stream().map(ApplicationViews::slot).toList(),
          p.location(),
          p.meetingUrl(),
          p.status(),
          p.chosen() == null ? null : slot(p.chosen()),
          p.answer(),
          p.proposedAt(),
          p.answeredAt());
    }
  }

  /**
   * @param jobTitle null when the reader no longer sees the job (a freelancer, once it closed)
   * @param notes the staff's internal notes; always empty for the freelancer
   */
  public record DossierView(
      ApplicationView application,
      String jobTitle,
      List<StepView> history,
      List<NoteView> notes,
      List<InterviewView> interviews) {
    static DossierView of(Hiring.Dossier d) {
      Job job = d.job();
      return new DossierView(
          ApplicationView.of(d.application()),
          job == null ? null : job.details().title(),
          d.history().stream().map(StepView::of).toList(),
          d.notes().stream().map(NoteView::of).toList(),
          d.interviews().stream().map(InterviewView::of).toList());
    }
  }

  static List<InterviewProposal.Slot> slots(ProposeRequest request) {
    return request.slots() == null
        ? List.of()
        : request.slots().stream()
            .map(s -> new InterviewProposal.Slot(s.start(), s.end()))
            .toList();
  }

  private static SlotView slot(InterviewProposal.Slot s) {
    return new SlotView(s.start(), s.end());
  }
}
