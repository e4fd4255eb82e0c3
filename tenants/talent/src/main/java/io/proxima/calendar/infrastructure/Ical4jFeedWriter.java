package io.proxima.calendar.infrastructure;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.BusyTime;
import io.proxima.calendar.domain.FeedWriter;
import io.proxima.platform.text.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The freelancer's feed with ical4j. Timed entries are written in Asia/Tokyo with its VTIMEZONE, so
 * calendar apps show Japanese times however the viewer's device is set.
 *
 * <ul>
 *   <li>Availability: one all-day entry on the date they are available from (the date they said so,
 *       when available now), marked free (TRANSP:TRANSPARENT) so it blocks nothing; its SEQUENCE is
 *       the availability's version. Days per week and hours per day are in the title: which
 *       weekdays is not something the freelancer tells us, so no weekly pattern is invented. "Not
 *       available" has no entry.
 *   <li>Interviews: busy, with the job and the tenant; one called off stays with STATUS:CANCELLED
 *       and SEQUENCE 1 so subscribed apps strike it through instead of silently dropping it.
 *   <li>Imported busy time: busy, titled "Busy" only.
 * </ul>
 *
 * UIDs are derived from what the entry is (proposal id, source and interval), never random, so
 * every poll describes the same entries and DTSTAMP is the time the entry last changed.
 */
@ApplicationScoped
public class Ical4jFeedWriter implements FeedWriter {

  static final String DOMAIN = "@proxima";
  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  @Override
  public String write(Agenda agenda) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Proxima//Freelancer calendar//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", "Proxima"));
    calendar.add(new XProperty("X-WR-TIMEZONE", BusyTime.ZONE.getId()));
    calendar.add(tokyo());
    if (agenda.availability() != null
        && agenda.availability().status() != AvailabilityStatus.UNAVAILABLE) {
      calendar.add(availability(agenda.freelancerSubject(), agenda.availability()));
    }
    for (Agenda.Interview interview : agenda.interviews()) {
      calendar.add(interview(interview));
    }
    for (BusyBlock block : agenda.busy()) {
      calendar.add(busy(block));
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static VTimeZone tokyo() {
    return ZONES.getTimeZone(BusyTime.ZONE.getId()).getVTimeZone();
  }

  private static VEvent availability(String subject, Availability availability) {
    LocalDate from =
        availability.status() == AvailabilityStatus.AVAILABLE_FROM
            ? availability.availableFrom()
            : availability.updatedAt().atZone(BusyTime.ZONE).toLocalDate();
    String title =
        "Available "
            + (availability.status() == AvailabilityStatus.AVAILABLE_FROM ? "from " + from : "now")
            + " · "
            + availability.daysPerWeek()
            + " days/week · "
            + availability.hoursPerDay()
            + "h/day · "
            + availability.workStyle().name().toLowerCase(Locale.ROOT).replace('_', '-');
    VEvent event = event("availability-" + digest(subject), availability.updatedAt());
    event.add(new DtStart<>(from));
    event.add(new DtEnd<>(from.plusDays(1)));
    event.add(new Summary(title));
    if (availability.note() != null) {
      event.add(new Description(availability.note()));
    }
    event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, availability.version())));
    event.add(new Transp(Transp.VALUE_TRANSPARENT));
    return event;
  }

  private static VEvent interview(Agenda.Interview interview) {
    VEvent event = event("interview-" + interview.proposalId(), interview.changedAt());
    event.add(new DtStart<>(tokyo(interview.start())));
    event.add(new DtEnd<>(tokyo(interview.end())));
    String title = "Interview: " + (interview.jobTitle() == null ? "" : interview.jobTitle());
    if (interview.tenantName() != null) {
      title += " (" + interview.tenantName() + ")";
    }
    event.add(new Summary(title.strip()));
    if (interview.location() != null) {
      event.add(new Location(interview.location()));
    }
    if (interview.meetingUrl() != null) {
      event.add(new Url(URI.create(interview.meetingUrl())));
    }
    event.add(new Sequence(interview.calledOff() ? 1 : 0));
    event.add(new Status(interview.calledOff() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
    event.add(new Transp(Transp.VALUE_OPAQUE));
    return event;
  }

  private static VEvent busy(BusyBlock block) {
    BusyInterval interval = block.interval();
    VEvent event =
        event(
            "busy-"
                + digest(
                    block.sourceId()
                        + "/"
                        + interval.start().getEpochSecond()
                        + "/"
                        + interval.end().getEpochSecond()),
            block.importedAt());
    if (interval.allDay()) {
      event.add(new DtStart<>(interval.start().atZone(BusyTime.ZONE).toLocalDate()));
      event.add(new DtEnd<>(interval.end().atZone(BusyTime.ZONE).toLocalDate()));
    } else {
      event.add(new DtStart<>(tokyo(interval.start())));
      event.add(new DtEnd<>(tokyo(interval.end())));
    }
    event.add(new Summary("Busy"));
    event.add(new Transp(Transp.VALUE_OPAQUE));
    return event;
  }

  private static VEvent event(String uid, Instant changed) {
    VEvent event = new VEvent(false);
    event.add(new Uid(uid + DOMAIN));
    event.add(new DtStamp(changed));
    event.add(new LastModified(changed));
    return event;
  }

  private static Temporal tokyo(Instant instant) {
    return ZonedDateTime.ofInstant(instant, BusyTime.ZONE);
  }

  /** Ids in UIDs are hashed: a feed shared onwards should not hand out account ids. */
  static String digest(String value) {
    return HexFormat.of().formatHex(Digests.sha256(value), 0, 16);
  }
}
