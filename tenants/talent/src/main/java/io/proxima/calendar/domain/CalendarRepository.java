package io.proxima.calendar.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Freelancers' feeds, calendar sources and imported busy time; row-level security limits every call
 * to the caller's own rows, except {@link #feedOwner} (anyone holding the token) and {@link
 * #sourcesDue} (the platform's refresh).
 */
public interface CalendarRepository {

  /** Creates or replaces the freelancer's feed token hash. */
  void storeFeed(String freelancerSubject, byte[] tokenHash, Instant now);

  /** False when the freelancer had no feed. */
  boolean deleteFeed(String freelancerSubject);

  /** Whose feed this token hash opens, if any. */
  Optional<String> feedOwner(byte[] tokenHash);

  Optional<byte[]> feedHash(String freelancerSubject);

  /** False when the freelancer already imports this address. */
  boolean addSource(CalendarSource source);

  List<CalendarSource> sources(String freelancerSubject);

  Optional<CalendarSource> source(UUID id);

  /** Removes the source and its busy time; false when the caller has no such source. */
  boolean removeSource(UUID id);

  /**
   * Makes {@code busy} the source's busy time: blocks found again keep their import time, blocks no
   * longer there go. Marks the source refreshed now, and its busy time changed if anything did.
   */
  void replaceBusy(UUID sourceId, String freelancerSubject, List<BusyInterval> busy, Instant now);

  /** Notes why the last refresh failed; the busy time read before stays as it was. */
  void refreshFailed(UUID sourceId, String reason, Instant now);

  /** The freelancer's busy time from every source ending after {@code from}, in time order. */
  List<BusyBlock> busy(String freelancerSubject, Instant from);

  /** When any of the freelancer's sources last changed its busy time. */
  Optional<Instant> busyChangedAt(String freelancerSubject);

  /** Accepted interviews in every tenant, with their job and tenant names. */
  List<Agenda.Interview> interviews(String freelancerSubject);

  /** A source to refresh: its id and owner. */
  record Due(UUID sourceId, String freelancerSubject) {}

  /** Sources not refreshed since {@code before}, the longest waiting first. */
  List<Due> sourcesDue(Instant before, int limit);
}
