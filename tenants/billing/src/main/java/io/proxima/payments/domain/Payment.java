package io.proxima.payments.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One payment towards an invoice: a card payment the provider confirms later, or a bank transfer
 * that arrived. {@code reference} is the provider's id for it (a PaymentIntent id, or the statement
 * line's fingerprint), so the same money is never recorded twice.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private UUID invoiceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private PaymentMethod method;

  @Column(nullable = false, updatable = false)
  private String reference;

  /** Asked for a card payment; what arrived once it succeeded. */
  @Column(name = "amount_yen", nullable = false)
  private long amountYen;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  /** The transfer's payer (振込依頼人) as the bank printed it, NFKC-normalized. */
  @Column(name = "payer_name", updatable = false)
  private String payerName;

  /** The day the bank credited it; null for cards. */
  @Column(name = "received_on", updatable = false)
  private LocalDate receivedOn;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Payment() {
    // for JPA
  }

  private Payment(
      UUID invoiceId,
      PaymentMethod method,
      String reference,
      long amountYen,
      PaymentStatus status,
      String payerName,
      LocalDate receivedOn,
      Instant at) {
    this.id = UUID.randomUUID();
    this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
    this.method = Objects.requireNonNull(method, "method");
    this.status = Objects.requireNonNull(status, "status");
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("a payment needs the provider's reference");
    }
    if (amountYen <= 0) {
      throw new IllegalArgumentException("a payment is a positive amount of yen");
    }
    this.reference = reference;
    this.amountYen = amountYen;
    this.payerName = payerName;
    this.receivedOn = receivedOn;
    this.createdAt = at;
    this.updatedAt = at;
    this.version = 1;
  }

  public static Payment cardStarted(UUID invoiceId, String reference, long amountYen, Instant at) {
    return new Payment(
        invoiceId, PaymentMethod.CARD, reference, amountYen, PaymentStatus.PENDING, null, null, at);
  }

  public static Payment transferReceived(
      UUID invoiceId,
      String reference,
      long amountYen,
      String payerName,
      LocalDate receivedOn,
      Instant at) {
    return new Payment(
        invoiceId,
        PaymentMethod.BANK_TRANSFER,
        reference,
        amountYen,
        PaymentStatus.SUCCEEDED,
        payerName,
        receivedOn,
        at);
  }

  /** The provider confirmed the money; {@code receivedYen} is what it says arrived. */
  public Payment succeeded(long receivedYen, Instant at) {
    if (status == PaymentStatus.SUCCEEDED) {
      return this;
    }
    amountYen = receivedYen > 0 ? receivedYen : amountYen;
    status = PaymentStatus.SUCCEEDED;
    updatedAt = at;
    return this;
  }

  /**
   * An attempt failed. Money that arrived stays arrived: a late failure event for a payment that
   * already succeeded is refused rather than undoing it.
   */
  public Payment failed(Instant at) {
    if (status == PaymentStatus.SUCCEEDED) {
      throw new DomainException.Conflict("a payment that succeeded does not fail afterwards");
    }
    status = PaymentStatus.FAILED;
    updatedAt = at;
    return this;
  }

  public boolean received() {
    return status == PaymentStatus.SUCCEEDED;
  }

  public UUID id() {
    return id;
  }

  public UUID invoiceId() {
    return invoiceId;
  }

  public PaymentMethod method() {
    return method;
  }

  public String reference() {
    return reference;
  }

  public long amountYen() {
    return amountYen;
  }

  public PaymentStatus status() {
    return status;
  }

  public String payerName() {
    return payerName;
  }

  public LocalDate receivedOn() {
    return receivedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Payment payment && Objects.equals(id, payment.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
