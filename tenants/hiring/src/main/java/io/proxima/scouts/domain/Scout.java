package io.proxima.scouts.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.PlainText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A scout (スカウト): a tenant's direct approach to a freelancer who shares with it, optionally about
 * one of its open jobs, delivered as a message in their conversation and counted against the
 * tenant's monthly allowance. The freelancer accepts (they are interested: the conversation goes
 * on) or declines.
 *
 * @param messageSeq the conversation message the scout was delivered as
 * @param quotaMonth the first day of the month (Japan time) whose allowance it was counted against
 */
public record Scout(
    UUID id,
    UUID tenantId,
    String freelancerSubject,
    UUID jobId,
    String sentBy,
    String message,
    long messageSeq,
    ScoutStatus status,
    LocalDate quotaMonth,
    Instant sentAt,
    Instant answeredAt,
    String answer) {

  public static final int MESSAGE_LIMIT = 4000;
  public static final int ANSWER_LIMIT = 1000;

  // Allowances are monthly in the customer's calendar: a scout sent at 08:00 on the 1st in Tokyo
  // counts against the new month, though it is still the previous month in UTC.
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  public Scout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    Objects.requireNonNull(status, "status");
    message = checkedMessage(message);
  }

  /** The month whose allowance a scout sent at {@code at} is counted against. */
  public static LocalDate quotaMonthOf(Instant at) {
    return LocalDate.ofInstant(at, JAPAN).withDayOfMonth(1);
  }

  /** The text a scout may carry: not blank, at most {@value #MESSAGE_LIMIT} characters. */
  public static String checkedMessage(String message) {
    if (message == null || message.isBlank()) {
      throw new DomainException.InvalidValue("message", "message: a scout needs a message");
    }
    // Checked here, under the scout's own name for it: the conversation would refuse the same
    // characters as its "body".
    String stripped = PlainText.require(message.strip(), "message");
    if (stripped.codePointCount(0, stripped.length()) > MESSAGE_LIMIT) {
      throw new DomainException.InvalidValue(
          "message", "message: a scout is limited to " + MESSAGE_LIMIT + " characters");
    }
    return stripped;
  }

  public Scout accept(String answer, Instant now) {
    return answered(ScoutStatus.ACCEPTED, answer, now);
  }

  public Scout decline(String answer, Instant now) {
    return answered(ScoutStatus.DECLINED, answer, now);
  }

  private Scout answered(ScoutStatus to, String answer, Instant now) {
    if (status != ScoutStatus.SENT) {
      throw new DomainException.Conflict(
          "the scout was already " + status.name().toLowerCase() + "; an answer is final");
    }
    String text = answer == null || answer.isBlank() ? null : answer.strip();
    if (text != null && text.codePointCount(0, text.length()) > ANSWER_LIMIT) {
      throw new DomainException.InvalidValue(
          "answer", "answer: at most " + ANSWER_LIMIT + " characters");
    }
    return new Scout(
        id,
        tenantId,
        freelancerSubject,
        jobId,
        sentBy,
        message,
        messageSeq,
        to,
        quotaMonth,
        sentAt,
        now,
        text);
  }
}
