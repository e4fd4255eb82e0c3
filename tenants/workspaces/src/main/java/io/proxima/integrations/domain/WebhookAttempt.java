package io.proxima.integrations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One try of a delivery as the log shows it: when, what the receiver answered, how fast. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "delivery_id", nullable = false, updatable = false)
  private UUID deliveryId;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant attemptedAt;

  @Column(name = "status_code", updatable = false)
  private Integer statusCode;

  @Column(name = "latency_ms", nullable = false, updatable = false)
  private int latencyMs;

  @Column(updatable = false)
  private String error;

  protected WebhookAttempt() {}

  public WebhookAttempt(
      UUID tenantId,
      UUID deliveryId,
      Instant attemptedAt,
      Integer statusCode,
      int latencyMs,
      String error) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.deliveryId = deliveryId;
    this.attemptedAt = attemptedAt;
    this.statusCode = statusCode;
    this.latencyMs = latencyMs;
    this.error =
        error == null
            ? null
            : error.substring(0, Math.min(WebhookDelivery.ERROR_LIMIT, error.length()));
  }

  public UUID deliveryId() {
    return deliveryId;
  }

  public Instant attemptedAt() {
    return attemptedAt;
  }

  public Optional<Integer> statusCode() {
    return Optional.ofNullable(statusCode);
  }

  public int latencyMs() {
    return latencyMs;
  }

  public Optional<String> error() {
    return Optional.ofNullable(error);
  }
}
