package io.proxima.payments.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A statement credit as imported: what it was matched to, and for a suggestion, who confirmed it.
 */
@Entity
@Table(name = "bank_statement_entry")
public class StatementEntry {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  /** Written through the statement's list of entries. */
  @Column(name = "statement_id", insertable = false, updatable = false)
  private UUID statementId;

  @Embedded private BankStatementLine line;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private MatchOutcome outcome;

  @Column(name = "invoice_id", updatable = false)
  private UUID invoiceId;

  /** Printed, e.g. INV-000123; null when unmatched. */
  @Column(name = "invoice_number", updatable = false)
  private String invoiceNumber;

  @Column(name = "outstanding_before", nullable = false, updatable = false)
  private long outstandingBeforeYen;

  @Column(nullable = false, updatable = false)
  private String reason;

  /** The payment it recorded, once it recorded one. */
  @Column(name = "payment_id")
  private UUID paymentId;

  @Column(name = "confirmed_by")
  private String confirmedBy;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Version private long version;

  protected StatementEntry() {
    // for JPA
  }

  public StatementEntry(
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
    this.id = Objects.requireNonNull(id, "id");
    this.statementId = statementId;
    this.line = Objects.requireNonNull(line, "line");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.invoiceId = invoiceId;
    this.invoiceNumber = invoiceNumber;
    this.outstandingBeforeYen = outstandingBeforeYen;
    this.reason = reason;
    this.paymentId = paymentId;
    this.confirmedBy = confirmedBy;
    this.confirmedAt = confirmedAt;
    this.version = 1;
  }

  public boolean confirmed() {
    return confirmedAt != null;
  }

  /** A suggestion a person accepted: it now pays its invoice with {@code payment}. */
  public StatementEntry confirm(UUID payment, String by, Instant at) {
    requireConfirmable();
    paymentId = payment;
    confirmedBy = by;
    confirmedAt = at;
    return this;
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

  public UUID id() {
    return id;
  }

  public UUID statementId() {
    return statementId;
  }

  public BankStatementLine line() {
    return line;
  }

  public MatchOutcome outcome() {
    return outcome;
  }

  public UUID invoiceId() {
    return invoiceId;
  }

  public String invoiceNumber() {
    return invoiceNumber;
  }

  public long outstandingBeforeYen() {
    return outstandingBeforeYen;
  }

  public String reason() {
    return reason;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public String confirmedBy() {
    return confirmedBy;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StatementEntry entry && Objects.equals(id, entry.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
