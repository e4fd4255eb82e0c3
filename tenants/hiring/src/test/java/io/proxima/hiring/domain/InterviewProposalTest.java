package io.proxima.hiring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.hiring.domain.InterviewProposal.Slot;
import io.proxima.platform.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterviewProposalTest {

  private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
  private static final Slot TOMORROW =
      new Slot(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plusSeconds(3600));
  private static final Slot LATER =
      new Slot(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)).plusSeconds(1800));

  private static JobApplication application() {
    return JobApplication.apply(UUID.randomUUID(), UUID.randomUUID(), "f-1", null, null, NOW)
        .application();
  }

  private static InterviewProposal proposal() {
    return InterviewProposal.propose(
        application(), List.of(TOMORROW, LATER), "渋谷オフィス", "https://meet.example/abc", "r", NOW);
  }

  @Test
  void theFreelancerPicksOneOfTheTimesOnce() {
    InterviewProposal accepted = proposal().accept(LATER.start(), NOW.plusSeconds(60));
    assertThat(accepted.status()).isEqualTo(InterviewProposal.Status.ACCEPTED);
    assertThat(accepted.chosen()).isEqualTo(LATER);
    assertThatThrownBy(() -> accepted.decline(null, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> accepted.cancel(NOW)).isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> proposal().accept(NOW.plusSeconds(5), NOW))
        .as("not one of the proposed times")
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> proposal().accept(TOMORROW.start(), TOMORROW.start().plusSeconds(1)))
        .as("a time already passed")
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void slotsMustBeFewFutureDistinctAndShort() {
    assertThatThrownBy(
            () -> InterviewProposal.propose(application(), List.of(), null, null, "r", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                InterviewProposal.propose(
                    application(), List.of(TOMORROW, TOMORROW), null, null, "r", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                InterviewProposal.propose(
                    application(),
                    List.of(new Slot(NOW.minusSeconds(60), NOW.plusSeconds(60))),
                    null,
                    null,
                    "r",
                    NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Slot(NOW, NOW.plus(Duration.ofHours(5))))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Slot(NOW, NOW)).isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                InterviewProposal.propose(
                    application(), List.of(TOMORROW), null, "javascript:alert(1)", "r", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void aDeclineKeepsTheFreelancersWords() {
    InterviewProposal declined = proposal().decline("  来週でお願いします ", NOW);
    assertThat(declined.status()).isEqualTo(InterviewProposal.Status.DECLINED);
    assertThat(declined.answer()).isEqualTo("来週でお願いします");
    assertThat(proposal().cancel(NOW).status()).isEqualTo(InterviewProposal.Status.CANCELLED);
  }
}
