package io.proxima.contracts.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A contract's way through an e-signature provider, and the outbox entry that gets it there. It is
 * written in the transaction that asks for e-signature, {@link Status#PENDING} with an idempotency
 * key; a delivery worker later claims it, calls the provider with that key and stores the envelope
 * id the provider answers. Its callbacks arrive without a tenant and find the contract through the
 * envelope id, in the platform scope. On completion it keeps the signed document and the provider's
 * certificate of completion, checked against the document that went out.
 */
@Entity
@Table(name = "contract_envelope")
public class ContractEnvelope {

  public static final int ERROR_LIMIT = 500;

  public enum Status {
    /** Written, not yet accepted by the provider; the portal shows it as 送信中. */
    PENDING,
    /** The provider holds the envelope; the signers have it. */
    SENT,
    /** The provider refused it for good, or gave up retrying; staff may ask again. */
    FAILED,
    /** Both sides signed; the signed document and certificate are stored. */
    COMPLETED
  }

  @Id
  @Column(name = "contract_id")
  private UUID contractId;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "envelope_id")
  private String envelopeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_round", nullable = false)
  private int requestRound;

  @Column(name = "document_sha256", updatable = false)
  private String documentSha256;

  @Column(name = "client_signer_name")
  private String clientSignerName;

  @Column(name = "client_signer_email")
  private String clientSignerEmail;

  @Column(name = "freelancer_signer_email")
  private String freelancerSignerEmail;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "signed_document")
  private byte[] signedDocument;

  @Column(name = "signed_document_sha256")
  private String signedDocumentSha256;

  @Column(name = "certificate")
  private byte[] certificate;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected ContractEnvelope() {
    // for JPA
  }

  /** Asks for e-signature of a sent contract: due at once, delivered after the commit. */
  public static ContractEnvelope request(
      Contract contract,
      String clientSignerName,
      String clientSignerEmail,
      String freelancerSignerEmail,
      Instant now) {
    if (contract.status() != ContractStatus.AWAITING_SIGNATURES
        || contract.documentSha256() == null) {
      throw new DomainException.Conflict(
          "send the contract first; only a fixed document goes out for e-signature (it is "
              + contract.status()
              + ")");
    }
    ContractEnvelope envelope = new ContractEnvelope();
    envelope.contractId = contract.id();
    envelope.tenantId = contract.tenantId();
    envelope.documentSha256 = contract.documentSha256();
    envelope.requestRound = 1;
    envelope.asked(clientSignerName, clientSignerEmail, freelancerSignerEmail, now);
    return envelope;
  }

  /**
   * Asks again after the provider refused the envelope for good. A new round has a new key: the
   * provider must not answer it with the refusal it remembered for the old one.
   */
  public void requestAgain(
      String clientSignerName,
      String clientSignerEmail,
      String freelancerSignerEmail,
      Instant now) {
    if (status != Status.FAILED) {
      throw new DomainException.Conflict("the contract is already out for e-signature");
    }
    requestRound++;
    asked(clientSignerName, clientSignerEmail, freelancerSignerEmail, now);
  }

  private void asked(String clientName, String clientEmail, String freelancerEmail, Instant now) {
    this.status = Status.PENDING;
    this.idempotencyKey = idempotencyKey(contractId, documentSha256, requestRound);
    this.clientSignerName = clientName;
    this.clientSignerEmail = clientEmail;
    this.freelancerSignerEmail = freelancerEmail;
    this.requestedAt = now;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.lastError = null;
  }

  /** One key per contract, document and round: the same request twice is the same envelope. */
  static String idempotencyKey(UUID contractId, String documentSha256, int round) {
    return "proxima-" + contractId + "-" + documentSha256.substring(0, 16) + "-" + round;
  }

  /** Whether a worker may take it now. */
  public boolean due(Instant now) {
    return status == Status.PENDING && !nextAttemptAt.isAfter(now);
  }

  /**
   * A worker takes it until {@code leaseUntil}: no other node starts the same call before then, and
   * if this one dies mid-call the row becomes due again and the key makes the repeat harmless.
   */
  public void claim(Instant now, Instant leaseUntil) {
    if (!due(now)) {
      throw new IllegalStateException("envelope of " + contractId + " is not due");
    }
    attempts++;
    nextAttemptAt = leaseUntil;
  }

  /** The provider accepted it under this id. */
  public void delivered(String envelopeId, Instant now) {
    if (status != Status.PENDING) {
      return;
    }
    this.envelopeId = envelopeId;
    this.status = Status.SENT;
    this.sentAt = now;
    this.nextAttemptAt = null;
    this.lastError = null;
  }

  /** A transient failure: it stays pending and is tried again at {@code retryAt}. */
  public void retryAt(Instant retryAt, String error) {
    if (status != Status.PENDING) {
      return;
    }
    this.nextAttemptAt = retryAt;
    this.lastError = limited(error);
  }

  /** The provider refused it, or retries are exhausted: it needs a person. */
  public void failed(String error) {
    if (status != Status.PENDING) {
      return;
    }
    this.status = Status.FAILED;
    this.nextAttemptAt = null;
    this.lastError = limited(error);
  }

  /**
   * Keeps the signed document and the certificate of completion. The caller has checked the
   * document against the hash the provider reports and the one that went out; this only refuses
   * what cannot belong here.
   */
  public void completed(
      String envelopeId, byte[] document, String documentSha256, byte[] certificate, Instant now) {
    if (status == Status.COMPLETED) {
      return;
    }
    if (status != Status.SENT || !envelopeId.equals(this.envelopeId)) {
      throw new DomainException.Conflict("the envelope is not out for signature");
    }
    this.signedDocument = document;
    this.signedDocumentSha256 = documentSha256;
    this.certificate = certificate;
    this.completedAt = now;
    this.status = Status.COMPLETED;
  }

  private static String limited(String error) {
    return error == null || error.length() <= ERROR_LIMIT ? error : error.substring(0, ERROR_LIMIT);
  }

  public UUID contractId() {
    return contractId;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String envelopeId() {
    return envelopeId;
  }

  public Status status() {
    return status;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** The hash of the document that went out; null on rows from before the outbox. */
  public String documentSha256() {
    return documentSha256;
  }

  public String clientSignerName() {
    return clientSignerName;
  }

  public String clientSignerEmail() {
    return clientSignerEmail;
  }

  public String freelancerSignerEmail() {
    return freelancerSignerEmail;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public byte[] signedDocument() {
    return signedDocument;
  }

  public String signedDocumentSha256() {
    return signedDocumentSha256;
  }

  public byte[] certificate() {
    return certificate;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
