package io.proxima.calendar.domain;

import java.time.Instant;
import java.util.List;

/** Reads the busy time out of an iCalendar document. */
public interface BusyTimeReader {

  /**
   * Busy intervals between {@code from} and {@code to}, recurrences expanded; free ("transparent")
   * and cancelled events are not busy. Fails with a 422 problem when the document is not iCalendar.
   */
  List<BusyInterval> busyTime(byte[] document, Instant from, Instant to);
}
