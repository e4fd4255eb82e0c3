package io.proxima.calendar.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.BusyTime;
import io.proxima.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ical4jBusyTimeReaderTest {

  private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
  private static final Instant TO = FROM.plus(java.time.Duration.ofDays(90));
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final Ical4jBusyTimeReader reader = new Ical4jBusyTimeReader();

  private static byte[] calendar(String... lines) {
    StringBuilder ics =
        new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for (String line : lines) {
      ics.append(line).append("\r\n");
    }
    return ics.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final String[] BERLIN_ZONE = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE"
  };

  private static String[] with(String[] head, String... tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static Instant berlin(int month, int day, int hour) {
    int year = month == 1 ? 2027 : 2026;
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BERLIN).toInstant();
  }

  @Test
  void weeklySeriesIsExpandedInItsTimeZoneWithExceptionsAndMovedOccurrences() {
    List<BusyInterval> busy =
        reader.busyTime(
            calendar(
                with(
                    BERLIN_ZONE,
                    "BEGIN:VEVENT",
                    "UID:standup",
                    "DTSTAMP:20261101T000000Z",
                    "DTSTART;TZID=Europe/Berlin:20261202T100000",
                    "DTEND;TZID=Europe/Berlin:20261202T110000",
                    "RRULE:FREQ=WEEKLY;COUNT=5",
                    "EXDATE;TZID=Europe/Berlin:20261209T100000",
                    "END:VEVENT",
                    // The 16th moved to the afternoon, the 23rd called off.
                    "BEGIN:VEVENT",
                    "UID:standup",
                    "DTSTAMP:20261101T000000Z",
                    "RECURRENCE-ID;TZID=Europe/Berlin:20261216T100000",
                    "DTSTART;TZID=Europe/Berlin:20261216T150000",
                    "DTEND;TZID=Europe/Berlin:20261216T160000",
                    "END:VEVENT",
                    "BEGIN:VEVENT",
                    "UID:standup",
                    "DTSTAMP:20261101T000000Z",
                    "RECURRENCE-ID;TZID=Europe/Berlin:20261223T100000",
                    "DTSTART;TZID=Europe/Berlin:20261223T100000",
                    "DTEND;TZID=Europe/Berlin:20261223T110000",
                    "STATUS:CANCELLED",
                    "END:VEVENT")),
            FROM,
            TO);
    assertThat(busy)
        .containsExactly(
            new BusyInterval(berlin(12, 2, 10), berlin(12, 2, 11), false),
            new BusyInterval(berlin(12, 16, 15), berlin(12, 16, 16), false),
            new BusyInterval(berlin(12, 30, 10), berlin(12, 30, 11), false));
  }

  @Test
  void freeAndCancelledEventsAreNotBusy() {
    List<BusyInterval> busy =
        reader.busyTime(
            calendar(
                "BEGIN:VEVENT",
                "UID:free",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261201T010000Z",
                "DTEND:20261201T020000Z",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:off",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261201T030000Z",
                "DTEND:20261201T040000Z",
                "STATUS:CANCELLED",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:real",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261201T050000Z",
                "DURATION:PT90M",
                "TRANSP:OPAQUE",
                "END:VEVENT"),
            FROM,
            TO);
    assertThat(busy)
        .containsExactly(
            new BusyInterval(
                Instant.parse("2026-12-01T05:00:00Z"),
                Instant.parse("2026-12-01T06:30:00Z"),
                false));
  }

  @Test
  void allDayEventsCoverJapaneseDaysAndFloatingTimesAreJapaneseTimes() {
    List<BusyInterval> busy =
        reader.busyTime(
            calendar(
                "BEGIN:VEVENT",
                "UID:trip",
                "DTSTAMP:20261101T000000Z",
                "DTSTART;VALUE=DATE:20261205",
                "DTEND;VALUE=DATE:20261207",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:holiday",
                "DTSTAMP:20261101T000000Z",
                "DTSTART;VALUE=DATE:20261210",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:floating",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261211T090000",
                "DTEND:20261211T100000",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:instant",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261212T090000Z",
                "END:VEVENT"),
            FROM,
            TO);
    assertThat(busy)
        .containsExactly(
            new BusyInterval(tokyoMidnight(12, 5), tokyoMidnight(12, 7), true),
            new BusyInterval(tokyoMidnight(12, 10), tokyoMidnight(12, 11), true),
            new BusyInterval(
                ZonedDateTime.of(2026, 12, 11, 9, 0, 0, 0, BusyTime.ZONE).toInstant(),
                ZonedDateTime.of(2026, 12, 11, 10, 0, 0, 0, BusyTime.ZONE).toInstant(),
                false));
  }

  @Test
  void onlyTheWindowIsRead() {
    List<BusyInterval> busy =
        reader.busyTime(
            calendar(
                "BEGIN:VEVENT",
                "UID:daily",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261101T000000Z",
                "DTEND:20261101T010000Z",
                "RRULE:FREQ=DAILY",
                "END:VEVENT"),
            FROM,
            FROM.plus(java.time.Duration.ofDays(3)));
    assertThat(busy).hasSize(3);
    assertThat(busy.get(0).start()).isEqualTo(FROM);
  }

  @Test
  void whatIsNotICalendarIsAnUnreadableFile() {
    for (byte[] broken :
        List.of(
            "hello".getBytes(StandardCharsets.UTF_8),
            "<html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8),
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-99\r\n"
                .getBytes(StandardCharsets.UTF_8),
            calendar(
                "BEGIN:VEVENT",
                "UID:bad",
                "DTSTAMP:20261101T000000Z",
                "DTSTART:20261341T250000Z",
                "DTEND:20261201T010000Z",
                "END:VEVENT"))) {
      assertThatThrownBy(() -> reader.busyTime(broken, FROM, TO))
          .isInstanceOf(DomainException.UnreadableFile.class)
          .isInstanceOf(DomainException.UnreadableFile.class);
    }
  }

  private static Instant tokyoMidnight(int month, int day) {
    return ZonedDateTime.of(2026, month, day, 0, 0, 0, 0, BusyTime.ZONE).toInstant();
  }
}
