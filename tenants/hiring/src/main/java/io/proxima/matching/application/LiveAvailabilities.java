package io.proxima.matching.application;

import io.proxima.availability.domain.Availability;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the real-time core knows of freelancers right now: whether they are online, and their
 * availability where it knows one newer than the stored one. Matching asks for the few candidates
 * it is about to show, never for a whole pool, and an answer must not cost a freelancer's entity
 * being woken.
 */
public interface LiveAvailabilities {

  /**
   * @param availability null when the stored availability is the current one (every acknowledged
   *     change is stored before it is acknowledged, so that is the usual answer)
   */
  record LiveState(Availability availability, boolean online, Instant lastSeen) {}

  /**
   * The live state of each freelancer that answered in time; one that did not is left out and the
   * caller falls back to the stored availability (the same state, as of its last acknowledged
   * change).
   */
  Map<String, LiveState> of(Collection<String> freelancerIds);
}
