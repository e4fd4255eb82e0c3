package io.proxima.integrations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One event on its way to one endpoint: pending until the receiver answers 2xx, tried again with
 * growing waits, failed when the attempts are spent. Staff may send it again at any time.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  public static final int ERROR_LIMIT = 500;

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "endpoint_id", nullable = false, updatable = false)
  private UUID endpointId;

  @Column(name = "event_id", nullable = false, updatable = false)
  private UUID eventId;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String eventType;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "leased_until")
  private Instant leasedUntil;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Column(name = "last_latency_ms")
  private Integer lastLatencyMs;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Version private long version;

  protected WebhookDelivery() {}

  public static WebhookDelivery of(
      UUID tenantId, UUID endpointId, UUID eventId, String eventType, String payload, Instant now) {
    WebhookDelivery delivery = new WebhookDelivery();
    delivery.id = UUID.randomUUID();
    delivery.tenantId = tenantId;
    delivery.endpointId = endpointId;
    delivery.eventId = eventId;
    delivery.eventType = eventType;
    delivery.payload = payload;
    delivery.status = Status.PENDING;
    delivery.nextAttemptAt = now;
    delivery.createdAt = now;
    return delivery;
  }

  /** Taken by a worker for one attempt; nobody else takes it until the lease ends. */
  public void claim(Instant now, Duration lease) {
    attempts++;
    leasedUntil = now.plus(lease);
    nextAttemptAt = now.plus(lease);
  }

  public void delivered(int statusCode, int latencyMs, Instant now) {
    status = Status.DELIVERED;
    lastStatusCode = statusCode;
    lastLatencyMs = latencyMs;
    lastError = null;
    deliveredAt = now;
    nextAttemptAt = null;
    leasedUntil = null;
  }

  /** A failed attempt: again at {@code retryAt}, or failed for good when that is empty. */
  public void attemptFailed(
      Integer statusCode, int latencyMs, String error, Optional<Instant> retryAt) {
    lastStatusCode = statusCode;
    lastLatencyMs = latencyMs;
    lastError = error == null ? null : error.substring(0, Math.min(ERROR_LIMIT, error.length()));
    leasedUntil = null;
    if (retryAt.isPresent()) {
      nextAttemptAt = retryAt.get();
    } else {
      status = Status.FAILED;
      nextAttemptAt = null;
    }
  }

  /** Staff asked for it again: due now, with a fresh set of attempts. */
  public void redeliver(Instant now) {
    status = Status.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    leasedUntil = null;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID endpointId() {
    return endpointId;
  }

  public UUID eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  public String payload() {
    return payload;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  public Optional<Integer> lastStatusCode() {
    return Optional.ofNullable(lastStatusCode);
  }

  public Optional<Integer> lastLatencyMs() {
    return Optional.ofNullable(lastLatencyMs);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }
}
