package io.proxima.signup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * That a person accepted a version of the terms of use and of the privacy policy, when, and where:
 * Proxima's own record, so it can show what was accepted without asking Keycloak. Never changed;
 * accepting a newer version adds another.
 */
@Entity
@Table(name = "terms_acceptance")
public class TermsAcceptance {

  /** Where the acceptance was given. */
  public enum Source {
    /** The checkbox of Keycloak's sign-up form; the time is Keycloak's. */
    SIGN_UP_FORM,
    /** The portal's first-run guide (people who came through GitHub or Google). */
    PORTAL
  }

  @Id private UUID id;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "terms_version", nullable = false, updatable = false)
  private String termsVersion;

  @Column(name = "privacy_version", nullable = false, updatable = false)
  private String privacyVersion;

  @Column(name = "accepted_at", nullable = false, updatable = false)
  private Instant acceptedAt;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Source source;

  protected TermsAcceptance() {
    // for JPA
  }

  public static TermsAcceptance of(
      String freelancerSubject,
      LegalTexts texts,
      Instant acceptedAt,
      Source source,
      Instant recordedAt) {
    TermsAcceptance acceptance = new TermsAcceptance();
    acceptance.id = UUID.randomUUID();
    acceptance.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    acceptance.termsVersion = texts.termsVersion();
    acceptance.privacyVersion = texts.privacyVersion();
    acceptance.acceptedAt = Objects.requireNonNull(acceptedAt);
    acceptance.source = Objects.requireNonNull(source);
    acceptance.recordedAt = recordedAt;
    return acceptance;
  }

  /** Whether this acceptance covers the texts in force. */
  public boolean covers(LegalTexts texts) {
    return termsVersion.equals(texts.termsVersion())
        && privacyVersion.equals(texts.privacyVersion());
  }

  public String termsVersion() {
    return termsVersion;
  }

  public String privacyVersion() {
    return privacyVersion;
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }

  public Source source() {
    return source;
  }
}
