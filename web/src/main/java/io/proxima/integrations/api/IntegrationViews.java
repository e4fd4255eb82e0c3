package io.proxima.integrations.api;

import io.proxima.integrations.application.ApiKeys;
import io.proxima.integrations.application.Webhooks;
import io.proxima.integrations.domain.ApiKey;
import io.proxima.integrations.domain.ApiScope;
import io.proxima.integrations.domain.WebhookAttempt;
import io.proxima.integrations.domain.WebhookDelivery;
import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.platform.events.PlatformEventType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the integration settings send and receive. */
public final class IntegrationViews {

  private IntegrationViews() {}

  public record KeyRequest(
      @NotBlank @Size(max = 100) @Schema(required = true, example = "基幹システム連携") String name,
      @NotNull
          @Size(min = 1, max = 20)
          @Schema(
              required = true,
              description =
                  "jobs:read, jobs:write, applications:read, applications:write,"
                      + " candidates:read, scouts:read, scouts:write, contracts:read,"
                      + " invoices:read",
              example = "[\"applications:read\",\"jobs:read\"]")
          List<@NotBlank @Size(max = 40) String> scopes) {}

  public record RotateRequest(
      @Min(0)
          @Max(1440)
          @Schema(
              description = "minutes the previous secret keeps working (0: none)",
              defaultValue = "0",
              example = "60")
          Integer overlapMinutes) {}

  @Schema(name = "ApiKeyView")
  public record KeyView(
      @Schema(required = true) UUID id,
      @Schema(required = true) String name,
      @Schema(required = true, description = "the key's visible start, e.g. prx_ab12cd34")
          String prefix,
      @Schema(required = true) List<String> scopes,
      @Schema(required = true) Instant createdAt,
      Instant rotatedAt,
      Instant revokedAt,
      Instant lastUsedAt,
      Instant previousValidUntil) {
    static KeyView of(ApiKey key) {
      return new KeyView(
          key.id(),
          key.name(),
          key.prefix(),
          key.scopes().stream().map(ApiScope::wireName).sorted().toList(),
          key.createdAt(),
          key.rotatedAt().orElse(null),
          key.revokedAt().orElse(null),
          key.lastUsedAt().orElse(null),
          key.previousValidUntil().orElse(null));
    }
  }

  /** The secret is in this answer only; the platform keeps its hash. */
  public record IssuedKeyView(
      @Schema(required = true) KeyView key,
      @Schema(
              required = true,
              description = "send as X-Api-Key; shown this once",
              example = "prx_ab12cd34_…")
          String secret) {
    static IssuedKeyView of(ApiKeys.Issued issued) {
      return new IssuedKeyView(KeyView.of(issued.key()), issued.secret());
    }
  }

  public record WebhookRequest(
      @NotBlank
          @Size(max = 2000)
          @Schema(required = true, example = "https://hooks.example.jp/proxima")
          String url,
      @NotNull
          @Size(min = 1, max = 20)
          @Schema(
              required = true,
              description =
                  "application.created, application.moved, scout.answered, contract.signed,"
                      + " invoice.issued, invoice.paid, availability.changed",
              example = "[\"application.moved\"]")
          List<@NotBlank @Size(max = 60) String> eventTypes) {}

  public record WebhookChange(
      @Size(max = 2000) @Schema(example = "https://hooks.example.jp/proxima") String url,
      @Size(min = 1, max = 20) @Schema(example = "[\"application.moved\",\"application.created\"]")
          List<@NotBlank @Size(max = 60) String> eventTypes,
      @Schema(description = "false switches it off, true on again", example = "true")
          Boolean active) {}

  public record WebhookView(
      @Schema(required = true) UUID id,
      @Schema(required = true) String url,
      @Schema(required = true) List<String> eventTypes,
      @Schema(required = true) boolean active,
      @Schema(required = true) int consecutiveFailures,
      Instant disabledAt,
      String disabledReason,
      @Schema(required = true) Instant createdAt) {
    static WebhookView of(WebhookEndpoint endpoint) {
      return new WebhookView(
          endpoint.id(),
          endpoint.url(),
          endpoint.types().stream().map(PlatformEventType::wireName).sorted().toList(),
          endpoint.active(),
          endpoint.consecutiveFailures(),
          endpoint.disabledAt().orElse(null),
          endpoint.disabledReason().orElse(null),
          endpoint.createdAt());
    }
  }

  public record CreatedWebhookView(
      @Schema(required = true) WebhookView webhook,
      @Schema(required = true, description = "the signing secret; shown this once") String secret) {
    static CreatedWebhookView of(Webhooks.Created created) {
      return new CreatedWebhookView(WebhookView.of(created.endpoint()), created.secret());
    }
  }

  public record AttemptView(
      @Schema(required = true) Instant attemptedAt,
      Integer statusCode,
      @Schema(required = true) int latencyMs,
      String error) {
    static AttemptView of(WebhookAttempt attempt) {
      return new AttemptView(
          attempt.attemptedAt(),
          attempt.statusCode().orElse(null),
          attempt.latencyMs(),
          attempt.error().orElse(null));
    }
  }

  public record DeliveryView(
      @Schema(required = true) UUID id,
      @Schema(required = true) UUID eventId,
      @Schema(required = true) String eventType,
      @Schema(
              required = true,
              enumeration = {"PENDING", "DELIVERED", "FAILED"})
          String status,
      @Schema(required = true) int attempts,
      Integer lastStatusCode,
      Integer lastLatencyMs,
      String lastError,
      Instant nextAttemptAt,
      @Schema(required = true) Instant createdAt,
      Instant deliveredAt,
      @Schema(required = true, description = "the JSON body the receiver gets") String payload,
      List<AttemptView> attemptLog) {
    static DeliveryView of(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
      return new DeliveryView(
          delivery.id(),
          delivery.eventId(),
          delivery.eventType(),
          delivery.status().name(),
          delivery.attempts(),
          delivery.lastStatusCode().orElse(null),
          delivery.lastLatencyMs().orElse(null),
          delivery.lastError().orElse(null),
          delivery.status() == WebhookDelivery.Status.PENDING
              ? delivery.nextAttemptAt().orElse(null)
              : null,
          delivery.createdAt(),
          delivery.deliveredAt().orElse(null),
          delivery.payload(),
          attempts.stream().map(AttemptView::of).toList());
    }
  }
}
