package io.proxima.privacy.domain;

import io.proxima.platform.privacy.KeyOwner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name an erased freelancer keeps in the ledger and the audit chain: the SHA-256 of their
 * data-key owner ({@code freelancer:<subject>}), as V71's {@code erasure_pseudonym} computes it.
 * Someone holding a subject id (a restored backup) can find its entry; the entry alone names
 * nobody, since subjects are random.
 */
public final class Pseudonyms {

  private Pseudonyms() {}

  public static String of(String subject) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(KeyOwner.freelancer(subject).value().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
