package io.proxima.scouts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoutTest {

  private static final Instant SENT = Instant.parse("2026-11-20T01:00:00Z");

  private static Scout sent(String message) {
    return new Scout(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "f-1",
        null,
        "recruiter-1",
        message,
        3,
        ScoutStatus.SENT,
        Scout.quotaMonthOf(SENT),
        SENT,
        null,
        null);
  }

  @Test
  void theAllowanceMonthIsJapans() {
    // 2026-11-30T16:00Z is already 1 December in Tokyo.
    assertThat(Scout.quotaMonthOf(Instant.parse("2026-11-30T16:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Scout.quotaMonthOf(Instant.parse("2026-11-30T14:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void anAnswerIsFinal() {
    Scout accepted = sent("ぜひ一度お話を").accept("  お願いします ", SENT.plusSeconds(60));
    assertThat(accepted.status()).isEqualTo(ScoutStatus.ACCEPTED);
    assertThat(accepted.answer()).isEqualTo("お願いします");
    assertThat(accepted.answeredAt()).isEqualTo(SENT.plusSeconds(60));
    assertThatThrownBy(() -> accepted.decline(null, SENT.plusSeconds(120)))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(sent("x").decline(" ", SENT).answer()).as("a blank answer is no answer").isNull();
  }

  @Test
  void aScoutNeedsAMessageWithinTheLimit() {
    assertThatThrownBy(() -> sent("  ")).isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> sent("あ".repeat(Scout.MESSAGE_LIMIT + 1)))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThat(sent("あ".repeat(Scout.MESSAGE_LIMIT)).message()).hasSize(Scout.MESSAGE_LIMIT);
    assertThatThrownBy(() -> sent("x").accept("a".repeat(Scout.ANSWER_LIMIT + 1), SENT))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void theAllowanceRenewsOnTheFirstOfTheNextMonth() {
    ScoutAllowance allowance = new ScoutAllowance(LocalDate.of(2026, 12, 1), 20, 25);
    assertThat(allowance.remaining()).isZero();
    assertThat(allowance.renewsOn()).isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
