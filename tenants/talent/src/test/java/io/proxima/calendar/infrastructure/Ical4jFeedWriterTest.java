package io.proxima.calendar.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.BusyTime;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class Ical4jFeedWriterTest {

  static final Instant CHANGED = Instant.parse("2026-11-20T03:00:00Z");
  static final UUID SOURCE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID AGREED = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID CALLED_OFF = UUID.fromString("00000000-0000-0000-0000-000000000002");

  static Instant tokyo(int day, int hour) {
    return ZonedDateTime.of(2026, 12, day, hour, 0, 0, 0, BusyTime.ZONE).toInstant();
  }

  /** Availability from 1 December, two interviews (one called off), timed and all-day busy time. */
  static Agenda agenda() {
    return new Agenda(
        "subject-1",
        new Availability(
            AvailabilityStatus.AVAILABLE_FROM,
            LocalDate.of(2026, 12, 1),
            3,
            8,
            WorkStyle.HYBRID,
            null,
            "平日のみ",
            CHANGED,
            7),
        List.of(
            new Agenda.Interview(
                AGREED,
                "Rust 基盤",
                "Agency A",
                tokyo(3, 14),
                tokyo(3, 15),
                null,
                "https://meet.example.jp/x",
                false,
                CHANGED),
            new Agenda.Interview(
                CALLED_OFF,
                "Go API",
                "Agency B",
                tokyo(4, 10),
                tokyo(4, 11),
                "渋谷",
                null,
                true,
                CHANGED.plusSeconds(60))),
        List.of(
            new BusyBlock(SOURCE, new BusyInterval(tokyo(7, 0), tokyo(9, 0), true), CHANGED),
            new BusyBlock(SOURCE, new BusyInterval(tokyo(10, 9), tokyo(10, 18), false), CHANGED)),
        CHANGED);
  }

  private final Ical4jFeedWriter writer = new Ical4jFeedWriter();

  private static Map<String, VEvent> byUid(String document) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(document));
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    return events.stream()
        .collect(
            Collectors.toMap(
                e -> e.getProperty(Property.UID).orElseThrow().getValue(), Function.identity()));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void whatIsWrittenParsesBackWithTokyoTimesStableUidsAndStatuses() throws Exception {
    String document = writer.write(agenda());
    assertThat(document).contains("BEGIN:VTIMEZONE").contains("TZID:Asia/Tokyo");
    Map<String, VEvent> events = byUid(document);
    assertThat(events).hasSize(5);

    VEvent agreed = events.get("interview-" + AGREED + "@proxima");
    assertThat(value(agreed, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(value(agreed, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(agreed, Property.TRANSP)).isEqualTo("OPAQUE");
    assertThat(value(agreed, Property.DTSTAMP)).isEqualTo("20261120T030000Z");
    assertThat(value(agreed, Property.SUMMARY)).contains("Rust 基盤").contains("Agency A");
    assertThat(value(agreed, Property.URL)).isEqualTo("https://meet.example.jp/x");
    assertThat(agreed.getProperty(Property.DTSTART).orElseThrow().toString())
        .startsWith("DTSTART;TZID=Asia/Tokyo:20261203T140000");

    VEvent calledOff = events.get("interview-" + CALLED_OFF + "@proxima");
    assertThat(value(calledOff, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(value(calledOff, Property.SEQUENCE)).isEqualTo("1");
    assertThat(value(calledOff, Property.LOCATION)).isEqualTo("渋谷");

    VEvent available =
        events.values().stream()
            .filter(e -> value(e, Property.UID).startsWith("availability-"))
            .findFirst()
            .orElseThrow();
    assertThat(value(available, Property.UID)).doesNotContain("subject-1");
    assertThat(available.getProperty(Property.DTSTART).orElseThrow().toString())
        .startsWith("DTSTART;VALUE=DATE:20261201");
    assertThat(value(available, Property.TRANSP)).isEqualTo("TRANSPARENT");
    assertThat(value(available, Property.SEQUENCE)).isEqualTo("7");
    assertThat(value(available, Property.SUMMARY)).contains("3 days/week").contains("8h/day");

    assertThat(
            events.values().stream()
                .filter(e -> value(e, Property.UID).startsWith("busy-"))
                .map(e -> e.getProperty(Property.DTSTART).orElseThrow().toString().strip()))
        .containsExactlyInAnyOrder(
            "DTSTART;VALUE=DATE:20261207", "DTSTART;TZID=Asia/Tokyo:20261210T090000");
  }

  @Test
  void theSameAgendaIsTheSameDocument() {
    assertThat(writer.write(agenda())).isEqualTo(writer.write(agenda()));
  }

  @Test
  void notAvailableHasNoEntryAndAnEmptyAgendaIsAValidCalendar() throws Exception {
    Agenda unavailable =
        new Agenda(
            "subject-2",
            new Availability(
                AvailabilityStatus.UNAVAILABLE,
                null,
                1,
                1,
                WorkStyle.ON_SITE,
                null,
                null,
                CHANGED,
                1),
            List.of(),
            List.of(),
            null);
    assertThat(byUid(writer.write(unavailable))).isEmpty();
    assertThat(byUid(writer.write(new Agenda("s", null, List.of(), List.of(), null)))).isEmpty();
  }
}
