package io.proxima.calendar.application;

import io.proxima.availability.application.AvailabilityLedger;
import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.CalendarRepository;
import io.proxima.calendar.domain.CalendarSource;
import io.proxima.calendar.domain.FeedToken;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The calendar's transactions, each short and in the caller's {@link
 * io.proxima.platform.tenancy.TenancyContext}: {@link FreelancerCalendar} fetches external
 * calendars outside of them, so no database connection waits on someone else's server.
 */
@ApplicationScoped
public class CalendarLedger {

  private final CalendarRepository calendars;
  private final AvailabilityLedger availability;
  private final AuditLog audit;

  protected CalendarLedger() {
    this(null, null, null);
  }

  @Inject
  public CalendarLedger(
      CalendarRepository calendars, AvailabilityLedger availability, AuditLog audit) {
    this.calendars = calendars;
    this.availability = availability;
    this.audit = audit;
  }

  @Transactional
  public void createFeed(String freelancer, FeedToken token, Instant now) {
    if (calendars.feedHash(freelancer).isPresent()) {
      throw new DomainException.Conflict("the calendar feed exists; rotate it for a new address");
    }
    calendars.storeFeed(freelancer, token.hash(), now);
    audit.record("calendar.feed.created", null, freelancer, null);
  }

  @Transactional
  public void rotateFeed(String freelancer, FeedToken token, Instant now) {
    if (calendars.feedHash(freelancer).isEmpty()) {
      throw new DomainException.NotFound("There is no calendar feed to rotate.");
    }
    calendars.storeFeed(freelancer, token.hash(), now);
    audit.record("calendar.feed.rotated", null, freelancer, null);
  }

  @Transactional
  public void revokeFeed(String freelancer) {
    if (!calendars.deleteFeed(freelancer)) {
      throw new DomainException.NotFound("There is no calendar feed.");
    }
    audit.record("calendar.feed.revoked", null, freelancer, null);
  }

  @Transactional
  public boolean hasFeed(String freelancer) {
    return calendars.feedHash(freelancer).isPresent();
  }

  /** Run anonymously: whose feed the token opens. */
  @Transactional
  public Optional<String> feedOwner(FeedToken token) {
    return calendars.feedOwner(token.hash());
  }

  /** Run as the freelancer: everything their feed shows. */
  @Transactional
  public Agenda agenda(String freelancer, Instant busyFrom) {
    return new Agenda(
        freelancer,
        availability.current(freelancer).orElse(null),
        calendars.interviews(freelancer),
        calendars.busy(freelancer, busyFrom),
        calendars.busyChangedAt(freelancer).orElse(null));
  }

  /** A new source with the busy time read from it, or a 409 when it is already imported. */
  @Transactional
  public CalendarSource addSource(CalendarSource source, List<BusyInterval> busy, Instant now) {
    if (!calendars.addSource(source)) {
      throw new DomainException.Conflict("this calendar is already imported");
    }
    calendars.replaceBusy(source.id(), source.freelancerSubject(), busy, now);
    audit.record(
        "calendar.source.added", null, source.id().toString(), source.address().uri().getHost());
    return calendars.source(source.id()).orElseThrow();
  }

  @Transactional
  public List<CalendarSource> sources(String freelancer) {
    return calendars.sources(freelancer);
  }

  @Transactional
  public CalendarSource source(UUID id) {
    return calendars
        .source(id)
        .orElseThrow(() -> new DomainException.NotFound("There is no such calendar."));
  }

  @Transactional
  public void removeSource(UUID id) {
    if (!calendars.removeSource(id)) {
      throw new DomainException.NotFound("There is no such calendar.");
    }
    audit.record("calendar.source.removed", null, id.toString(), null);
  }

  @Transactional
  public CalendarSource storeBusy(CalendarSource source, List<BusyInterval> busy, Instant now) {
    calendars.replaceBusy(source.id(), source.freelancerSubject(), busy, now);
    return calendars.source(source.id()).orElseThrow();
  }

  @Transactional
  public void refreshFailed(UUID sourceId, String reason, Instant now) {
    calendars.refreshFailed(sourceId, reason, now);
  }

  @Transactional
  public List<BusyBlock> busy(String freelancer, Instant from) {
    return calendars.busy(freelancer, from);
  }

  /** Run under the platform scope: sources every owner's refresh is due for. */
  @Transactional
  public List<CalendarRepository.Due> sourcesDue(Instant before, int limit) {
    return calendars.sourcesDue(before, limit);
  }
}
