package io.proxima.contracts.domain;

import java.time.Instant;

/**
 * One side's signature on the exact document it saw: the document's SHA-256 is part of the
 * signature, so a signature never carries over to a changed document.
 *
 * @param method CLICK for the built-in click-to-sign, E_SIGNATURE when an e-signature provider
 *     reported the envelope completed
 */
public record Signature(
    Party party,
    String signerSubject,
    String documentSha256,
    Method method,
    String sourceIp,
    Instant signedAt) {

  public enum Method {
    CLICK,
    E_SIGNATURE
  }
}
