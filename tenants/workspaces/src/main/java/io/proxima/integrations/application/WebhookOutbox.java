package io.proxima.integrations.application;

import io.proxima.integrations.domain.RetrySchedule;
import io.proxima.integrations.domain.WebhookAttempt;
import io.proxima.integrations.domain.WebhookDelivery;
import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.integrations.domain.WebhookRepository;
import io.proxima.integrations.domain.WebhookSecrets;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook outbox's transactions. An event enters it in the transaction of the change it
 * reports; the worker ({@link WebhookWorker}) later fans it out into one delivery per subscribed
 * endpoint, claims a due delivery, posts it outside any transaction and writes down the outcome.
 */
@ApplicationScoped
public class WebhookOutbox {

  /** Longer than a post can take with its timeout. */
  static final Duration LEASE = Duration.ofSeconds(60);

  /** A claimed delivery: everything the post needs, read while the row was locked. */
  public record Claimed(
      UUID deliveryId,
      UUID endpointId,
      String url,
      String secret,
      UUID eventId,
      String type,
      String payload) {

    /** Records print every component; the secret must never reach a log line. */
    @Override
    public String toString() {
      return "Claimed[delivery=" + deliveryId + ", endpoint=" + endpointId + ", type=" + type + "]";
    }
  }

  private final WebhookRepository webhooks;
  private final WebhookSecrets secrets;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final RetrySchedule schedule;
  private final int disableAfter;
  private final Clock clock;

  protected WebhookOutbox() {
    this.webhooks = null;
    this.secrets = null;
    this.tenants = null;
    this.audit = null;
    this.schedule = null;
    this.disableAfter = 0;
    this.clock = Clock.systemUTC();
  }

  @Inject
  public WebhookOutbox(
      WebhookRepository webhooks,
      WebhookSecrets secrets,
      TenantRepository tenants,
      AuditLog audit,
      @ConfigProperty(name = "proxima.webhooks.first-retry-seconds", defaultValue = "30")
          long firstRetrySeconds,
      @ConfigProperty(name = "proxima.webhooks.longest-retry-seconds", defaultValue = "3600")
          long longestRetrySeconds,
      @ConfigProperty(name = "proxima.webhooks.max-attempts", defaultValue = "8") int maxAttempts,
      @ConfigProperty(name = "proxima.webhooks.disable-after", defaultValue = "20")
          int disableAfter) {
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.tenants = tenants;
    this.audit = audit;
    this.schedule =
        new RetrySchedule(
            Duration.ofSeconds(firstRetrySeconds),
            Duration.ofSeconds(longestRetrySeconds),
            maxAttempts);
    this.disableAfter = disableAfter;
    this.clock = Clock.systemUTC();
  }

  /**
   * Synchronously, in the firing transaction: the outbox row commits or rolls back with the change.
   * Kinds no tenant system may subscribe to are not kept.
   */
  void onEvent(@Observes PlatformEvent event) {
    Optional<PlatformEventType> type = PlatformEventType.ofWireName(event.type());
    if (type.isEmpty() || !WebhookEndpoint.SUBSCRIBABLE.contains(type.get())) {
      return;
    }
    JsonObjectBuilder data = Json.createObjectBuilder();
    new TreeMap<>(event.data()).forEach(data::add);
    webhooks.enqueue(
        new WebhookRepository.OutboxEvent(
            UUID.randomUUID(),
            event.tenantId(),
            event.type(),
            event.subjectId(),
            data.build().toString(),
            event.occurredAt()),
        clock.instant());
  }

  /** Tenants with events to fan out; in the platform scope. */
  @Transactional
  public List<UUID> tenantsToDispatch(int limit) {
    return webhooks.tenantsWithUndispatched(limit);
  }

