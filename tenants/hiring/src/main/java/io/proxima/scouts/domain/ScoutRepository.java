package io.proxima.scouts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Scouts and the allowance they spend, bounded by row-level security to the caller's. */
public interface ScoutRepository {

  /**
   * Counts one scout against the tenant's allowance for {@code month}, unless {@code limit} are
   * counted already. Concurrent calls queue on the month's row, so the count never passes the
   * limit, and a rolled-back send gives its scout back.
   *
   * @return the count including this scout; empty when the allowance is spent
   */
  OptionalInt spend(UUID tenantId, LocalDate month, int limit);

  /** How many scouts the tenant has spent in {@code month}. */
  int spent(UUID tenantId, LocalDate month);

  /** False when the tenant already scouted this freelancer for this job. */
  boolean add(Scout scout);

  Optional<Scout> find(UUID id);

  /** Stores the freelancer's answer if the scout is still unanswered; false otherwise. */
  boolean answer(Scout answered);

  /** The tenant's scouts, newest first; only those about {@code jobId} when it is not null. */
  List<Scout> sentByTenant(UUID tenantId, UUID jobId, int limit);

  /** The scouts a freelancer received, newest first. */
  List<Scout> receivedBy(String freelancerSubject, int limit);
}
