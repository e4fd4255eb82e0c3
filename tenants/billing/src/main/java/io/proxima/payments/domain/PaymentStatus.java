package io.proxima.payments.domain;

/** Where one payment stands. */
public enum PaymentStatus {
  /** Started, money not yet confirmed by the provider. */
  PENDING,
  /** The money arrived. */
  SUCCEEDED,
  /** The last attempt failed; a card payment may still succeed with another card. */
  FAILED
}
