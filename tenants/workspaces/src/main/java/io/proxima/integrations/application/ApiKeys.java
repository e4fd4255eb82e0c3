package io.proxima.integrations.application;

import io.proxima.integrations.domain.ApiKey;
import io.proxima.integrations.domain.ApiKeyCaller;
import io.proxima.integrations.domain.ApiKeyRepository;
import io.proxima.integrations.domain.ApiKeySecret;
import io.proxima.integrations.domain.ApiScope;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's API keys: administrators create, rotate and revoke them (a key itself never can: it
 * acts as staff, not as an administrator); the edge opens them. Every step, and every refused use,
 * goes into the tenant's audit chain under the key's prefix, never its secret.
 */
@ApplicationScoped
public class ApiKeys {

  /** A key as its creator sees it once, with the secret. */
  public record Issued(ApiKey key, String secret) {}

  /** An opened key: who the call acts as and what it may do. */
  public record Opened(UUID keyId, UUID tenantId, String prefix, Set<ApiScope> scopes) {
    public String subject() {
      return ApiKeyCaller.subject(keyId);
    }
  }

  private final ApiKeyRepository keys;
  private final AuditLog audit;
  private final Clock clock;

  protected ApiKeys() {
    this(null, null);
  }

  @Inject
  public ApiKeys(ApiKeyRepository keys, AuditLog audit) {
    this.keys = keys;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  @StaffOnly(administrators = true)
  public Issued create(String name, List<String> scopes) {
    Set<ApiScope> parsed = ApiScope.parse("scopes", scopes);
    TenancyContext context = TenancyContext.current();
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey key =
        ApiKey.issue(
            context.requireTenant(),
            name,
            parsed,
            secret,
            context.requireSubject(),
            clock.instant());
    keys.add(key);
    audit.record(
        "api-key.created",
        key.tenantId(),
        key.id().toString(),
        key.prefix() + " " + ApiScope.join(parsed));
    return new Issued(key, secret.value());
  }

  @Transactional
  @StaffOnly(administrators = true)
  public List<ApiKey> list() {
    return keys.all();
  }

  /** A new secret; the previous one keeps working for {@code overlapMinutes} (0 to 1440). */
  @Transactional
  @StaffOnly(administrators = true)
  public Issued rotate(@NotNull UUID id, @Min(0) @Max(1440) int overlapMinutes) {
    ApiKey key = keys.find(id).orElseThrow(ApiKeys::noSuchKey);
    ApiKeySecret secret = ApiKeySecret.generate();
    key.rotate(secret, Duration.ofMinutes(overlapMinutes), clock.instant());
    audit.record(
        "api-key.rotated",
        key.tenantId(),
        key.id().toString(),
        key.prefix() + " previous valid for " + overlapMinutes + " min");
    return new Issued(key, secret.value());
  }

  @Transactional
  @StaffOnly(administrators = true)
  public ApiKey revoke(@NotNull UUID id) {
    ApiKey key = keys.find(id).orElseThrow(ApiKeys::noSuchKey);
    key.revoke(clock.instant());
    audit.record("api-key.revoked", key.tenantId(), key.id().toString(), key.prefix());
    return key;
  }

  /**
   * The key a request presents, in the tenant the request is addressed to: row-level security hides
   * every other tenant's keys, so a key of another tenant is simply unknown. A revoked or expired
   * key is refused and its use recorded.
   */
  @Transactional
  public Optional<Opened> open(String presented) {
    if (!ApiKeySecret.wellFormed(presented)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiKey> found = keys.findBySecretHash(ApiKeySecret.hash(presented));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    if (!key.opens(ApiKeySecret.hash(presented), now)) {
      recordAs(
          key,
          "api-key.use-denied",
          key.revokedAt().isPresent() ? "revoked key" : "replaced secret after its overlap");
      return Optional.empty();
    }
    key.used(now);
    return Optional.of(new Opened(key.id(), key.tenantId(), key.prefix(), key.scopes()));
  }

  /** A key asked for something outside its scopes. */
  @Transactional
  public void denied(@NotNull UUID keyId, String what) {
    keys.find(keyId).ifPresent(key -> recordAs(key, "api-key.use-denied", what));
  }

  private void recordAs(ApiKey key, String action, String details) {
    TenancyContext context = TenancyContext.current();
    TenancyContext.callIn(
        TenancyContext.tenant(key.tenantId(), context.tenantSlug(), ApiKeyCaller.subject(key.id())),
        () -> {
          audit.record(action, key.tenantId(), key.id().toString(), key.prefix() + " " + details);
          return null;
        });
  }

  private static DomainException noSuchKey() {
    return new DomainException.NotFound("There is no such API key.");
  }
}
