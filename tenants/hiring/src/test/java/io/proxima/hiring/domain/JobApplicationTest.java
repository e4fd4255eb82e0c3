package io.proxima.hiring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobApplicationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
  private static final Actor RECRUITER = Actor.staff("recruiter-1");

  private static JobApplication applied() {
    return JobApplication.apply(UUID.randomUUID(), UUID.randomUUID(), "f-1", " よろしく ", 700_000, NOW)
        .application();
  }

  @Test
  void anApplicationGoesThroughThePipelineOneCheckedStepAtATime() {
    JobApplication.Moved first =
        JobApplication.apply(UUID.randomUUID(), UUID.randomUUID(), "f-1", null, null, NOW);
    assertThat(first.change().from()).isNull();
    assertThat(first.change().to()).isEqualTo(ApplicationStage.APPLIED);
    assertThat(first.change().by()).isEqualTo(Actor.freelancer("f-1"));

    JobApplication a = first.application();
    for (ApplicationStage to :
        List.of(
            ApplicationStage.SCREENING,
            ApplicationStage.INTERVIEW,
            ApplicationStage.OFFER,
            ApplicationStage.TRIAL,
            ApplicationStage.CONTRACTED)) {
      ApplicationStage from = a.stage();
      // Each move is checked against the version read; the repository moves it on when stored.
      JobApplication.Moved moved = a.moveTo(to, RECRUITER, a.version(), null, NOW);
      assertThat(moved.change().from()).isEqualTo(from);
      assertThat(moved.change().to()).isEqualTo(to);
      assertThat(moved.application().stage()).isEqualTo(to);
      a = moved.application();
    }
    assertThat(a.stage().isFinal()).isTrue();
    JobApplication contracted = a;
    assertThatThrownBy(
            () ->
                contracted.moveTo(
                    ApplicationStage.REJECTED, RECRUITER, contracted.version(), null, NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("final");
    assertThatThrownBy(() -> contracted.withdraw(contracted.version(), null, NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void screeningAndTrialAreOptionalButStagesAreNotSkippedOtherwise() {
    assertThat(
            applied()
                .moveTo(ApplicationStage.INTERVIEW, RECRUITER, 1, null, NOW)
                .application()
                .stage())
        .isEqualTo(ApplicationStage.INTERVIEW);
    JobApplication a = applied();
    assertThatThrownBy(() -> a.moveTo(ApplicationStage.OFFER, RECRUITER, 1, null, NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("SCREENING");
    assertThatThrownBy(() -> a.moveTo(ApplicationStage.WITHDRAWN, RECRUITER, 1, null, NOW))
        .as("only the freelancer withdraws")
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(a.stage()).as("a refused move changes nothing").isEqualTo(ApplicationStage.APPLIED);
    JobApplication offer =
        a.moveTo(ApplicationStage.INTERVIEW, RECRUITER, 1, null, NOW)
            .application()
            .moveTo(ApplicationStage.OFFER, RECRUITER, 1, null, NOW)
            .application();
    assertThat(offer.moveTo(ApplicationStage.CONTRACTED, RECRUITER, 1, "即決", NOW).change().reason())
        .isEqualTo("即決");
  }

  @Test
  void aStaleVersionIsRefused() {
    JobApplication a = applied();
    assertThatThrownBy(() -> a.moveTo(ApplicationStage.SCREENING, RECRUITER, 7, null, NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("version 1");
    assertThatThrownBy(() -> a.withdraw(2, null, NOW)).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void theFreelancerWithdrawsFromAnyOpenStage() {
    JobApplication.Moved withdrawn =
        applied().withdraw(1, "別案件で決まりました", NOW.plus(Duration.ofDays(1)));
    assertThat(withdrawn.application().stage()).isEqualTo(ApplicationStage.WITHDRAWN);
    assertThat(withdrawn.change().by()).isEqualTo(Actor.freelancer("f-1"));
    assertThat(withdrawn.application().coverNote()).isEqualTo("よろしく");
  }

  @Test
  void agreeingToAnInterviewReachesTheInterviewStageOnceCreditedToTheFreelancer() {
    JobApplication a = applied();
    JobApplication.Moved agreed = a.interviewAgreed(NOW);
    assertThat(agreed.application().stage()).isEqualTo(ApplicationStage.INTERVIEW);
    assertThat(agreed.change().by())
        .as("the freelancer's acceptance moved it, not the recruiter who proposed the times")
        .isEqualTo(Actor.freelancer(a.freelancerSubject()));
    assertThat(agreed.change().cause()).isEqualTo(StageChange.Cause.INTERVIEW_AGREED);
    assertThat(agreed.change().reason())
        .as("no English sentence for the page to show as if someone wrote it")
        .isNull();
    assertThat(agreed.application().interviewAgreed(NOW).change())
        .as("a second interview does not move it again")
        .isNull();
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(
            () -> JobApplication.apply(UUID.randomUUID(), UUID.randomUUID(), "f", null, 5, NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                JobApplication.apply(
                    UUID.randomUUID(), UUID.randomUUID(), "f", "x".repeat(4001), null, NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
