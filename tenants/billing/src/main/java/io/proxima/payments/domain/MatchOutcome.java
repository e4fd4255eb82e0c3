package io.proxima.payments.domain;

/** What a statement credit was found to pay. */
public enum MatchOutcome {
  /** It names an open invoice and pays exactly what is owed: recorded as paid. */
  MATCHED,
  /** It names an open invoice and pays less: recorded, the rest still owed. */
  PARTIAL,
  /** It names an open invoice and pays more: recorded, the difference to settle with the payer. */
  OVERPAID,
  /** It names no invoice, but exactly one open invoice owes this amount: staff confirm it. */
  SUGGESTED,
  /** Nothing to pay with it without a person looking: unknown number, no or several candidates. */
  UNMATCHED,
  /** The same credit came with an earlier import and paid an invoice then. */
  ALREADY_IMPORTED;

  /** Whether importing the credit records a payment at once. */
  public boolean pays() {
    return this == MATCHED || this == PARTIAL || this == OVERPAID;
  }
}
