package io.proxima.contracts.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An envelope sent to an e-signature provider; its callbacks arrive without a tenant and find the
 * contract through the envelope id, in the platform scope.
 */
@Entity
@Table(name = "contract_envelope")
public class ContractEnvelope {

  @Id
  @Column(name = "contract_id")
  private UUID contractId;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "envelope_id", nullable = false, updatable = false)
  private String envelopeId;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  protected ContractEnvelope() {
    // for JPA
  }

  ContractEnvelope(UUID contractId, UUID tenantId, String envelopeId, Instant sentAt) {
    this.contractId = contractId;
    this.tenantId = tenantId;
    this.envelopeId = envelopeId;
    this.sentAt = sentAt;
  }

  UUID contractId() {
    return contractId;
  }

  UUID tenantId() {
    return tenantId;
  }

  String envelopeId() {
    return envelopeId;
  }
}
