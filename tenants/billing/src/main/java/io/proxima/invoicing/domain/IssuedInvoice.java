package io.proxima.invoicing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * An invoice as stored: its id, who issued it and when. Issued means final — the schema refuses any
 * update — so it is immutable here too and needs no version: nothing ever races to change it. The
 * sums per tax rate are stored beside the lines for reports and reconciliation.
 */
@Entity
@Immutable
@Table(name = "invoice")
public class IssuedInvoice {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Embedded private Invoice invoice;

  @Column(name = "taxable_standard", nullable = false)
  private long taxableStandardYen;

  @Column(name = "tax_standard", nullable = false)
  private long taxStandardYen;

  @Column(name = "taxable_reduced", nullable = false)
  private long taxableReducedYen;

  @Column(name = "tax_reduced", nullable = false)
  private long taxReducedYen;

  @Column(name = "total", nullable = false)
  private long totalYen;

  /** The issuer's address and bank account as the settings had them when this was issued. */
  @Column(name = "issuer_address")
  private String issuerAddress;

  @Column(name = "issuer_bank_account")
  private String issuerBankAccount;

  @Column(name = "issued_by", nullable = false)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  protected IssuedInvoice() {
    // for JPA
  }

  public IssuedInvoice(UUID id, Invoice invoice, String issuedBy, Instant issuedAt) {
    this(id, invoice, null, null, issuedBy, issuedAt);
  }

  public IssuedInvoice(
      UUID id,
      Invoice invoice,
      String issuerAddress,
      String issuerBankAccount,
      String issuedBy,
      Instant issuedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.issuerAddress = issuerAddress;
    this.issuerBankAccount = issuerBankAccount;
    this.invoice = Objects.requireNonNull(invoice, "invoice");
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
    for (TaxSummary summary : invoice.taxSummaries()) {
      if (summary.rate() == TaxRate.STANDARD) {
        taxableStandardYen = summary.taxableYen();
        taxStandardYen = summary.taxYen();
      } else {
        taxableReducedYen = summary.taxableYen();
        taxReducedYen = summary.taxYen();
      }
    }
    this.totalYen = invoice.totalYen();
  }

  public UUID id() {
    return id;
  }

  public Invoice invoice() {
    return invoice;
  }

  public String issuerAddress() {
    return issuerAddress;
  }

  public String issuerBankAccount() {
    return issuerBankAccount;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IssuedInvoice issued && Objects.equals(id, issued.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  @Override
  public String toString() {
    return "IssuedInvoice[" + id + ", " + invoice.number() + "]";
  }
}
