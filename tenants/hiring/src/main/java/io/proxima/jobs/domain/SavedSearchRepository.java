package io.proxima.jobs.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A freelancer's saved searches; row-level security shows each person only their own. */
public interface SavedSearchRepository {

  /** The caller's saved searches, newest first. */
  List<SavedSearch> own(String freelancerSubject);

  Optional<SavedSearch> find(UUID id);

  int count(String freelancerSubject);

  /** Writes a new or changed search; false when the name is taken or another change came first. */
  boolean store(SavedSearch search);

  boolean delete(SavedSearch search);

  /**
   * Searches with alerts whose mark is before {@code through}, locked for this transaction; a row
   * another node holds is skipped, so two nodes never alert the same search twice.
   */
  List<SavedSearch> dueLocked(Instant through, int limit);
}
