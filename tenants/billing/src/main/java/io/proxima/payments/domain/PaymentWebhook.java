package io.proxima.payments.domain;

import java.util.Optional;
import java.util.UUID;

/** Events the card payment provider pushes: verified before anything in them is believed. */
public interface PaymentWebhook {

  /**
   * Checks the signature and reads the event.
   *
   * @throws io.proxima.platform.error.DomainException.InvalidValue when the signature, its
   *     timestamp or the payload is not right
   */
  PaymentEvent verify(String payload, String signatureHeader);

  /**
   * A verified provider event about a card payment.
   *
   * @param eventId the provider's event id, the same on every redelivery
   * @param tenantId and {@code invoiceId}: from the metadata the payment was started with; empty
   *     for payments Proxima did not start
   */
  record PaymentEvent(
      String eventId,
      String type,
      Outcome outcome,
      String reference,
      Optional<UUID> tenantId,
      Optional<UUID> invoiceId,
      long amountReceivedYen) {

    public enum Outcome {
      SUCCEEDED,
      FAILED,
      /** An event Proxima does not act on. */
      OTHER
    }
  }
}
