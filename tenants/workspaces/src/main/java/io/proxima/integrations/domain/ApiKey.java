package io.proxima.integrations.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A tenant's key for its own systems: acts in the tenant with exactly its scopes, never as an
 * administrator. Only hashes of its secret are kept; after a rotation the previous secret still
 * works until the overlap the administrator chose ends.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  /** Writing the last use on every call would turn reads into writes; once a minute is enough. */
  static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "secret_sha256", nullable = false)
  private String secretSha256;

  @Column(name = "previous_secret_sha256")
  private String previousSecretSha256;

  @Column(name = "previous_valid_until")
  private Instant previousValidUntil;

  @Column(nullable = false)
  private String scopes;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "rotated_at")
  private Instant rotatedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiKey() {}

  public static ApiKey issue(
      UUID tenantId,
      String name,
      Set<ApiScope> scopes,
      ApiKeySecret secret,
      String createdBy,
      Instant now) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new DomainException.InvalidValue("name", "a name of 1 to 100 characters is required");
    }
    ApiKey key = new ApiKey();
    key.id = UUID.randomUUID();
    key.tenantId = tenantId;
    key.name = name.strip();
    key.prefix = secret.prefix();
    key.secretSha256 = secret.hash();
    key.scopes = ApiScope.join(scopes);
    key.createdBy = createdBy;
    key.createdAt = now;
    return key;
  }

  /** A new secret; the old one keeps working for {@code overlap} (zero: not at all). */
  public void rotate(ApiKeySecret secret, Duration overlap, Instant now) {
    requireActive();
    if (overlap.isZero()) {
      previousSecretSha256 = null;
      previousValidUntil = null;
    } else {
      previousSecretSha256 = secretSha256;
      previousValidUntil = now.plus(overlap);
    }
    secretSha256 = secret.hash();
    prefix = secret.prefix();
    rotatedAt = now;
  }

  public void revoke(Instant now) {
    requireActive();
    revokedAt = now;
    previousSecretSha256 = null;
    previousValidUntil = null;
  }

  /** Whether the presented hash opens this key now. */
  public boolean opens(String presentedSha256, Instant now) {
    if (revokedAt != null) {
      return false;
    }
    if (secretSha256.equals(presentedSha256)) {
      return true;
    }
    return presentedSha256.equals(previousSecretSha256)
        && previousValidUntil != null
        && now.isBefore(previousValidUntil);
  }

  /** Notes a use; true when the row changed (at most once per {@link #LAST_USE_PRECISION}). */
  public boolean used(Instant now) {
    if (lastUsedAt != null && lastUsedAt.plus(LAST_USE_PRECISION).isAfter(now)) {
      return false;
    }
    lastUsedAt = now;
    return true;
  }

  private void requireActive() {
    if (revokedAt != null) {
      throw new DomainException.Conflict("the key is revoked");
    }
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Set<ApiScope> scopes() {
    return ApiScope.split(scopes);
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> rotatedAt() {
    return Optional.ofNullable(rotatedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<Instant> previousValidUntil() {
    return Optional.ofNullable(previousValidUntil);
  }

  public long version() {
    return version;
  }
}
