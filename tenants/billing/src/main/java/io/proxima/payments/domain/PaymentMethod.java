package io.proxima.payments.domain;

/** How money reaches the tenant for an invoice. */
public enum PaymentMethod {
  /** A card charged through the payment provider (Stripe PaymentIntent). */
  CARD,
  /** A bank transfer (銀行振込) found on an imported statement. */
  BANK_TRANSFER
}
