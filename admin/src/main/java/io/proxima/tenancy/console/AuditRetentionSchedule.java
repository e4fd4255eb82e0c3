package io.proxima.tenancy.console;

import io.proxima.platform.audit.AuditRetention;
import io.proxima.platform.schedule.ClusterSchedules;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies audit retention on its own, every {@code proxima.audit.retention.purge-every-hours}
 * (default 24), once in the whole cluster ({@link ClusterSchedules}): the first run one period
 * after the cluster first started it, so a restart never begins with a purge. 0 switches it off for
 * operators who purge through the console.
 */
@ApplicationScoped
public class AuditRetentionSchedule {

  private static final Logger LOG = Logger.getLogger(AuditRetentionSchedule.class.getName());
  private static final String ACTOR = "system:audit-retention";

  static final String SCHEDULE = "audit-retention";

  private final AuditRetention retention;
  private final ClusterSchedules schedules;
  private final long everyHours;

  /** For the CDI client proxy only. */
  protected AuditRetentionSchedule() {
    this(null, null, 0);
  }

  @Inject
  public AuditRetentionSchedule(
      AuditRetention retention,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.audit.retention.purge-every-hours", defaultValue = "24")
          long everyHours) {
    this.retention = retention;
    this.schedules = schedules;
    this.everyHours = everyHours;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everyHours <= 0) {
      return;
    }
    schedules.every(SCHEDULE, Duration.ofHours(everyHours), this::purge);
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
