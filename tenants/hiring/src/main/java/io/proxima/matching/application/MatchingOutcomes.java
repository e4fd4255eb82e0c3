package io.proxima.matching.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What came of the current tenant's jobs, freelancer by freelancer: what ranking learns from. */
public interface MatchingOutcomes {

  /**
   * The strongest outcome of one freelancer with one job.
   *
   * @param grade 3 contracted (or on trial), 2 interviewed, 1 applied or accepted a scout and got
   *     no further
   * @param postedAt when the job was published (created, for one never published): the timeline the
   *     weights are trained and validated along
   */
  record Outcome(UUID jobId, String freelancerId, int grade, Instant postedAt) {}

  /** The outcomes of the tenant's {@code maxJobs} most recently posted jobs that have any. */
  List<Outcome> latest(int maxJobs);
}
