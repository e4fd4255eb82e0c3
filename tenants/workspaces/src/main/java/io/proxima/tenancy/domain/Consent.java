package io.proxima.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A freelancer's explicit, revocable permission for one tenant to see their profile and
 * availability, on the terms they were shown: what is shared and the tenant's purpose of use, kept
 * as given (a purpose the tenant changes later does not rewrite it). Not filtered by Hibernate's
 * tenant id: the freelancer sees theirs across tenants; row-level security decides who sees which.
 */
@Entity
@Table(name = "consent")
public class Consent {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private Instant grantedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  // Names of SharedItem: a name that is dropped one day must still read back.
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "shared_items", nullable = false, updatable = false)
  private List<String> sharedItems;

  @Column(name = "purpose", updatable = false)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "given_via", nullable = false, updatable = false)
  private Channel givenVia;

  @Version private long version;

  protected Consent() {
    // for JPA
  }

  /** How a consent was given. */
  public enum Channel {
    /** On the sharing page (or the first-run guide, or the API). */
    PORTAL,
    /** By accepting the tenant's talent invitation. */
    INVITATION
  }

  /** A consent on today's terms with the platform's default purpose, given in the portal. */
  public static Consent give(String freelancerSubject, UUID tenantId, Instant now) {
    return give(
        freelancerSubject,
        tenantId,
        ConsentTerms.today(ConsentTerms.DEFAULT_PURPOSE),
        Channel.PORTAL,
        now);
  }

  public static Consent give(
      String freelancerSubject, UUID tenantId, ConsentTerms terms, Channel via, Instant now) {
    Consent consent = new Consent();
    consent.id = UUID.randomUUID();
    consent.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    consent.tenantId = Objects.requireNonNull(tenantId);
    consent.grantedAt = Objects.requireNonNull(now);
    consent.sharedItems = terms.items().stream().map(SharedItem::name).toList();
    consent.purpose = terms.purpose();
    consent.givenVia = Objects.requireNonNull(via);
    return consent;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  /** What was shared and for what purpose, as the freelancer was shown when giving it. */
  public ConsentTerms terms() {
    return new ConsentTerms(SharedItems.read(sharedItems), purpose);
  }

  public Channel givenVia() {
    return givenVia;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Consent consent && Objects.equals(id, consent.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
