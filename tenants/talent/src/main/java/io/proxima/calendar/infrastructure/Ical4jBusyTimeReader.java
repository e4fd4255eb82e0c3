package io.proxima.calendar.infrastructure;

import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.BusyTime;
import io.proxima.calendar.domain.BusyTimeReader;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Transp;

/**
 * Busy time out of an iCalendar document with ical4j, as calendar apps mean it:
 *
 * <ul>
 *   <li>recurring events are expanded within the window (RRULE, RDATE, EXDATE), and an occurrence
 *       moved or cancelled by its own RECURRENCE-ID entry is taken from that entry;
 *   <li>TRANSP:TRANSPARENT ("show as free") and STATUS:CANCELLED events are not busy;
 *   <li>all-day events (dates) cover whole Japanese days; floating times (no zone) are read as
 *       Japanese times; TZID times are converted with the document's VTIMEZONE;
 *   <li>an all-day event without an end lasts one day, a timed one without an end or duration takes
 *       no time (RFC 5545 §3.6.1) and is skipped.
 * </ul>
 */
@ApplicationScoped
public class Ical4jBusyTimeReader implements BusyTimeReader {

  /** More occurrences than this in one window is not a calendar, it is an attack on the parser. */
  static final int OCCURRENCE_LIMIT = 20_000;

  @Override
  public List<BusyInterval> busyTime(byte[] document, Instant from, Instant to) {
    Calendar calendar = parse(document);
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    // Moved or cancelled occurrences, per series, by the start they replace.
    Map<String, Set<Instant>> overridden = new HashMap<>();
    for (VEvent event : events) {
      Optional<RecurrenceId<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
      if (recurrenceId.isPresent() && recurrenceId.get().getDate() != null) {
        overridden
            .computeIfAbsent(uid(event), key -> new HashSet<>())
            .add(instant(recurrenceId.get().getDate()));
      }
    }
    Period<ZonedDateTime> window =
        new Period<>(from.atZone(BusyTime.ZONE), to.atZone(BusyTime.ZONE));
    List<BusyInterval> busy = new ArrayList<>();
    for (VEvent event : events) {
      boolean override = event.getProperty(Property.RECURRENCE_ID).isPresent();
      if (!isBusy(event)) {
        continue;
      }
      Optional<DateProperty<Temporal>> start = event.getProperty(Property.DTSTART);
      if (start.isEmpty() || start.get().getDate() == null) {
        continue; // no start, no time
      }
      boolean allDay = start.get().getDate() instanceof LocalDate;
      Set<Instant> replaced = override ? Set.of() : overridden.getOrDefault(uid(event), Set.of());
      for (Period<Temporal> occurrence : occurrences(event, window, allDay)) {
        Instant begins = instant(occurrence.getStart());
        Instant ends = instant(occurrence.getEnd());
        if (replaced.contains(begins) || !ends.isAfter(begins)) {
          continue;
        }
        if (ends.isAfter(from) && begins.isBefore(to)) {
          busy.add(new BusyInterval(begins, ends, allDay));
        }
        if (busy.size() > OCCURRENCE_LIMIT) {
          throw new DomainException.UnreadableFile(
              "the calendar has more than " + OCCURRENCE_LIMIT + " events in the next days");
        }
      }
    }
    busy.sort(java.util.Comparator.comparing(BusyInterval::start));
    return List.copyOf(busy);
  }

  private static Calendar parse(byte[] document) {
    try {
      return new CalendarBuilder().build(new ByteArrayInputStream(document));
    } catch (ParserException e) {
      throw new DomainException.UnreadableFile(
          "not an iCalendar document (line " + e.getLineNo() + "): " + brief(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      // ical4j reports broken values (a bad date, an unknown time zone) as runtime exceptions.
      throw new DomainException.UnreadableFile(
          "not a readable iCalendar document: " + brief(String.valueOf(e.getMessage())));
    }
  }

  private static List<Period<Temporal>> occurrences(
      VEvent event, Period<ZonedDateTime> window, boolean allDay) {
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Set<Period<Temporal>> set = event.calculateRecurrenceSet((Period) window);
      List<Period<Temporal>> periods = new ArrayList<>(set);
      if (allDay) {
        // A date without an end is the whole day (RFC 5545 §3.6.1); ical4j gives it no length.
        periods.replaceAll(
            p ->
                instant(p.getEnd()).equals(instant(p.getStart()))
                    ? new Period<>(p.getStart(), ((LocalDate) p.getStart()).plusDays(1))
                    : p);
      }
      return periods;
    } catch (RuntimeException e) {
      throw new DomainException.UnreadableFile(
          "an event cannot be expanded ("
              + uid(event)
              + "): "
              + brief(String.valueOf(e.getMessage())));
    }
  }

  private static boolean isBusy(VEvent event) {
    Optional<Transp> transparency = event.getProperty(Property.TRANSP);
    if (transparency.isPresent()
        && Transp.VALUE_TRANSPARENT.equalsIgnoreCase(value(transparency))) {
      return false;
    }
    Optional<Status> status = event.getProperty(Property.STATUS);
    return status.isEmpty() || !Status.VALUE_CANCELLED.equalsIgnoreCase(value(status));
  }

  private static String value(Optional<? extends Property> property) {
    return property.map(Property::getValue).orElse("").strip();
  }

  private static String uid(VEvent event) {
    return event.getProperty(Property.UID).map(Property::getValue).orElse("");
  }

  /** Dates start at Japanese midnight, floating times are Japanese times. */
  static Instant instant(Temporal temporal) {
    if (temporal instanceof Instant instant) {
      return instant;
    }
    if (temporal instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (temporal instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (temporal instanceof LocalDateTime local) {
      return local.atZone(BusyTime.ZONE).toInstant();
    }
    if (temporal instanceof LocalDate date) {
      return date.atStartOfDay(BusyTime.ZONE).toInstant();
    }
    throw new DomainException.UnreadableFile("an unsupported date: " + temporal);
  }

  private static String brief(String message) {
    return message == null ? "" : message.length() > 200 ? message.substring(0, 200) : message;
  }
}
