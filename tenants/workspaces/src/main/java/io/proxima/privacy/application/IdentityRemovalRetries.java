package io.proxima.privacy.application;

import io.proxima.platform.schedule.ClusterSchedules;
import io.proxima.platform.schedule.RunFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes, once per cluster every {@code proxima.privacy.identity-removal-retry-seconds} (300 by
 * default), the Keycloak users of erasures whose removal failed (Keycloak was down) or came back
 * with a restore of Keycloak's database: erased freelancers' and closed tenants' staff ({@link
 * StaffIdentityRemovals}). The erasure itself never waits for Keycloak.
 */
@ApplicationScoped
public class IdentityRemovalRetries {

  private static final Logger LOG = Logger.getLogger(IdentityRemovalRetries.class.getName());
  static final String SCHEDULE = "erasure-identity-removals";
  private static final int BATCH = 50;

  private final AccountErasure erasure;
  private final StaffIdentityRemovals staff;
  private final ClusterSchedules schedules;
  private final long everySeconds;
  private final RunFailures failures = new RunFailures(LOG, "retrying Keycloak removals");

  protected IdentityRemovalRetries() {
    this(null, null, null, 0);
  }

  @Inject
  public IdentityRemovalRetries(
      AccountErasure erasure,
      StaffIdentityRemovals staff,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.privacy.identity-removal-retry-seconds", defaultValue = "300")
          long everySeconds) {
    this.erasure = erasure;
    this.staff = staff;
    this.schedules = schedules;
    this.everySeconds = everySeconds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everySeconds > 0) {
      schedules.every(SCHEDULE, Duration.ofSeconds(everySeconds), this::run);
    }
  }

  void run() {
    try {
      int removed = erasure.retryIdentityRemovals(BATCH) + staff.retry(BATCH);
      if (removed > 0) {
        LOG.info(() -> removed + " Keycloak user(s) of earlier erasures removed");
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; runs during deployment fail quietly.
      failures.failed(e);
    }
  }
}
