package io.proxima.calendar.application;

import io.proxima.platform.schedule.ClusterSchedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads imported calendars again in the background, so busy time added elsewhere reaches the
 * freelancer's live availability without them pressing "refresh". Each run takes the calendars
 * waiting longest, a bounded batch, once per period in the whole cluster ({@link
 * ClusterSchedules}): nodes running it side by side would read the same calendars at the same time.
 */
@ApplicationScoped
public class CalendarRefresh {

  private static final Logger LOG = Logger.getLogger(CalendarRefresh.class.getName());
  static final int BATCH = 100;

  static final String SCHEDULE = "calendar-refresh";

  private final FreelancerCalendar calendar;
  private final ClusterSchedules schedules;
  private final Duration every;

  protected CalendarRefresh() {
    this(null, null, 0);
  }

  @Inject
  public CalendarRefresh(
      FreelancerCalendar calendar,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.calendar.refresh-minutes", defaultValue = "30")
          long refreshMinutes) {
    this.calendar = calendar;
    this.schedules = schedules;
    this.every = Duration.ofMinutes(refreshMinutes);
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (every.isZero() || every.isNegative()) {
      LOG.info("Calendar refresh disabled (proxima.calendar.refresh-minutes=0)");
      return;
    }
    schedules.every(SCHEDULE, every, this::refresh);
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
}
