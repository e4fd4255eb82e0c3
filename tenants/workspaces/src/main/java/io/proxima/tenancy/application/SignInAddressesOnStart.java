package io.proxima.tenancy.application;

import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Reconciles every tenant's sign-in addresses once per start, in the background: a node must deploy
 * while Keycloak is down, and clients made by an older release (before tenants' sub-domains were
 * accepted) would otherwise refuse sign-in there with "invalid redirect_uri" until someone happened
 * to rebrand the tenant. A pass that leaves a tenant out is repeated every minute until every
 * tenant is done; the work is idempotent, so several nodes doing it is harmless.
 */
@ApplicationScoped
public class SignInAddressesOnStart {

  private static final Logger LOG = Logger.getLogger(SignInAddressesOnStart.class.getName());
  private static final String ACTOR = "system:sign-in-addresses";
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
  private static final long RETRY_SECONDS = 60;

  private final TenantAdministration administration;
  private volatile ScheduledFuture<?> job;
  private volatile boolean done;

  /** For the CDI client proxy only. */
  protected SignInAddressesOnStart() {
    this(null);
  }

  @Inject
  public SignInAddressesOnStart(TenantAdministration administration) {
    this.administration = administration;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected, for the reason AuditRetentionSchedule gives.
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(
          Level.SEVERE, "No scheduler at " + SCHEDULER + "; sign-in addresses not reconciled", e);
      return;
    }
    job = scheduler.scheduleWithFixedDelay(this::pass, 5, RETRY_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void pass() {
    if (done) {
      return;
    }
    try {
      List<String> failed =
          TenancyContext.callIn(
              TenancyContext.platform(ACTOR), administration::reconcileSignInAddresses);
      if (failed.isEmpty()) {
        done = true;
        job.cancel(false);
        LOG.info("sign-in addresses of every tenant reconciled");
      } else {
        LOG.warning(() -> "sign-in addresses not reconciled for " + failed + "; retrying in 60 s");
      }
    } catch (RuntimeException e) {
      // The database may be down too; the next pass tries again.
      LOG.log(Level.WARNING, "sign-in address reconciliation failed; retrying in 60 s", e);
    }
  }
}
