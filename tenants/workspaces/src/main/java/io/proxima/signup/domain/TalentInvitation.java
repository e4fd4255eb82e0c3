package io.proxima.signup.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Digests;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An agency's invitation to a freelancer to join its talent pool. It grants nothing by itself: only
 * the freelancer's acceptance, made as themselves, gives the tenant their consent; declining, a
 * revocation or simply letting the link expire leaves nothing shared.
 */
@Entity
@Table(name = "talent_invitation")
public class TalentInvitation {

  /** A fortnight: a freelancer between projects may not read mail every day. */
  public static final Duration VALIDITY = Duration.ofDays(14);

  private static final SecureRandom TOKENS = new SecureRandom();

  /** What became of the invitation; EXPIRED is never stored, it is a pending one past its date. */
  public enum Status {
    PENDING,
    ACCEPTED,
    DECLINED,
    REVOKED,
    EXPIRED
  }

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false, updatable = false)
  private String email;

  @Column(name = "family_name", updatable = false)
  private String familyName;

  @Column(name = "given_name", updatable = false)
  private String givenName;

  @Column(nullable = false)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "invited_by", nullable = false)
  private String invitedBy;

  @Column(name = "invited_at", nullable = false, updatable = false)
  private Instant invitedAt;

  @Column(name = "mailed_at")
  private Instant mailedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_by")
  private String answeredBy;

  @Version private long version;

  protected TalentInvitation() {
    // for JPA
  }

  /**
   * A new invitation with its first link.
   *
   * @return the invitation and the token of its link, which exists only in the mail
   */
  public static Issued invite(
      String email,
      String familyName,
      String givenName,
      String language,
      String invitedBy,
      Instant now) {
    TalentInvitation invitation = new TalentInvitation();
    invitation.id = UUID.randomUUID();
    invitation.email = Objects.requireNonNull(email).strip();
    invitation.familyName = blankToNull(familyName);
    invitation.givenName = blankToNull(givenName);
    invitation.language = requireLanguage(language);
    invitation.status = Status.PENDING;
    invitation.invitedAt = now;
    invitation.invitedBy = Objects.requireNonNull(invitedBy);
    return new Issued(invitation, invitation.newLink(invitedBy, now));
  }

  /** An invitation with the token of its current link. */
  public record Issued(TalentInvitation invitation, String token) {}

  /**
   * A new link for a pending (or expired) invitation; the earlier link stops working and the expiry
   * starts again.
   */
  public String reissue(String by, Instant now) {
    if (status != Status.PENDING) {
      throw new DomainException.Conflict(
          "this invitation was " + status.name().toLowerCase() + "; invite again instead");
    }
    return newLink(by, now);
  }

  private String newLink(String by, Instant now) {
    byte[] random = new byte[32];
    TOKENS.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    tokenHash = hashOf(token);
    expiresAt = now.plus(VALIDITY);
    mailedAt = null;
    invitedBy = by;
    return token;
  }

  /** The mail server took the mail. */
  public void mailed(Instant now) {
    mailedAt = now;
  }

  /** Whether the link can still be answered. */
  public boolean answerable(Instant now) {
    return status == Status.PENDING && now.isBefore(expiresAt);
  }

  /** The freelancer accepts; the caller records their consent in the same transaction. */
  public void accept(String freelancerSubject, Instant now) {
    answer(Status.ACCEPTED, Objects.requireNonNull(freelancerSubject), now);
  }

  /** The freelancer declines; nothing is shared. */
  public void decline(String subjectOrNull, Instant now) {
    answer(Status.DECLINED, subjectOrNull, now);
  }

  private void answer(Status answer, String by, Instant now) {
    if (!answerable(now)) {
      throw new DomainException.NotFound(
          "This invitation link is not valid any more; ask the agency for a new invitation.");
    }
    status = answer;
    answeredAt = now;
    answeredBy = by;
    tokenHash = null;
  }

  /** Staff take the invitation back; its link stops working. */
  public void revoke(String by, Instant now) {
    if (status != Status.PENDING) {
      throw new DomainException.Conflict(
          "this invitation was already " + status.name().toLowerCase());
    }
    status = Status.REVOKED;
    answeredAt = now;
    answeredBy = by;
    tokenHash = null;
  }

  /** The status as staff see it, with expiry worked out. */
  public Status status(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }

  public static String hashOf(String token) {
    return Digests.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
  }

  private static String requireLanguage(String language) {
    String chosen = language == null ? "ja" : language;
    if (!"ja".equals(chosen) && !"en".equals(chosen)) {
      throw new DomainException.InvalidValue("language", "language must be ja or en");
    }
    return chosen;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String email() {
    return email;
  }

  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
  }

  public Optional<String> givenName() {
    return Optional.ofNullable(givenName);
  }

  public String language() {
    return language;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant invitedAt() {
    return invitedAt;
  }

  public String invitedBy() {
    return invitedBy;
  }

  public Optional<Instant> mailedAt() {
    return Optional.ofNullable(mailedAt);
  }

  public Optional<Instant> answeredAt() {
    return Optional.ofNullable(answeredAt);
  }

  public Optional<String> answeredBy() {
    return Optional.ofNullable(answeredBy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TalentInvitation invitation && Objects.equals(id, invitation.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
