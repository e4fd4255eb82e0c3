package io.proxima.contracts.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * The document a contract was sent with and its SHA-256, on the contract's own row. Kept apart from
 * {@link io.proxima.contracts.domain.Contract} so that reading contracts never loads the PDF, and
 * written in one statement because the schema wants both columns set or neither.
 */
@Entity
@Table(name = "contract")
public class ContractDocument {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, insertable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "document_sha256")
  private String sha256;

  @Column(name = "document")
  private byte[] bytes;

  protected ContractDocument() {
    // for JPA
  }

  /** Fixes the document; the schema refuses to replace one already fixed. */
  void fix(String sha256, byte[] bytes) {
    this.sha256 = sha256;
    this.bytes = bytes;
  }

  byte[] bytes() {
    return bytes;
  }
}
