package io.proxima.payments.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment towards an invoice: a card payment the provider confirms later, or a bank transfer
 * that arrived. {@code reference} is the provider's id for it (a PaymentIntent id, or the statement
 * line's fingerprint), so the same money is never recorded twice.
 *
 * @param amountYen asked for a card payment; what arrived once it succeeded
 * @param payerName the transfer's payer (振込依頼人) as the bank printed it, NFKC-normalized
 * @param receivedOn the day the bank credited it; null for cards
 */
public record Payment(
    UUID id,
    UUID invoiceId,
    PaymentMethod method,
    String reference,
    long amountYen,
    PaymentStatus status,
    String payerName,
    LocalDate receivedOn,
    Instant createdAt,
    Instant updatedAt) {

  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(status, "status");
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("a payment needs the provider's reference");
    }
    if (amountYen <= 0) {
      throw new IllegalArgumentException("a payment is a positive amount of yen");
    }
  }

  public static Payment cardStarted(UUID invoiceId, String reference, long amountYen, Instant at) {
    return new Payment(
        UUID.randomUUID(),
        invoiceId,
        PaymentMethod.CARD,
        reference,
        amountYen,
        PaymentStatus.PENDING,
        null,
        null,
        at,
        at);
  }

  public static Payment transferReceived(
      UUID invoiceId,
      String reference,
      long amountYen,
      String payerName,
      LocalDate receivedOn,
      Instant at) {
    return new Payment(
        UUID.randomUUID(),
        invoiceId,
        PaymentMethod.BANK_TRANSFER,
        reference,
        amountYen,
        PaymentStatus.SUCCEEDED,
        payerName,
        receivedOn,
        at,
        at);
  }

  /** The provider confirmed the money; {@code receivedYen} is what it says arrived. */
  public Payment succeeded(long receivedYen, Instant at) {
    if (status == PaymentStatus.SUCCEEDED) {
      return this;
    }
    return new Payment(
        id,
        invoiceId,
        method,
        reference,
        receivedYen > 0 ? receivedYen : amountYen,
        PaymentStatus.SUCCEEDED,
        payerName,
        receivedOn,
        createdAt,
        at);
  }

  /**
   * An attempt failed. Money that arrived stays arrived: a late failure event for a payment that
   * already succeeded is refused rather than undoing it.
   */
  public Payment failed(Instant at) {
    if (status == PaymentStatus.SUCCEEDED) {
      throw new DomainException.Conflict("a payment that succeeded does not fail afterwards");
    }
    return new Payment(
        id,
        invoiceId,
        method,
        reference,
        amountYen,
        PaymentStatus.FAILED,
        payerName,
        receivedOn,
        createdAt,
        at);
  }

  public boolean received() {
    return status == PaymentStatus.SUCCEEDED;
  }
}
