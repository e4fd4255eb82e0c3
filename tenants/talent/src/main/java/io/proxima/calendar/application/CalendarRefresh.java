package io.proxima.calendar.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads imported calendars again in the background, so busy time added elsewhere reaches the
 * freelancer's live availability without them pressing "refresh". Each run takes the calendars
 * waiting longest, a bounded batch, on the container's scheduler (no EJB timers in this platform).
 * Nodes running it side by side may read a calendar twice; the import is idempotent.
 */
@ApplicationScoped
public class CalendarRefresh {

  private static final Logger LOG = Logger.getLogger(CalendarRefresh.class.getName());
  static final int BATCH = 100;

  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private final FreelancerCalendar calendar;
  private final Duration every;
  private ScheduledFuture<?> schedule;

  protected CalendarRefresh() {
    this(null, 0);
  }

  @Inject
  public CalendarRefresh(
      FreelancerCalendar calendar,
      @ConfigProperty(name = "proxima.calendar.refresh-minutes", defaultValue = "30")
          long refreshMinutes) {
    this.calendar = calendar;
    this.every = Duration.ofMinutes(refreshMinutes);
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (every.isZero() || every.isNegative()) {
      LOG.info("Calendar refresh disabled (proxima.calendar.refresh-minutes=0)");
      return;
    }
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR, and deployment fails on it.
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(
          Level.WARNING, "No scheduler at " + SCHEDULER + "; calendars refresh on request only", e);
      return;
    }
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::refresh, every.toMinutes(), every.toMinutes(), TimeUnit.MINUTES);
  }

  void refresh() {
    try {
      int refreshed = calendar.refreshDue(every, BATCH);
      if (refreshed > 0) {
        LOG.fine(() -> refreshed + " calendars refreshed");
      }
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again.
      LOG.log(Level.WARNING, "calendar refresh failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
