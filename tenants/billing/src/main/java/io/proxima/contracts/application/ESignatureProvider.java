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

  /** Sends the document to both signers and returns the provider's envelope id. */
  String send(Envelope envelope);

  /**
   * Checks that a callback really comes from the provider and reads which signers completed.
   *
   * @throws io.proxima.platform.error.DomainException.InvalidValue when the signature is missing or
   *     wrong
   */
  Completion verify(byte[] body, String signatureHeader);

  record Signer(Party party, String name, String email) {}

  record Envelope(UUID contractId, String title, byte[] document, List<Signer> signers) {}

  /** What a callback reported: the envelope, and the sides that have signed, when. */
  record Completion(String envelopeId, List<Signed> signed) {
    public record Signed(Party party, Instant at) {}
  }
}
