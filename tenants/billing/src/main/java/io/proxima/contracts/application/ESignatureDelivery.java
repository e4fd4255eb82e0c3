package io.proxima.contracts.application;

import io.proxima.contracts.domain.ContractRepository;
import io.proxima.platform.error.DomainException;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes e-signature requests from the outbox to the provider. A request is tried right after the
 * transaction that wrote it commits, on the container's executor, so staff get their answer at
 * once; every node also sweeps the outbox every {@code proxima.esign.outbox.poll-seconds} for
 * retries that came due and for requests whose first try never ran (the node stopped). Nodes
 * sweeping side by side never call for the same entry at once: a claim skips rows another holds,
 * and the idempotency key makes even a repeated call one envelope.
 */
@ApplicationScoped
public class ESignatureDelivery {

  private static final Logger LOG = Logger.getLogger(ESignatureDelivery.class.getName());
  private static final String ACTOR = "system:e-signature";
  static final int BATCH = 50;
  static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private final ESignatureOutbox outbox;
  private final ESignatureProvider provider;
  private final long pollSeconds;
  private ManagedExecutorService executor;
  private ScheduledFuture<?> sweeps;
  private final RunFailures failures = new RunFailures(LOG, "e-signature outbox sweep");

  protected ESignatureDelivery() {
    this(null, null, 0);
  }

  @Inject
  public ESignatureDelivery(
      ESignatureOutbox outbox,
      ESignatureProvider provider,
      @ConfigProperty(name = "proxima.esign.outbox.poll-seconds", defaultValue = "5")
          long pollSeconds) {
    this.outbox = outbox;
    this.provider = provider;
    this.pollSeconds = pollSeconds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!provider.configured()) {
      // Nothing can be written to the outbox without a provider; there is nothing to sweep.
      return;
    }
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
      LOG.log(Level.SEVERE, "No executor for e-signature delivery; requests stay pending", e);
    }
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  /** Only after the commit: a request rolled back never reaches the provider. */
  void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ESignatureRequested request) {
    if (executor == null) {
      return;
    }
    try {
      executor.execute(() -> deliverQuietly(request.tenantId(), request.contractId()));
    } catch (RuntimeException e) {
      // A full executor leaves the entry to the next sweep.
      LOG.log(
          Level.FINE, "e-signature delivery of " + request.contractId() + " left to the sweep", e);
    }
  }

  void sweep() {
    try {
      List<ContractRepository.EnvelopeOwner> due =
          TenancyContext.callIn(TenancyContext.platform(ACTOR), () -> outbox.due(BATCH));
      for (ContractRepository.EnvelopeOwner entry : due) {
        deliverQuietly(entry.tenantId(), entry.contractId());
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again. Runs during the
      // deployment fail until the application's resources are bound: not worth a warning.
      failures.failed(e);
    }
  }

  private void deliverQuietly(UUID tenantId, UUID contractId) {
    try {
      TenancyContext.callIn(
          TenancyContext.tenant(tenantId, null, ACTOR), () -> deliver(contractId));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "e-signature delivery of contract " + contractId + " failed", e);
    }
  }

  /**
   * One attempt for one entry, in its tenant: claim, call, write down the outcome. False when there
   * was nothing to do (not due, or another node has it).
   */
  boolean deliver(UUID contractId) {
    Optional<ESignatureOutbox.Delivery> claimed = outbox.claim(contractId);
    if (claimed.isEmpty()) {
      return false;
    }
    ESignatureOutbox.Delivery delivery = claimed.get();
    String envelopeId;
    try {
      envelopeId = provider.send(delivery.envelope(), delivery.idempotencyKey());
    } catch (DomainException failure) {
      LOG.info(
          () ->
              "e-signature delivery of contract "
                  + contractId
                  + " did not go through: "
                  + failure.getMessage());
      outbox.failed(contractId, failure);
      return true;
    } catch (RuntimeException unexpected) {
      // A bug or a broken key must not retry forever: it counts as an attempt like an outage.
      LOG.log(
          Level.WARNING, "e-signature delivery of contract " + contractId + " failed", unexpected);
      outbox.failed(
          contractId,
          new DomainException.Unavailable(
              "the e-signature call failed unexpectedly ("
                  + unexpected.getClass().getSimpleName()
                  + ")"));
      return true;
    }
    outbox.delivered(contractId, envelopeId);
    return true;
  }
}
