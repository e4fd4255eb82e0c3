package io.proxima.tenancy.console;

import io.proxima.platform.audit.AuditRetention;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies audit retention on its own, every {@code proxima.audit.retention.purge-every-hours}
 * (default 24, the first run that long after start, so a restart never begins with a purge). Every
 * node runs it: audit_purge() locks each chain and is idempotent, so a second node finds nothing
 * left to remove. 0 switches it off for operators who purge through the console.
 */
@ApplicationScoped
public class AuditRetentionSchedule {

  private static final Logger LOG = Logger.getLogger(AuditRetentionSchedule.class.getName());
  private static final String ACTOR = "system:audit-retention";

  /** The platform's default scheduler (Jakarta Concurrency). */
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private final AuditRetention retention;
  private final long everyHours;
  private ScheduledFuture<?> job;

  /** For the CDI client proxy only. */
  protected AuditRetentionSchedule() {
    this(null, 0);
  }

  @Inject
  public AuditRetentionSchedule(
      AuditRetention retention,
      @ConfigProperty(name = "proxima.audit.retention.purge-every-hours", defaultValue = "24")
          long everyHours) {
    this.retention = retention;
    this.everyHours = everyHours;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everyHours <= 0) {
      return;
    }
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected: this class lives in the console jar inside the WAR,
      // and Payara binds no java:comp/env entry for a @Resource field of a bean in a library JAR
      // (deployment fails on it; SigningKeyKeeper does the same).
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No scheduler at " + SCHEDULER + "; audit retention does not run", e);
      return;
    }
    job = scheduler.scheduleAtFixedRate(this::purge, everyHours, everyHours, TimeUnit.HOURS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void purge() {
    try {
      Map<String, Long> removed =
          TenancyContext.callIn(TenancyContext.platform(ACTOR), retention::purgeExpired);
      LOG.info(() -> "audit retention applied; entries removed per chain: " + removed);
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again.
      LOG.log(Level.WARNING, "audit retention run failed", e);
    }
  }
}
