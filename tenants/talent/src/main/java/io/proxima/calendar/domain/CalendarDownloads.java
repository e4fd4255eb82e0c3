package io.proxima.calendar.domain;

/** Fetches an external calendar document. */
public interface CalendarDownloads {

  /**
   * The document at {@code address}. Fails with a 400 problem for an address the platform must not
   * reach, 502 when the server answers with an error or too much, 504 when it does not answer in
   * time.
   */
  byte[] download(CalendarAddress address);
}
