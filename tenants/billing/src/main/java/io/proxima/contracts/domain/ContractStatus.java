package io.proxima.contracts.domain;

/** Where a contract stands; only the moves {@link Contract} allows happen. */
public enum ContractStatus {
  /** Terms still being agreed; the staff may change them. */
  DRAFT,
  /** The document is fixed and waits for both signatures. */
  AWAITING_SIGNATURES,
  /** Signed by both sides: work and time reports happen under it. */
  ACTIVE,
  /** A trial that became a main contract. */
  CONVERTED,
  /** Ran to its end date. */
  ENDED,
  /** Ended early by one side. */
  TERMINATED,
  /** Withdrawn before both had signed. */
  CANCELLED;

  public boolean isFinal() {
    return this == CONVERTED || this == ENDED || this == TERMINATED || this == CANCELLED;
  }
}
