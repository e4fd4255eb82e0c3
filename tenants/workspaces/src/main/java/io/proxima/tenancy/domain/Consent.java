package io.proxima.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A freelancer's explicit, revocable permission for one tenant to see their profile and
 * availability. Not filtered by Hibernate's tenant id: the freelancer sees theirs across tenants;
 * row-level security decides who sees which.
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

  @Version private long version;

  protected Consent() {
    // for JPA
  }

  public static Consent give(String freelancerSubject, UUID tenantId, Instant now) {
    Consent consent = new Consent();
    consent.id = UUID.randomUUID();
    consent.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    consent.tenantId = Objects.requireNonNull(tenantId);
    consent.grantedAt = now;
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

  @Override
  public boolean equals(Object other) {
    return other instanceof Consent consent && Objects.equals(id, consent.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
