package io.proxima.integrations.application;

import io.proxima.integrations.domain.WebhookRepository;
import io.proxima.integrations.domain.WebhookSignature;
import io.proxima.platform.schedule.RunFailures;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes webhook events from the outbox to the tenants' receivers. Every node sweeps every {@code
 * proxima.webhooks.poll-seconds}: it fans new events out into deliveries, then posts the deliveries
 * that are due. Nodes sweeping side by side never post the same delivery at once (a claim skips
 * rows another holds); a receiver may still see an event twice after a node died mid-post, which is
 * why every payload carries the event's id. The request that caused an event never waits for this.
 */
@ApplicationScoped
public class WebhookWorker {

  private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
  private static final String ACTOR = "system:webhooks";
  static final int BATCH = 50;
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private final WebhookOutbox outbox;
  private final WebhookSender sender;
  private final long pollMillis;
  private final Clock clock = Clock.systemUTC();
  private ScheduledFuture<?> sweeps;
  private final RunFailures failures = new RunFailures(LOG, "webhook sweep");

  protected WebhookWorker() {
    this(null, null, 0);
  }

  @Inject
  public WebhookWorker(
      WebhookOutbox outbox,
      WebhookSender sender,
      @ConfigProperty(name = "proxima.webhooks.poll-millis", defaultValue = "2000")
          long pollMillis) {
    this.outbox = outbox;
    this.sender = sender;
    this.pollMillis = pollMillis;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (pollMillis <= 0) {
      return;
    }
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR.
      ManagedScheduledExecutorService scheduler = InitialContext.doLookup(SCHEDULER);
      sweeps =
          scheduler.scheduleWithFixedDelay(
              this::sweep, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No scheduler for webhook delivery; events stay in the outbox", e);
    }
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  void sweep() {
    try {
      List<UUID> tenants =
          TenancyContext.callIn(
              TenancyContext.platform(ACTOR), () -> outbox.tenantsToDispatch(BATCH));
      for (UUID tenant : tenants) {
        TenancyContext.callIn(
            TenancyContext.tenant(tenant, null, ACTOR), () -> outbox.dispatch(tenant, BATCH));
      }
      List<WebhookRepository.DeliveryOwner> due =
          TenancyContext.callIn(TenancyContext.platform(ACTOR), () -> outbox.due(BATCH));
      for (WebhookRepository.DeliveryOwner entry : due) {
        deliverQuietly(entry.tenantId(), entry.deliveryId());
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule. Runs during the deployment fail until the
      // application's resources are bound: not worth a warning.
      failures.failed(e);
    }
  }

  private void deliverQuietly(UUID tenantId, UUID deliveryId) {
    try {
      TenancyContext.callIn(
          TenancyContext.tenant(tenantId, null, ACTOR), () -> deliver(deliveryId));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook delivery " + deliveryId + " failed", e);
    }
  }

  /** One attempt: claim, post outside any transaction, write down the outcome. */
  boolean deliver(UUID deliveryId) {
    Optional<WebhookOutbox.Claimed> claimed = outbox.claim(deliveryId);
    if (claimed.isEmpty()) {
      return false;
    }
    WebhookOutbox.Claimed delivery = claimed.get();
    String signature =
        WebhookSignature.header(
            delivery.secret(), clock.instant().getEpochSecond(), delivery.payload());
    WebhookSender.Outcome outcome;
    try {
      outcome =
          sender.send(
              delivery.url(),
              signature,
              delivery.eventId().toString(),
              delivery.type(),
              delivery.payload());
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "webhook delivery " + deliveryId + " failed unexpectedly", unexpected);
      outcome =
          new WebhookSender.Outcome(
              null,
              0,
              "the delivery failed unexpectedly (" + unexpected.getClass().getSimpleName() + ")");
    }
    outbox.outcome(deliveryId, outcome);
    return true;
  }
}
