package io.proxima.matching.domain;

import java.util.List;

/**
 * Why a job is recommended.
 *
 * @param fit the job against the freelancer's profile, as the matcher explains it
 * @param similarToJobsYouInteractedWith the freelancer's own jobs that led here through others'
 *     interest, most similar first; empty on cold start
 * @param coldStart true when the freelancer has no history and only content ranked the job
 */
public record RecommendationExplanation(
    MatchExplanation fit, List<String> similarToJobsYouInteractedWith, boolean coldStart) {
  public RecommendationExplanation {
    similarToJobsYouInteractedWith = List.copyOf(similarToJobsYouInteractedWith);
  }
}
