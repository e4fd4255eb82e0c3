package io.proxima.matching.application;

import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.CollaborativeSignals;
import java.util.List;
import java.util.Set;

/**
 * Where matching finds the freelancers worth scoring for a job and the signals of freelancers with
 * interests like the caller's. The scoring itself needs no database.
 */
public interface MatchingPool {

  /** A candidate as the tenant's staff see them. */
  record PooledCandidate(Candidate candidate, String displayName, String title) {}

  /**
   * What a job asks, as retrieval reads it.
   *
   * @param requiredSkills skill names standing for the job's must-haves
   * @param anyOfSkills skill names standing for any skill the job asks for (required or preferred)
   * @param text the job's title and description, read when it asks for no skill at all
   */
  record Retrieval(Set<String> requiredSkills, Set<String> anyOfSkills, String text) {
    public Retrieval {
      requiredSkills = Set.copyOf(requiredSkills);
      anyOfSkills = Set.copyOf(anyOfSkills);
      text = text == null ? "" : text;
    }
  }

  /**
   * The {@code limit} freelancers sharing with the current tenant that best cover what the job
   * asks, with their stored availability, chosen among all of them (not among the most recent):
   * those listing any asked skill, most must-haves covered first, then most asked skills; for a job
   * that asks for no skill, every sharing freelancer, best text match first.
   */
  List<PooledCandidate> sharingWithTenant(Retrieval wanted, int limit);

  /**
   * The caller's own interest in jobs and that of freelancers who showed interest in the same jobs.
   * Other freelancers come under pseudonyms valid for this answer only; the caller is {@code
   * freelancerSubject}.
   */
  List<CollaborativeSignals.Interaction> interestAround(String freelancerSubject, int limit);
}
