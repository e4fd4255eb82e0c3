package io.proxima.contracts.application;

import io.proxima.contracts.domain.Party;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An e-signature service that collects both signatures on the fixed contract document, as an
 * alternative to clicking "sign" in the portal.
 */
public interface ESignatureProvider {

  /** Whether the platform has a provider configured; without one only click-to-sign exists. */
  boolean configured();

  /**
   * Sends the document to both signers and returns the provider's envelope id. A second call with
   * the same idempotency key returns the envelope the first one created, so a retry after a lost
   * answer never sends the signers a second envelope.
   *
   * @throws io.proxima.platform.error.DomainException.Unavailable when trying again later may help
   *     (its retry-after says when the provider asked to be called again)
   * @throws io.proxima.platform.error.DomainException.UpstreamFailed when the provider refused the
   *     envelope and the same request will never succeed
   */
  String send(Envelope envelope, String idempotencyKey);

  /**
   * Checks that a callback really comes from the provider and reads which signers completed.
   *
   * @throws io.proxima.platform.error.DomainException.InvalidValue when the signature is missing or
   *     wrong, or the callback cannot be read (a signed date that is no date included)
   */
  Completion verify(byte[] body, String signatureHeader);

  /**
   * The signed document and the certificate of completion of a completed envelope, with the hashes
   * the provider reports for them; the caller checks them.
   *
   * @throws io.proxima.platform.error.DomainException.Unavailable when the provider cannot answer
   *     now
   */
  SignedDocuments signedDocuments(String envelopeId);

  record Signer(Party party, String name, String email) {}

  record Envelope(UUID contractId, String title, byte[] document, List<Signer> signers) {}

  /**
   * What a callback reported: the envelope, whether the provider closed it as completed, and the
   * sides that have signed, when.
   */
  record Completion(String envelopeId, boolean envelopeCompleted, List<Signed> signed) {
    public record Signed(Party party, Instant at) {}
  }

  /**
   * A completed envelope's documents as the provider holds them.
   *
   * @param document the signed PDF
   * @param reportedSha256 the SHA-256 the provider reports for the signed PDF
   * @param sourceSha256 the SHA-256 the provider reports for the document it was sent
   * @param certificate the certificate of completion (PDF)
   */
  record SignedDocuments(
      byte[] document, String reportedSha256, String sourceSha256, byte[] certificate) {}
}
