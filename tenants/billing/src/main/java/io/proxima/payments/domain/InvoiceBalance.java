package io.proxima.payments.domain;

import io.proxima.platform.error.DomainException;
import java.util.List;
import java.util.UUID;

/**
 * An invoice's payments against its total: the aggregate the payment rules are checked on. Only
 * money that arrived counts; pending card payments do not.
 */
public record InvoiceBalance(
    UUID invoiceId, String invoiceNumber, long totalYen, List<Payment> payments) {

  public InvoiceBalance {
    payments = List.copyOf(payments);
  }

  public long receivedYen() {
    return payments.stream().filter(Payment::received).mapToLong(Payment::amountYen).sum();
  }

  /** What is still owed; negative when overpaid. */
  public long outstandingYen() {
    return totalYen - receivedYen();
  }

  public InvoiceStanding standing() {
    long received = receivedYen();
    if (received == 0) {
      return InvoiceStanding.UNPAID;
    }
    if (received < totalYen) {
      return InvoiceStanding.PARTIALLY_PAID;
    }
    return received == totalYen ? InvoiceStanding.PAID : InvoiceStanding.OVERPAID;
  }

  /** The amount a new card payment asks for: what is outstanding, refused once nothing is. */
  public long amountForCard() {
    if (outstandingYen() <= 0) {
      throw new DomainException.Conflict(
          "invoice " + invoiceNumber + " is paid already (" + standing() + ")");
    }
    return outstandingYen();
  }
}
