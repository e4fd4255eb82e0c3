package io.proxima.calendar.domain;

/** Writes a freelancer's agenda as an iCalendar document. */
public interface FeedWriter {

  /**
   * The same agenda always gives the same bytes (nothing depends on the time of writing), so an
   * unchanged feed keeps its ETag.
   */
  String write(Agenda agenda);
}
