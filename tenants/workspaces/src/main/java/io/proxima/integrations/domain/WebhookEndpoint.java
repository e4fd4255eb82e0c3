package io.proxima.integrations.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;

/**
 * A receiver of the tenant's own systems: where events of the chosen kinds are posted, signed with
 * its secret. After too many failed attempts in a row it is switched off, and the tenant's
 * administrators see why; switching it on again starts the count afresh.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

  /** The kinds a tenant's systems may subscribe to; the others are for people only. */
  public static final Set<PlatformEventType> SUBSCRIBABLE =
      EnumSet.of(
          PlatformEventType.APPLICATION_CREATED,
          PlatformEventType.APPLICATION_MOVED,
          PlatformEventType.SCOUT_ANSWERED,
          PlatformEventType.CONTRACT_SIGNED,
          PlatformEventType.INVOICE_ISSUED,
          PlatformEventType.INVOICE_PAID,
          PlatformEventType.AVAILABILITY_CHANGED);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String url;

  /** Sealed with the tenant's data key (see {@link WebhookSecrets}); never kept readable. */
  @Column(name = "sealed_secret", nullable = false)
  private byte[] sealedSecret;

  @Column(name = "event_types", nullable = false)
  private String eventTypes;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected WebhookEndpoint() {}

  /** A new endpoint and its signing secret, readable here only, for its creator to see once. */
  public record Issued(WebhookEndpoint endpoint, String secret) {}

  public static Issued create(
      UUID tenantId,
      String url,
      Set<PlatformEventType> types,
      String createdBy,
      Instant now,
      WebhookSecrets secrets) {
    WebhookEndpoint endpoint = new WebhookEndpoint();
    endpoint.id = UUID.randomUUID();
    endpoint.tenantId = tenantId;
    endpoint.url = url;
    String secret = newSecret();
    endpoint.sealedSecret = secrets.seal(tenantId, secretPurpose(endpoint.id), secret);
    endpoint.eventTypes = join(types);
    endpoint.active = true;
    endpoint.createdBy = createdBy;
    endpoint.createdAt = now;
    return new Issued(endpoint, secret);
  }

  /** Where a secret is sealed for: copied to another endpoint's row it does not open. */
  public static String secretPurpose(UUID endpointId) {
    return "webhook_endpoint.secret:" + endpointId;
  }

  /** {@code whsec_} and 32 random bytes. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static Set<PlatformEventType> parseTypes(String field, Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw new DomainException.InvalidValue(field, "choose at least one event type");
    }
    EnumSet<PlatformEventType> types = EnumSet.noneOf(PlatformEventType.class);
    int i = 0;
    for (String name : names) {
      String at = field + "[" + i++ + "]";
      PlatformEventType type =
          PlatformEventType.ofWireName(name)
              .filter(SUBSCRIBABLE::contains)
              .orElseThrow(
                  () ->
                      new DomainException.InvalidValue(
                          at,
                          "unknown event type; one of "
                              + SUBSCRIBABLE.stream()
                                  .map(PlatformEventType::wireName)
                                  .collect(Collectors.joining(", "))));
      types.add(type);
    }
    return types;
  }

  private static String join(Set<PlatformEventType> types) {
    return types.stream()
        .map(PlatformEventType::wireName)
        .sorted()
        .collect(Collectors.joining(","));
  }

  public void change(String url, Set<PlatformEventType> types) {
    this.url = url;
    this.eventTypes = join(types);
  }

  /** On again after being switched off, by hand or for failures. */
  public void enable() {
    active = true;
    consecutiveFailures = 0;
    disabledAt = null;
    disabledReason = null;
  }

  public void disable(String reason, Instant now) {
    active = false;
    disabledAt = now;
    disabledReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
  }

  public void succeeded() {
    consecutiveFailures = 0;
  }

  /** Counts a failed attempt; true when this one switched the endpoint off. */
  public boolean failed(int disableAfter, Instant now) {
    consecutiveFailures++;
    if (active && consecutiveFailures >= disableAfter) {
      disable(consecutiveFailures + " deliveries in a row failed; switched off automatically", now);
      return true;
    }
    return false;
  }

  public boolean subscribes(String wireName) {
    return types().stream().anyMatch(t -> t.wireName().equals(wireName));
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String url() {
    return url;
  }

  /** The signing secret, opened for a delivery; never shown again after creation. */
  public String secret(WebhookSecrets secrets) {
    return secrets.open(tenantId, secretPurpose(id), sealedSecret);
  }

  public Set<PlatformEventType> types() {
    EnumSet<PlatformEventType> types = EnumSet.noneOf(PlatformEventType.class);
    for (String name : eventTypes.split(",")) {
      PlatformEventType.ofWireName(name).ifPresent(types::add);
    }
    return types;
  }

  public boolean active() {
    return active;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  public Optional<Instant> disabledAt() {
    return Optional.ofNullable(disabledAt);
  }

  public Optional<String> disabledReason() {
    return Optional.ofNullable(disabledReason);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
