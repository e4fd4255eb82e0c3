package io.proxima.matching.application;

import io.proxima.availability.domain.Availability;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the real-time core knows of freelancers right now: their availability as their live entity
 * holds it, and whether they are online. Matching asks for the few candidates it is about to show,
 * never for a whole pool.
 */
public interface LiveAvailabilities {

  /**
   * @param availability null when the freelancer never set one
   */
  record LiveState(Availability availability, boolean online, Instant lastSeen) {}

  /**
   * The live state of each freelancer that answered in time; one that did not is left out and the
   * caller falls back to the stored availability (the same state, as of its last acknowledged
   * change).
   */
  Map<String, LiveState> of(Collection<String> freelancerIds);
}
