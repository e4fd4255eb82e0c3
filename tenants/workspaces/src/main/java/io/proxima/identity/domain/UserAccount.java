package io.proxima.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person known to the platform. Keycloak owns credentials and sessions; this record is what the
 * business core refers to, and it follows the profile data Keycloak hands over on every call.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

  @Id private UUID id;

  @Column(name = "keycloak_subject", nullable = false, updatable = false)
  private String subject;

  @Column(nullable = false)
  private String username;

  private String email;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Version private long version;

  protected UserAccount() {
    // for JPA
  }

  private UserAccount(UUID id, IdentityClaims claims, Instant now) {
    this.id = id;
    this.subject = claims.subject();
    this.firstSeenAt = now;
    follow(claims, now);
  }

  /** The account of someone calling for the first time. */
  public static UserAccount firstSeen(IdentityClaims claims, Instant now) {
    return new UserAccount(UUID.randomUUID(), claims, now);
  }

  /**
   * Records a call by this person and takes over profile changes made in Keycloak (e-mail, name).
   *
   * @throws IllegalArgumentException when the claims belong to someone else
   */
  public void recordSignIn(IdentityClaims claims, Instant now) {
    if (!subject.equals(claims.subject())) {
      throw new IllegalArgumentException("claims of another subject");
    }
    follow(claims, now);
  }

  private void follow(IdentityClaims claims, Instant now) {
    this.username = claims.username();
    this.email = claims.email();
    this.displayName = claims.displayName();
    if (lastSeenAt == null || now.isAfter(lastSeenAt)) {
      this.lastSeenAt = now;
    }
  }

  public UUID id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserAccount account && Objects.equals(id, account.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
