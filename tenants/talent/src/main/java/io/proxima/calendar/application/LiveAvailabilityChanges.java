package io.proxima.calendar.application;

import io.proxima.availability.domain.Availability;

/**
 * The way into a freelancer's live availability, the same one their own "set availability" takes:
 * the change goes through their real-time entity, is stored before it is acknowledged and reaches
 * every board they share with. Implemented by the real-time core; absent in a WAR without it.
 */
public interface LiveAvailabilityChanges {

  /**
   * Applies {@code change} if the availability is still at {@code expectedVersion}; a 409 problem
   * when the freelancer changed it meanwhile (their word wins, the next refresh looks again).
   */
  Availability change(String freelancerSubject, Availability.Change change, long expectedVersion);
}
