package io.proxima.payments.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.UUID;

/**
 * A statement credit as imported: what it was matched to, and for a suggestion, who confirmed it.
 *
 * @param invoiceNumber printed, e.g. INV-000123; null when unmatched
 * @param paymentId the payment it recorded, once it recorded one
 */
public record StatementEntry(
    UUID id,
    UUID statementId,
    BankStatementLine line,
    MatchOutcome outcome,
    UUID invoiceId,
    String invoiceNumber,
    long outstandingBeforeYen,
    String reason,
    UUID paymentId,
    String confirmedBy,
    Instant confirmedAt) {

  public boolean confirmed() {
    return confirmedAt != null;
  }

  /** A suggestion a person accepted: it now pays its invoice with {@code payment}. */
  public StatementEntry confirm(UUID payment, String by, Instant at) {
    requireConfirmable();
    return new StatementEntry(
        id,
        statementId,
        line,
        outcome,
        invoiceId,
        invoiceNumber,
        outstandingBeforeYen,
        reason,
        payment,
        by,
        at);
  }

  /** Only a suggestion nobody confirmed yet can be confirmed. */
  public void requireConfirmable() {
    if (outcome != MatchOutcome.SUGGESTED) {
      throw new DomainException.Conflict("only a suggested match is confirmed; this is " + outcome);
    }
    if (confirmed()) {
      throw new DomainException.Conflict("this match was confirmed already");
    }
  }
}
