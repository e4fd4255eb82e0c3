package io.proxima.tenancy.console;

import io.proxima.platform.schedule.ClusterSchedules;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.privacy.application.StaffIdentityRemovals;
import io.proxima.tenancy.application.TenantDeletions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases closed tenants' personal data once their retention period ({@code
 * proxima.tenants.retention-days}, 90) has passed: looked for every {@code
 * proxima.tenants.deletion-check-minutes} (60; 0 switches it off), once in the whole cluster
 * ({@link ClusterSchedules}).
 */
@ApplicationScoped
public class TenantDeletionSchedule {

  private static final Logger LOG = Logger.getLogger(TenantDeletionSchedule.class.getName());
  private static final String ACTOR = "system:tenant-deletions";

  static final String SCHEDULE = "tenant-deletions";

  private final TenantDeletions deletions;
  private final StaffIdentityRemovals staff;
  private final ClusterSchedules schedules;
  private final long everyMinutes;

  /** For the CDI client proxy only. */
  protected TenantDeletionSchedule() {
    this(null, null, null, 0);
  }

  @Inject
  public TenantDeletionSchedule(
      TenantDeletions deletions,
      StaffIdentityRemovals staff,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.tenants.deletion-check-minutes", defaultValue = "60")
          long everyMinutes) {
    this.deletions = deletions;
    this.staff = staff;
    this.schedules = schedules;
    this.everyMinutes = everyMinutes;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everyMinutes <= 0) {
      return;
    }
    schedules.every(SCHEDULE, Duration.ofMinutes(everyMinutes), this::run);
  }

  /** One run: every tenant due, each in its own transaction. */
  void run() {
    TenancyContext.callIn(
        TenancyContext.platform(ACTOR),
        () -> {
          for (UUID tenantId : deletions.due(Instant.now())) {
            try {
              TenantDeletions.Erased erased = deletions.erase(tenantId);
              // Committed: Keycloak's users go now, or with the retries if it is down.
              staff.remove(erased.staffLeaving());
              LOG.info(
                  () ->
                      "closed tenant "
                          + erased.slug()
                          + " erased after its retention period; consents ended: "
                          + erased.consentsEnded());
            } catch (RuntimeException e) {
              // The others go on; this one is tried again on the next run.
              LOG.log(Level.WARNING, "erasing closed tenant " + tenantId + " failed", e);
            }
          }
          return null;
        });
  }
}
