package io.proxima.contracts.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contracts, their trail and documents, and the time reports under them. */
public interface ContractRepository {

  void add(Contract contract, byte[] document);

  Optional<Contract> find(UUID id);

  /**
   * Stores the next version if nobody stored another meanwhile, with the document sent for
   * signature when {@code document} is not null (the stored one stays otherwise).
   */
  boolean store(Contract next, byte[] document);

  void record(UUID contractId, ContractChange change);

  List<ContractChange> history(UUID contractId);

  Optional<byte[]> document(UUID contractId);

  List<Contract> ofTenant(int limit);

  /**
   * Writes a new e-signature request; false when another request for the contract was written
   * first.
   */
  boolean addEnvelope(ContractEnvelope envelope);

  Optional<ContractEnvelope> envelopeOf(UUID contractId);

  /**
   * The contract's envelope if it is due for delivery and no other transaction holds it, locked
   * until this transaction ends; empty when it is not due or another node has it.
   */
  Optional<ContractEnvelope> claimDueEnvelope(UUID contractId, java.time.Instant now);

  /** The contract's envelope, locked until this transaction ends. */
  Optional<ContractEnvelope> lockEnvelope(UUID contractId);

  /** Envelopes due for delivery, longest waiting first; needs the platform scope. */
  List<EnvelopeOwner> envelopesDue(java.time.Instant now, int limit);

  /** The contract and tenant of an envelope; needs the platform scope, callbacks have no tenant. */
  Optional<EnvelopeOwner> ownerOfEnvelope(String envelopeId);

  record EnvelopeOwner(UUID contractId, UUID tenantId) {}

  List<Contract> ofFreelancer(String subject, int limit);

  Optional<TimeReport> report(UUID contractId, YearMonth month);

  List<TimeReport> reports(UUID contractId);

  boolean add(TimeReport report);

  boolean store(TimeReport next);
}
