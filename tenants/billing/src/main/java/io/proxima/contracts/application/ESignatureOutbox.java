package io.proxima.contracts.application;

import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractEnvelope;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.contracts.domain.ContractStatus;
import io.proxima.contracts.domain.Party;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The e-signature outbox's transactions: what is due, taking one entry for a call to the provider,
 * and writing down how the call went. The call itself happens between them, outside any transaction
 * (see {@link ESignatureDelivery}), so no database row is held while the provider is slow. Each
 * runs in the entry's tenant except {@link #due}.
 */
@ApplicationScoped
public class ESignatureOutbox {

  /** Longer than a call can take (token exchange and send, each retried once on a 401). */
  static final Duration LEASE = Duration.ofSeconds(90);

  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(15);

  private final ContractRepository contracts;
  private final AuditLog audit;
  private final int maxAttempts;
  private final Clock clock;

  protected ESignatureOutbox() {
    this(null, null, 0, Clock.systemUTC());
  }

  @Inject
  public ESignatureOutbox(
      ContractRepository contracts,
      AuditLog audit,
      @ConfigProperty(name = "proxima.esign.outbox.max-attempts", defaultValue = "12")
          int maxAttempts) {
    this(contracts, audit, maxAttempts, Clock.systemUTC());
  }

  ESignatureOutbox(ContractRepository contracts, AuditLog audit, int maxAttempts, Clock clock) {
    this.contracts = contracts;
    this.audit = audit;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /** A claimed entry: everything the provider call needs, read while the row was locked. */
  public record Delivery(
      UUID tenantId,
      UUID contractId,
      String idempotencyKey,
      ESignatureProvider.Envelope envelope) {}

  /**
   * Entries due now in every tenant, longest waiting first; the caller is in the platform scope.
   */
  @Transactional
  public List<ContractRepository.EnvelopeOwner> due(@Min(1) @Max(1000) int limit) {
    return contracts.envelopesDue(clock.instant(), limit);
  }

  /**
   * Takes the contract's entry if it is due and no other node has it, for {@link #LEASE}; empty
   * otherwise. The attempt counts from here, so an entry whose worker died is not tried forever.
   */
  @Transactional
  public Optional<Delivery> claim(@NotNull UUID contractId) {
    Instant now = clock.instant();
    Optional<ContractEnvelope> due = contracts.claimDueEnvelope(contractId, now);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    ContractEnvelope envelope = due.get();
    envelope.claim(now, now.plus(LEASE));
    Contract contract = contracts.find(contractId).orElseThrow();
    if (contract.status() != ContractStatus.AWAITING_SIGNATURES) {
      // Cancelled, or signed by click meanwhile: nobody is to be asked to sign any more.
      envelope.failed("the contract is " + contract.status() + "; nothing left to sign");
      return Optional.empty();
    }
    byte[] document = contracts.document(contractId).orElseThrow();
    return Optional.of(
        new Delivery(
            envelope.tenantId(),
            contractId,
            envelope.idempotencyKey(),
            new ESignatureProvider.Envelope(
                contractId,
                contract.terms().title(),
                document,
                List.of(
                    new ESignatureProvider.Signer(
                        Party.CLIENT, envelope.clientSignerName(), envelope.clientSignerEmail()),
                    new ESignatureProvider.Signer(
                        Party.FREELANCER,
                        contract.terms().freelancerName(),
                        envelope.freelancerSignerEmail())))));
  }

  /** The provider holds the envelope under this id. */
  @Transactional
  public void delivered(@NotNull UUID contractId, @NotBlank String envelopeId) {
    ContractEnvelope envelope = contracts.lockEnvelope(contractId).orElseThrow();
    if (envelope.status() != ContractEnvelope.Status.PENDING) {
      return;
    }
    envelope.delivered(envelopeId, clock.instant());
    audit.record(
        "contract.e-signature.sent", envelope.tenantId(), contractId.toString(), envelopeId);
  }

  /**
   * The call failed. A transient failure is tried again later, after the provider's Retry-After and
   * an interval that doubles with each attempt; a refusal, or the last attempt, ends it as failed
   * for staff to see and ask again.
   */
  @Transactional
  public void failed(@NotNull UUID contractId, @NotNull DomainException failure) {
    ContractEnvelope envelope = contracts.lockEnvelope(contractId).orElseThrow();
    if (envelope.status() != ContractEnvelope.Status.PENDING) {
      return;
    }
    Instant now = clock.instant();
    if (failure instanceof DomainException.Unavailable unavailable
        && envelope.attempts() < maxAttempts) {
      Duration wait = backoff(envelope.attempts());
      Duration asked = Duration.ofSeconds(unavailable.retryAfterSeconds());
      envelope.retryAt(now.plus(asked.compareTo(wait) > 0 ? asked : wait), failure.getMessage());
      return;
    }
    envelope.failed(failure.getMessage());
    audit.record(
        "contract.e-signature.failed",
        envelope.tenantId(),
        contractId.toString(),
        envelope.lastError());
  }

  /** 2 s, 4 s, 8 s … up to a quarter of an hour, after the given number of attempts. */
  static Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }
}
