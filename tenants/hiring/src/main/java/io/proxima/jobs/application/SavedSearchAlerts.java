package io.proxima.jobs.application;

import io.proxima.platform.schedule.RunFailures;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the saved-search alert rounds in the background, every {@code
 * proxima.jobs.saved-search-alert-seconds} (60 by default; 0 turns alerts off), so publishing a job
 * never waits for every saved search to be matched against it.
 *
 * <p>A round matches jobs published up to {@code proxima.jobs.saved-search-settle-seconds} ago (5
 * by default), not up to now: a publish whose transaction is still committing carries a publication
 * time a moment in the past, and a mark moved past it before it commits would miss it for good.
 */
@ApplicationScoped
public class SavedSearchAlerts {

  private static final Logger LOG = Logger.getLogger(SavedSearchAlerts.class.getName());
  private static final String ACTOR = "system:saved-search-alerts";
  private static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  /** Searches per transaction; a round goes on with the next batch until none is due. */
  private static final int BATCH = 100;

  private static final int BATCHES_PER_ROUND = 50;

  private final SavedSearches searches;
  private final long everySeconds;
  private final Duration settle;
  private final Clock clock = Clock.systemUTC();
  private ScheduledFuture<?> schedule;
  private final RunFailures failures = new RunFailures(LOG, "saved-search alert round");

  protected SavedSearchAlerts() {
    this(null, 0, 0);
  }

  @Inject
  public SavedSearchAlerts(
      SavedSearches searches,
      @ConfigProperty(name = "proxima.jobs.saved-search-alert-seconds", defaultValue = "60")
          long everySeconds,
      @ConfigProperty(name = "proxima.jobs.saved-search-settle-seconds", defaultValue = "5")
          long settleSeconds) {
    this.searches = searches;
    this.everySeconds = everySeconds;
    this.settle = Duration.ofSeconds(Math.max(0, settleSeconds));
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everySeconds <= 0) {
      LOG.info("Saved-search alerts disabled (proxima.jobs.saved-search-alert-seconds=0)");
      return;
    }
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR.
      ManagedScheduledExecutorService scheduler = InitialContext.doLookup(SCHEDULER);
      schedule =
          scheduler.scheduleWithFixedDelay(this::run, everySeconds, everySeconds, TimeUnit.SECONDS);
    } catch (NamingException e) {
      LOG.log(Level.WARNING, "No scheduler at " + SCHEDULER + "; no saved-search alerts", e);
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  void run() {
    try {
      int raised = round();
      if (raised > 0) {
        LOG.info(() -> raised + " saved-search alerts raised");
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed round must not cancel the schedule; the marks did not move, the next one retries.
      failures.failed(e);
    }
  }

  /** One round: every due saved search, batch by batch; returns how many alerts were raised. */
  public int round() {
    Instant through = clock.instant().minus(settle);
    int raised = 0;
    for (int i = 0; i < BATCHES_PER_ROUND; i++) {
      SavedSearches.AlertRound done =
          TenancyContext.callIn(
              TenancyContext.platform(ACTOR), () -> searches.alertDue(through, BATCH));
      raised += done.raised();
      if (done.searched() < BATCH) {
        break;
      }
    }
    return raised;
  }
}
