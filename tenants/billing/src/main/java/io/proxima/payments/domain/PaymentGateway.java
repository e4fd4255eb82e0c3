package io.proxima.payments.domain;

import io.proxima.platform.text.Digests;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** The card payment provider, as the payments context needs it. */
public interface PaymentGateway {

  /** Stripe's limits for a JPY charge. */
  long MINIMUM_YEN = 50;

  long MAXIMUM_YEN = 99_999_999;

  /**
   * Starts (or, on a retry, finds again) a card payment for an issued invoice.
   *
   * @throws io.proxima.platform.error.DomainException.Unavailable when the provider cannot be
   *     reached or is not configured; retrying the same request is safe
   */
  CardPaymentStarted start(CardPaymentRequest request);

  /**
   * The publishable key the payer's browser loads the provider's card form with; empty when card
   * payments are not set up, which the portal explains instead of offering a form that must fail.
   */
  Optional<String> publishableKey();

  /** A card payment of an invoice, in yen. */
  record CardPaymentRequest(UUID tenantId, UUID invoiceId, String invoiceNumber, long amountYen) {

    public CardPaymentRequest {
      if (amountYen < MINIMUM_YEN || amountYen > MAXIMUM_YEN) {
        throw new io.proxima.platform.error.DomainException.Conflict(
            "a card payment is between "
                + MINIMUM_YEN
                + " and "
                + MAXIMUM_YEN
                + " yen; this invoice asks "
                + amountYen);
      }
    }

    /**
     * The same for every retry of the same payment, so a retried or doubled request finds the
     * provider's first payment instead of charging twice. The amount is part of it: once a partial
     * bank transfer changed what is owed, a new payment for the rest is a different payment.
     */
    public String idempotencyKey() {
      byte[] digest = Digests.sha256(tenantId + "|" + invoiceId + "|" + amountYen);
      return "proxima-invoice-" + HexFormat.of().formatHex(digest, 0, 16);
    }
  }

  /**
   * @param reference the provider's id of the payment
   * @param clientSecret what the payer's browser needs to confirm it with the provider
   * @param providerStatus the provider's own word for the state, e.g. requires_payment_method
   */
  record CardPaymentStarted(
      String reference,
      String clientSecret,
      long amountYen,
      PaymentStatus status,
      String providerStatus) {}
}
