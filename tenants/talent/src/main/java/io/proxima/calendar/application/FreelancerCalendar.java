package io.proxima.calendar.application;

import io.proxima.availability.application.AvailabilityLedger;
import io.proxima.availability.domain.Availability;
import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.BusyTime;
import io.proxima.calendar.domain.BusyTimeReader;
import io.proxima.calendar.domain.CalendarAddress;
import io.proxima.calendar.domain.CalendarDownloads;
import io.proxima.calendar.domain.CalendarSource;
import io.proxima.calendar.domain.FeedToken;
import io.proxima.calendar.domain.FeedWriter;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A freelancer's calendars: the secret feed calendar apps subscribe to, and the external calendars
 * whose busy time moves their live availability. Calls without a freelancer argument act for the
 * caller ({@link TenancyContext#requireSubject()}); the feed acts for whoever the token names.
 */
@ApplicationScoped
public class FreelancerCalendar {

  private static final Logger LOG = Logger.getLogger(FreelancerCalendar.class.getName());

  /** Busy blocks kept per calendar, after joining overlaps; more is not a personal calendar. */
  public static final int BUSY_LIMIT = 2_000;

  /** How far back the feed repeats imported busy time: apps keep what they saw before. */
  static final Duration FEED_HISTORY = Duration.ofDays(30);

  private final CalendarLedger ledger;
  private final AvailabilityLedger availability;
  private final BusyTimeReader reader;
  private final FeedWriter writer;
  private final CalendarDownloads downloads;
  private final LiveAvailabilityChanges live;
  private final Duration window;
  private final Clock clock;

  protected FreelancerCalendar() {
    this(null, null, null, null, null, null, 90, null);
  }

  /**
   * @param live absent in a WAR without the real-time core (the admin console), which neither
   *     imports nor refreshes calendars
   */
  @Inject
  public FreelancerCalendar(
      CalendarLedger ledger,
      AvailabilityLedger availability,
      BusyTimeReader reader,
      FeedWriter writer,
      CalendarDownloads downloads,
      Instance<LiveAvailabilityChanges> live,
      @ConfigProperty(name = "proxima.calendar.window-days", defaultValue = "90") int windowDays) {
    this(
        ledger,
        availability,
        reader,
        writer,
        downloads,
        live.isResolvable() ? live.get() : null,
        windowDays,
        Clock.systemUTC());
  }

  FreelancerCalendar(
      CalendarLedger ledger,
      AvailabilityLedger availability,
      BusyTimeReader reader,
      FeedWriter writer,
      CalendarDownloads downloads,
      LiveAvailabilityChanges live,
      int windowDays,
      Clock clock) {
    this.ledger = ledger;
    this.availability = availability;
    this.reader = reader;
    this.writer = writer;
    this.downloads = downloads;
    this.live = live;
    this.window = Duration.ofDays(windowDays);
    this.clock = clock;
  }

  // ---- the feed ------------------------------------------------------------------------------

  /** The caller's new feed token, shown this once; a 409 when they already have a feed. */
  public FeedToken createFeed() {
    FeedToken token = FeedToken.generate();
    ledger.createFeed(me(), token, clock.instant());
    return token;
  }

  /** A new token for the caller's feed; the old address stops working at once. */
  public FeedToken rotateFeed() {
    FeedToken token = FeedToken.generate();
    ledger.rotateFeed(me(), token, clock.instant());
    return token;
  }

  public void revokeFeed() {
    ledger.revokeFeed(me());
  }

  public boolean hasFeed() {
    return ledger.hasFeed(me());
  }

  /** The feed as calendar apps fetch it, and when what it shows last changed. */
  public record Feed(String document, Instant lastModified) {}

  /**
   * The feed a token opens. Anything but a live token is the same 404, whether malformed, revoked
   * or never issued.
   */
  public Feed feed(String presentedToken) {
    String owner =
        FeedToken.presented(presentedToken)
            .flatMap(
                token ->
                    TenancyContext.callIn(
                        TenancyContext.anonymous(), () -> ledger.feedOwner(token)))
            .orElseThrow(() -> new DomainException.NotFound("There is no such calendar feed."));
    Agenda agenda =
        TenancyContext.callIn(
            TenancyContext.self(owner),
            () -> ledger.agenda(owner, clock.instant().minus(FEED_HISTORY)));
    return new Feed(writer.write(agenda), agenda.lastChanged());
  }

  // ---- imported calendars --------------------------------------------------------------------

  /** What an import did: the calendar, and the availability if the busy time moved it. */
  public record Imported(CalendarSource source, int busyBlocks, Availability availability) {}

  /**
   * Registers an external calendar and imports its busy time at once: the address must be reachable
   * and the document readable (502/504, 422 otherwise), else nothing is stored.
   */
  public Imported addSource(String url, String label) {
    String me = me();
    CalendarAddress address = CalendarAddress.parse(url);
    CalendarSource source = CalendarSource.register(me, address, label, clock.instant());
    List<BusyInterval> busy = read(address);
    CalendarSource stored = ledger.addSource(source, busy, clock.instant());
    return new Imported(stored, busy.size(), reflectInAvailability(me));
  }

  public List<CalendarSource> sources() {
    return ledger.sources(me());
  }

  /** Stops importing from a calendar and forgets its busy time. */
  public void removeSource(UUID id) {
    ledger.removeSource(id);
  }

  /** Reads the calendar again now; a failure is kept on the calendar and answered as a problem. */
  public Imported refreshSource(UUID id) {
    CalendarSource source = ledger.source(id);
    List<BusyInterval> busy;
    try {
      busy = read(source.address());
    } catch (DomainException e) {
      ledger.refreshFailed(id, e.getMessage(), clock.instant());
      throw e;
    }
    CalendarSource stored = ledger.storeBusy(source, busy, clock.instant());
    return new Imported(stored, busy.size(), reflectInAvailability(source.freelancerSubject()));
  }

  /** The caller's imported busy time from now on, in time order. */
  public List<BusyBlock> busy() {
    return ledger.busy(me(), clock.instant());
  }

  /**
   * Refreshes every calendar not read for {@code maxAge}, each as its owner; one failing calendar
   * does not stop the others. Returns how many were read successfully.
   */
  public int refreshDue(Duration maxAge, int limit) {
    if (live == null) {
      return 0;
    }
    List<io.proxima.calendar.domain.CalendarRepository.Due> due =
        TenancyContext.callIn(
            TenancyContext.platform(null),
            () -> ledger.sourcesDue(clock.instant().minus(maxAge), limit));
    int refreshed = 0;
    for (var source : due) {
      try {
        TenancyContext.callIn(
            TenancyContext.self(source.freelancerSubject()),
            () -> refreshSource(source.sourceId()));
        refreshed++;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "calendar " + source.sourceId() + " not refreshed", e);
      }
    }
    return refreshed;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private List<BusyInterval> read(CalendarAddress address) {
    Instant now = clock.instant();
    byte[] document = downloads.download(address);
    List<BusyInterval> busy = BusyInterval.merged(reader.busyTime(document, now, now.plus(window)));
    if (busy.size() > BUSY_LIMIT) {
      throw new DomainException.UnreadableFile(
          "the calendar has more than " + BUSY_LIMIT + " separate busy times in the next days");
    }
    return busy;
  }

  /**
   * Moves the freelancer's "available from" past the busy time it now falls into, through their
   * live entity, so boards see it like any change they make themselves. The freelancer editing at
   * the same moment wins (409, ignored); the next refresh looks again.
   *
   * @return the availability after the change, or null when nothing changed
   */
  Availability reflectInAvailability(String freelancer) {
    if (live == null) {
      return null;
    }
    Instant now = clock.instant();
    Availability current =
        TenancyContext.callIn(
            TenancyContext.self(freelancer), () -> availability.current(freelancer).orElse(null));
    List<BusyInterval> busy =
        TenancyContext.callIn(TenancyContext.self(freelancer), () -> ledger.busy(freelancer, now))
            .stream()
            .map(BusyBlock::interval)
            .toList();
    Optional<Availability.Change> change = BusyTime.availabilityAfter(current, busy, now);
    if (change.isEmpty()) {
      return null;
    }
    try {
      return live.change(freelancer, change.get(), current.version());
    } catch (DomainException.Conflict e) {
      return null;
    } catch (DomainException.Unavailable e) {
      LOG.log(
          Level.INFO,
          () -> "availability of " + freelancer + " not moved past busy time: " + e.getMessage());
      return null;
    }
  }

  private static String me() {
    return TenancyContext.current().requireSubject();
  }
}
