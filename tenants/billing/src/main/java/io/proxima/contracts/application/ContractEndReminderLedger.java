package io.proxima.contracts.application;

import io.proxima.contracts.domain.ContractRepository;
import io.proxima.contracts.domain.ContractRepository.Ending;
import io.proxima.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The transactions of {@link ContractEndReminders}: what is due (in the platform scope), marking a
 * contract as reminded and undoing it (in the contract's tenant), and the audit record. The mail
 * goes between them, outside any transaction.
 */
@ApplicationScoped
public class ContractEndReminderLedger {

  static final int BATCH = 100;

  private final ContractRepository contracts;
  private final AuditLog audit;

  protected ContractEndReminderLedger() {
    this(null, null);
  }

  @Inject
  public ContractEndReminderLedger(ContractRepository contracts, AuditLog audit) {
    this.contracts = contracts;
    this.audit = audit;
  }

  @Transactional
  public List<Ending> due(LocalDate from, LocalDate to) {
    return contracts.endingUnreminded(from, to, BATCH);
  }

  @Transactional
  public boolean mark(UUID contractId, LocalDate endDate) {
    return contracts.markEndReminded(contractId, endDate);
  }

  @Transactional
  public void unmark(UUID contractId, LocalDate endDate) {
    contracts.unmarkEndReminded(contractId, endDate);
  }

  @Transactional
  public void reminded(Ending contract, int recipients) {
    audit.record(
        "contract.end-reminded",
        contract.tenantId(),
        contract.contractId().toString(),
        "endDate=" + contract.endDate() + " recipients=" + recipients);
  }
}
