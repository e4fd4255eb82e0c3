package io.proxima.matching.application;

import io.proxima.matching.domain.CandidateMatcher;
import io.proxima.platform.schedule.ClusterSchedules;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trains every active tenant's ranking weights once every {@code proxima.matching.training-hours}
 * (default 24), once in the whole cluster ({@link ClusterSchedules}). It used to run inside the
 * first ranking of the day, which then waited for up to 150 pools to be read; now no request
 * trains, and a new tenant ranks with the fixed weights until the next run. 0 switches it off.
 */
@ApplicationScoped
public class RankingTrainingSchedule {

  private static final Logger LOG = Logger.getLogger(RankingTrainingSchedule.class.getName());
  private static final String ACTOR = "system:ranking-training";
  static final String SCHEDULE = "ranking-training";

  private final RankingTraining training;
  private final ClusterSchedules schedules;
  private final long everyHours;
  private final CandidateMatcher matcher = CandidateMatcher.standard();
  private final Clock clock = Clock.systemUTC();

  protected RankingTrainingSchedule() {
    this(null, null, 0);
  }

  @Inject
  public RankingTrainingSchedule(
      RankingTraining training,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.matching.training-hours", defaultValue = "24")
          long everyHours) {
    this.training = training;
    this.schedules = schedules;
    this.everyHours = everyHours;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everyHours <= 0) {
      LOG.info("Ranking training disabled (proxima.matching.training-hours=0)");
      return;
    }
    schedules.every(SCHEDULE, Duration.ofHours(everyHours), this::trainAll);
  }

  /** One training per active tenant; one tenant's failure does not stop the others'. */
  void trainAll() {
    List<Tenant> tenants =
        TenancyContext.callIn(TenancyContext.platform(ACTOR), training::tenantsToTrain);
    int trained = 0;
    for (Tenant tenant : tenants) {
      try {
        TenancyContext.callIn(
            TenancyContext.tenant(tenant.id(), tenant.slug().value(), ACTOR),
            () -> training.train(matcher, clock.instant()));
        trained++;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "ranking training of tenant " + tenant.slug().value() + " failed", e);
      }
    }
    int done = trained;
    LOG.info(() -> "ranking weights trained for " + done + " of " + tenants.size() + " tenants");
  }
}
