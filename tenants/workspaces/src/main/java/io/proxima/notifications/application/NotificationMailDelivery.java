package io.proxima.notifications.application;

import io.proxima.notifications.domain.NotificationPosted;
import io.proxima.platform.mail.OutgoingMail;
import io.proxima.platform.schedule.RunFailures;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes notification mail from the outbox to the mail server. Every node sweeps the outbox every
 * {@code proxima.notifications.mail.poll-seconds}, and once more right after a notification
 * commits, so a scout's mail leaves at once while the request that sent the scout never waits.
 * Nodes sweeping side by side never send the same mail: a claim skips rows another node holds.
 */
@ApplicationScoped
public class NotificationMailDelivery {

  private static final Logger LOG = Logger.getLogger(NotificationMailDelivery.class.getName());
  private static final String ACTOR = "system:notifications";
  static final int BATCH = 50;
  static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private final NotificationMailOutbox outbox;
  private final OutgoingMail server;
  private final long pollSeconds;
  private final AtomicBoolean sweepAsked = new AtomicBoolean();
  private ManagedExecutorService executor;
  private ScheduledFuture<?> sweeps;
  private final RunFailures failures = new RunFailures(LOG, "notification mail sweep");

  protected NotificationMailDelivery() {
    this(null, null, 0);
  }

  @Inject
  public NotificationMailDelivery(
      NotificationMailOutbox outbox,
      OutgoingMail server,
      @ConfigProperty(name = "proxima.notifications.mail.poll-seconds", defaultValue = "5")
          long pollSeconds) {
    this.outbox = outbox;
    this.server = server;
    this.pollSeconds = pollSeconds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR, and deployment fails on it.
      executor = InitialContext.doLookup(EXECUTOR);
      ManagedScheduledExecutorService scheduler = InitialContext.doLookup(SCHEDULER);
      if (pollSeconds > 0) {
        sweeps =
            scheduler.scheduleWithFixedDelay(
                this::sweep, pollSeconds, pollSeconds, TimeUnit.SECONDS);
      }
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No executor for notification mail; mail stays in the outbox", e);
    }
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  /**
   * Only after the commit: a notification rolled back has no mail to send. Only for mail due now: a
   * chat message is a notification too, and a sweep per message (each one a task whose context
   * capture scans the WAR's class path) was a large share of a message's cost; batched mail leaves
   * with the periodic sweep.
   */
  void onPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPosted posted) {
    if (!posted.mailDueNow() || executor == null || !sweepAsked.compareAndSet(false, true)) {
      return; // one sweep asked for is enough for every notification of the moment
    }
    try {
      executor.execute(this::sweep);
    } catch (RuntimeException e) {
      sweepAsked.set(false);
      LOG.log(Level.FINE, "notification mail left to the next sweep", e);
    }
  }

  void sweep() {
    sweepAsked.set(false);
    try {
      List<UUID> due =
          TenancyContext.callIn(TenancyContext.platform(ACTOR), () -> outbox.due(BATCH));
      for (UUID id : due) {
        deliverQuietly(id);
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again. Runs during the
      // deployment fail until the application's resources are bound: not worth a warning.
      failures.failed(e);
    }
  }

  private void deliverQuietly(UUID id) {
    try {
      TenancyContext.callIn(TenancyContext.platform(ACTOR), () -> deliver(id));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notification mail " + id + " failed", e);
    }
  }

  /** One attempt for one mail: claim, send, write down the outcome. False when nothing was sent. */
  boolean deliver(UUID id) {
    Optional<NotificationMailOutbox.Outgoing> claimed = outbox.claim(id);
    if (claimed.isEmpty()) {
      return false;
    }
    try {
      server.send(claimed.get().mail());
    } catch (OutgoingMail.MailNotSent failure) {
      outbox.failed(id, failure.getMessage());
      return false;
    } catch (RuntimeException unexpected) {
      // A bug must not retry forever: it counts as an attempt like an outage.
      LOG.log(Level.WARNING, "notification mail " + id + " failed unexpectedly", unexpected);
      outbox.failed(id, "sending failed (" + unexpected.getClass().getSimpleName() + ")");
      return false;
    }
    outbox.sent(id);
    return true;
  }
}
