package io.proxima.availability.domain;

import java.util.List;
import java.util.Optional;

/** Freelancers' availabilities, bounded by row-level security to what the caller may see. */
public interface AvailabilityRepository {

  Optional<Availability> find(String freelancerSubject);

  /**
   * Stores {@code next} if the stored version is still {@code next.version() - 1}; false when
   * another writer got there first (a second incarnation of the entity during a hand-over).
   */
  boolean store(String freelancerSubject, Availability next);

  /** One line of a tenant's availability board. */
  /** A board row: who, what their profile says they do (title, skills), and their availability. */
  record BoardEntry(
      String freelancerSubject,
      String displayName,
      String title,
      List<String> skills,
      Availability availability) {}

  /** Every freelancer sharing with the current tenant, with their availability if they set one. */
  List<BoardEntry> boardOfCurrentTenant();

  /**
   * At most {@code size} freelancers sharing with the current tenant, in freelancer id order, after
   * {@code afterSubject} (null: from the first). A page costs what the first does, however large
   * the tenant's pool: the live board streams a snapshot of 100,000 freelancers this way.
   */
  List<BoardEntry> boardPageOfCurrentTenant(String afterSubject, int size);
}
