package io.proxima.matching.application;

import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.CollaborativeSignals;
import java.util.List;
import java.util.Set;

/**
 * Where matching finds the few hundred freelancers worth scoring for a job and the signals of
 * freelancers with interests like the caller's. The scoring itself needs no database.
 */
public interface MatchingPool {

  /** A candidate as the tenant's staff see them. */
  record PooledCandidate(Candidate candidate, String displayName, String title) {}

  /**
   * Freelancers sharing with the current tenant who list any of {@code anyOfSkills} (every sharing
   * freelancer when it is empty), most recently updated first, with their stored availability.
   */
  List<PooledCandidate> sharingWithTenant(Set<String> anyOfSkills, int limit);

  /**
   * The caller's own interest in jobs and that of freelancers who showed interest in the same jobs.
   * Other freelancers come under pseudonyms valid for this answer only; the caller is {@code
   * freelancerSubject}.
   */
  List<CollaborativeSignals.Interaction> interestAround(String freelancerSubject, int limit);
}