  /** Fans the tenant's new events out to the endpoints subscribed now; in the tenant. */
  @Transactional
  public int dispatch(UUID tenantId, int limit) {
    List<WebhookRepository.OutboxEvent> events = webhooks.claimUndispatched(limit);
    if (events.isEmpty()) {
      return 0;
    }
    List<WebhookEndpoint> endpoints =
        webhooks.all().stream().filter(WebhookEndpoint::active).toList();
    String slug = tenants.findById(tenantId).map(t -> t.slug().value()).orElse(null);
    Instant now = clock.instant();
    for (WebhookRepository.OutboxEvent event : events) {
      String payload = payload(event, slug);
      for (WebhookEndpoint endpoint : endpoints) {
        if (endpoint.subscribes(event.type())) {
          webhooks.add(
              WebhookDelivery.of(tenantId, endpoint.id(), event.id(), event.type(), payload, now));
        }
      }
      webhooks.markDispatched(event.id());
    }
    return events.size();
  }

  /** The body receivers get: the same for every endpoint, its id the event's. */
  static String payload(WebhookRepository.OutboxEvent event, String slug) {
    JsonObject data;
    try (JsonReader reader = Json.createReader(new StringReader(event.data()))) {
      data = reader.readObject();
    }
    JsonObjectBuilder tenant = Json.createObjectBuilder().add("id", event.tenantId().toString());
    if (slug != null) {
      tenant.add("slug", slug);
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("id", event.id().toString())
            .add("type", event.type())
            .add("occurredAt", event.occurredAt().toString())
            .add("tenant", tenant);
    if (event.subjectId() != null) {
      body.add("subjectId", event.subjectId().toString());
    }
    return body.add("data", data).build().toString();
  }

  /** Deliveries due in every tenant; in the platform scope. */
  @Transactional
  public List<WebhookRepository.DeliveryOwner> due(int limit) {
    return webhooks.due(clock.instant(), limit);
  }

  /**
   * Takes the delivery if it is due, its endpoint is on and nobody else has it, for {@link #LEASE}.
   * The attempt counts from here, so a delivery whose worker died is not tried forever.
   */
  @Transactional
  public Optional<Claimed> claim(UUID deliveryId) {
    Instant now = clock.instant();
    Optional<WebhookDelivery> due = webhooks.claimDue(deliveryId, now);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    WebhookDelivery delivery = due.get();
    Optional<WebhookEndpoint> endpoint = webhooks.find(delivery.endpointId());
    if (endpoint.isEmpty() || !endpoint.get().active()) {
      // Kept pending: it goes out when an administrator switches the endpoint on again.
      delivery.attemptFailed(null, 0, "the endpoint is switched off", Optional.of(now.plus(LEASE)));
      return Optional.empty();
    }
    delivery.claim(now, LEASE);
    return Optional.of(
        new Claimed(
            delivery.id(),
            endpoint.get().id(),
            endpoint.get().url(),
            endpoint.get().secret(secrets),
            delivery.eventId(),
            delivery.eventType(),
            delivery.payload()));
  }

  /**
   * Writes down one attempt: delivered; or failed, to be tried again after a growing wait, or for
   * good once the attempts are spent. Failures in a row switch the endpoint off, which its
   * administrators see on the settings page and in the audit log.
   */
  @Transactional
  public void outcome(UUID deliveryId, WebhookSender.Outcome outcome) {
    Instant now = clock.instant();
    WebhookDelivery delivery = webhooks.lockDelivery(deliveryId).orElseThrow();
    webhooks.add(
        new WebhookAttempt(
            delivery.tenantId(),
            deliveryId,
            now,
            outcome.statusCode(),
            outcome.latencyMs(),
            outcome.error()));
    WebhookEndpoint endpoint = webhooks.lock(delivery.endpointId()).orElse(null);
    if (outcome.delivered()) {
      delivery.delivered(outcome.statusCode(), outcome.latencyMs(), now);
      if (endpoint != null) {
        endpoint.succeeded();
      }
      return;
    }
    Optional<Instant> retry =
        schedule.another(delivery.attempts())
            ? Optional.of(
                now.plus(
                    schedule.after(
                        delivery.attempts(), () -> ThreadLocalRandom.current().nextDouble())))
            : Optional.empty();
    delivery.attemptFailed(outcome.statusCode(), outcome.latencyMs(), outcome.error(), retry);
    if (endpoint != null && endpoint.failed(disableAfter, now)) {
      audit.record(
          "webhook.disabled",
          endpoint.tenantId(),
          endpoint.id().toString(),
          endpoint.disabledReason().orElse(""));
    }
  }
}
