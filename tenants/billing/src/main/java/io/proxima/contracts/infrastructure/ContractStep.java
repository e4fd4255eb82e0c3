package io.proxima.contracts.infrastructure;

import io.proxima.contracts.domain.ContractChange;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One row of a contract's append-only trail (the schema refuses updates and deletes). Not filtered
 * by Hibernate's tenant id: the freelancer adds steps by signing from outside the tenant; row-level
 * security decides who reads and writes which.
 */
@Entity
@Immutable
@Table(name = "contract_step")
public class ContractStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private UUID contractId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Embedded private ContractChange change;

  protected ContractStep() {
    // for JPA
  }

  ContractStep(UUID contractId, UUID tenantId, String freelancerSubject, ContractChange change) {
    this.contractId = contractId;
    this.tenantId = tenantId;
    this.freelancerSubject = freelancerSubject;
    this.change = change;
  }

  ContractChange change() {
    return change;
  }
}
