package io.proxima.integrations.application;

import io.proxima.integrations.domain.ReceiverAddress;
import io.proxima.integrations.domain.WebhookAttempt;
import io.proxima.integrations.domain.WebhookDelivery;
import io.proxima.integrations.domain.WebhookEndpoint;
import io.proxima.integrations.domain.WebhookRepository;
import io.proxima.integrations.domain.WebhookSecrets;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenant's webhook endpoints as its administrators manage them: add, change, switch on and off,
 * remove, send a test event, read the delivery log and send a delivery again.
 */
@ApplicationScoped
public class Webhooks {

  /** The type of the test event, which no business change produces. */
  public static final String TEST_EVENT = "webhook.test";

  /** An endpoint as its creator sees it once, with the signing secret. */
  public record Created(WebhookEndpoint endpoint, String secret) {}

  /** A delivery with its attempts, for the log. */
  public record LoggedDelivery(WebhookDelivery delivery, List<WebhookAttempt> attempts) {}

  private final WebhookRepository webhooks;
  private final WebhookSecrets secrets;
  private final AuditLog audit;
  private final java.util.Set<String> privateHosts;
  private final Clock clock = Clock.systemUTC();

  protected Webhooks() {
    this(null, null, null, java.util.Optional.empty());
  }

  @Inject
  public Webhooks(
      WebhookRepository webhooks,
      WebhookSecrets secrets,
      AuditLog audit,
      @ConfigProperty(name = "proxima.webhooks.private-hosts")
          java.util.Optional<String> privateHosts) {
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.audit = audit;
    this.privateHosts = ReceiverAddress.hosts(privateHosts);
  }

  @Transactional
  @StaffOnly(administrators = true)
  public Created create(String url, List<String> eventTypes) {
    String checked = checkedUrl(url);
    Set<PlatformEventType> types = WebhookEndpoint.parseTypes("eventTypes", eventTypes);
    TenancyContext context = TenancyContext.current();
    WebhookEndpoint.Issued issued =
        WebhookEndpoint.create(
            context.requireTenant(),
            checked,
            types,
            context.requireSubject(),
            clock.instant(),
            secrets);
    WebhookEndpoint endpoint = issued.endpoint();
    webhooks.add(endpoint);
    audit.record("webhook.created", endpoint.tenantId(), endpoint.id().toString(), checked);
    return new Created(endpoint, issued.secret());
  }

  @Transactional
  @StaffOnly(administrators = true)
  public List<WebhookEndpoint> list() {
    return webhooks.all();
  }

  @Transactional
  @StaffOnly(administrators = true)
  public WebhookEndpoint change(
      @NotNull UUID id, String url, List<String> eventTypes, Boolean active) {
    WebhookEndpoint endpoint = find(id);
    if (url != null || eventTypes != null) {
      endpoint.change(
          url == null ? endpoint.url() : checkedUrl(url),
          eventTypes == null
              ? endpoint.types()
              : WebhookEndpoint.parseTypes("eventTypes", eventTypes));
    }
    if (Boolean.TRUE.equals(active) && !endpoint.active()) {
      endpoint.enable();
    } else if (Boolean.FALSE.equals(active) && endpoint.active()) {
      endpoint.disable("switched off by an administrator", clock.instant());
    }
    audit.record(
        "webhook.changed",
        endpoint.tenantId(),
        endpoint.id().toString(),
        endpoint.url()
            + " "
            + endpoint.types().stream()
                .map(PlatformEventType::wireName)
                .collect(Collectors.joining(","))
            + (endpoint.active() ? " on" : " off"));
    return endpoint;
  }

  @Transactional
  @StaffOnly(administrators = true)
  public void remove(@NotNull UUID id) {
    WebhookEndpoint endpoint = find(id);
    webhooks.remove(endpoint);
    audit.record("webhook.removed", endpoint.tenantId(), endpoint.id().toString(), endpoint.url());
  }

  /** A test event to this endpoint only; it shows in the log like any other delivery. */
  @Transactional
  @StaffOnly(administrators = true)
  public WebhookDelivery test(@NotNull UUID id) {
    WebhookEndpoint endpoint = find(id);
    if (!endpoint.active()) {
      throw new DomainException.Conflict("the endpoint is switched off; switch it on first");
    }
    Instant now = clock.instant();
    WebhookRepository.OutboxEvent event =
        new WebhookRepository.OutboxEvent(
            UUID.randomUUID(),
            endpoint.tenantId(),
            TEST_EVENT,
            endpoint.id(),
            jakarta.json.Json.createObjectBuilder().add("message", "test").build().toString(),
            now);
    webhooks.enqueue(event, now);
    webhooks.markDispatched(event.id());
    WebhookDelivery delivery =
        WebhookDelivery.of(
            endpoint.tenantId(),
            endpoint.id(),
            event.id(),
            TEST_EVENT,
            WebhookOutbox.payload(event, TenancyContext.current().tenantSlug()),
            now);
    webhooks.add(delivery);
    return delivery;
  }

  @Transactional
  @StaffOnly(administrators = true)
  public List<LoggedDelivery> log(@NotNull UUID id, @Min(1) @Max(200) int limit) {
    find(id);
    List<WebhookDelivery> deliveries = webhooks.deliveries(id, limit);
    Map<UUID, List<WebhookAttempt>> attempts =
        webhooks.attempts(deliveries.stream().map(WebhookDelivery::id).toList()).stream()
            .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
    return deliveries.stream()
        .map(d -> new LoggedDelivery(d, attempts.getOrDefault(d.id(), List.of())))
        .toList();
  }

  @Transactional
  @StaffOnly(administrators = true)
  public WebhookDelivery redeliver(@NotNull UUID id, @NotNull UUID deliveryId) {
    WebhookEndpoint endpoint = find(id);
    WebhookDelivery delivery =
        webhooks
            .lockDelivery(deliveryId)
            .filter(d -> d.endpointId().equals(endpoint.id()))
            .orElseThrow(() -> new DomainException.NotFound("There is no such delivery."));
    delivery.redeliver(clock.instant());
    audit.record(
        "webhook.redelivered", endpoint.tenantId(), delivery.id().toString(), endpoint.url());
    return delivery;
  }

  private WebhookEndpoint find(UUID id) {
    return webhooks
        .find(id)
        .orElseThrow(() -> new DomainException.NotFound("There is no such webhook endpoint."));
  }

  private String checkedUrl(String url) {
    URI uri = ReceiverAddress.parse("url", url);
    ReceiverAddress.check("url", uri, ReceiverAddress.SYSTEM, privateHosts);
    return uri.toString();
  }
}
