package io.proxima.signup.domain;

import io.proxima.platform.error.DomainException;
import java.util.regex.Pattern;

/**
 * The versions of the terms of use and the privacy policy in force. A person must have accepted
 * exactly these; publishing a new version (a new configured value) asks everyone again.
 */
public record LegalTexts(String termsVersion, String privacyVersion) {

  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.-]{1,32}");

  public LegalTexts {
    if (termsVersion == null || !VERSION.matcher(termsVersion).matches()) {
      throw new IllegalArgumentException("terms version must match " + VERSION);
    }
    if (privacyVersion == null || !VERSION.matcher(privacyVersion).matches()) {
      throw new IllegalArgumentException("privacy version must match " + VERSION);
    }
  }

  /** The versions a person says they accepted must be the ones in force: else a 409. */
  public void requireCurrent(String terms, String privacy) {
    if (!termsVersion.equals(terms)) {
      throw new DomainException.Conflict(
          "termsVersion", "the terms of use in force are version " + termsVersion);
    }
    if (!privacyVersion.equals(privacy)) {
      throw new DomainException.Conflict(
          "privacyVersion", "the privacy policy in force is version " + privacyVersion);
    }
  }
}
