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

  /**
   * Active contracts ending between the two days whose people were not reminded of that end date
   * yet, soonest first; needs the platform scope.
   */
  List<Ending> endingUnreminded(java.time.LocalDate from, java.time.LocalDate to, int limit);

  /**
   * Marks the contract as reminded of {@code endDate}; false when it is no longer active, ends on
   * another day, or another node marked it first. Runs in the contract's tenant.
   */
  boolean markEndReminded(UUID contractId, java.time.LocalDate endDate);

  /**
   * Undoes {@link #markEndReminded} when no reminder could be sent, so the next run tries again.
   */
  void unmarkEndReminded(UUID contractId, java.time.LocalDate endDate);

  /** An active contract about to end, with what its reminder says. */
  record Ending(
      UUID contractId,
      UUID tenantId,
      String freelancerSubject,
      String title,
      String freelancerName,
      java.time.LocalDate endDate,
      int renewalMonths) {}

  List<Contract> ofFreelancer(String subject, int limit);

  Optional<TimeReport> report(UUID contractId, YearMonth month);

  List<TimeReport> reports(UUID contractId);

  boolean add(TimeReport report);

  boolean store(TimeReport next);
}
