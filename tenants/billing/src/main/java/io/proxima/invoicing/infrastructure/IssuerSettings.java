package io.proxima.invoicing.infrastructure;

import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.RegistrationNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The tenant's issuer settings, one row per tenant keyed by the tenant itself (so it is found by
 * the tenant's id rather than filtered by it); row-level security keeps each tenant to its own.
 */
@Entity
@Table(name = "invoice_issuer")
public class IssuerSettings {

  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Convert(converter = RegistrationNumber.Stored.class)
  @Column(name = "registration_number", nullable = false)
  private RegistrationNumber registration;

  private String address;

  @Column(name = "bank_account")
  private String bankAccount;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected IssuerSettings() {
    // for JPA
  }

  IssuerSettings(UUID tenantId, InvoiceIssuer issuer, Instant now) {
    this.tenantId = tenantId;
    this.version = 1;
    change(issuer, now);
  }

  void change(InvoiceIssuer issuer, Instant now) {
    this.name = issuer.name();
    this.registration = issuer.registration();
    this.address = issuer.address();
    this.bankAccount = issuer.bankAccount();
    this.updatedAt = now;
  }

  InvoiceIssuer issuer() {
    return new InvoiceIssuer(name, registration, address, bankAccount);
  }
}
