package io.proxima.matching.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Recommends open jobs to a freelancer: the matcher's fit seen from the freelancer's side, blended
 * with what freelancers with overlapping interests engaged with.
 *
 * <p>{@code score = (1 − w)·content + w·collaborative}, with {@code w} = {@value
 * #DEFAULT_COLLABORATIVE_WEIGHT} by default. Content leads because a job the freelancer does not
 * fit is no use however popular; the collaborative part reorders among fitting jobs towards what
 * similar people actually act on. A freelancer without history gets content only (cold start).
 *
 * <p>The collaborative part stays because it earns its place on the time split of the outcome
 * timeline ({@code TimelineRankingTest}, whose assertion ties this default to that result): it
 * beats content only there, by a small margin. Content uses the fixed weights: the weights a tenant
 * learns are for its own candidates, and recommendations range over every tenant's jobs.
 */
public final class JobRecommender {

  public static final double DEFAULT_COLLABORATIVE_WEIGHT = 0.3;
  private static final int REASONS = 3;

  private final CandidateMatcher matcher;
  private final double collaborativeWeight;

  public JobRecommender(CandidateMatcher matcher) {
    this(matcher, DEFAULT_COLLABORATIVE_WEIGHT);
  }

  /**
   * @param collaborativeWeight in [0,1]; 0 recommends by content alone
   */
  public JobRecommender(CandidateMatcher matcher, double collaborativeWeight) {
    if (collaborativeWeight < 0 || collaborativeWeight > 1) {
      throw new IllegalArgumentException("collaborative weight must be in [0,1]");
    }
    this.matcher = matcher;
    this.collaborativeWeight = collaborativeWeight;
  }

  /**
   * The best {@code limit} of the open jobs for the freelancer, best first, ties by job id. Jobs
   * the freelancer already applied to or accepted a scout for are left out.
   */
  public List<JobRecommendation> recommend(
      Candidate freelancer,
      Collection<JobOpening> openJobs,
      CollaborativeSignals signals,
      LocalDate today,
      int limit) {
    String me = freelancer.freelancerId();
    Set<String> engaged = signals.engagedJobs(me);
    boolean coldStart = !signals.knows(me);
    double weight = coldStart ? 0.0 : collaborativeWeight;
    return openJobs.stream()
        .filter(job -> !engaged.contains(job.jobId()))
        .map(
            job -> {
              CandidateMatch match = matcher.assess(job, freelancer, today);
              double collaborative = coldStart ? 0.0 : signals.score(me, job.jobId());
              double score = (1 - weight) * match.score() + weight * collaborative;
              List<String> because =
                  coldStart ? List.of() : signals.becauseOf(me, job.jobId(), REASONS);
              return new JobRecommendation(
                  job.jobId(),
                  score,
                  match.score(),
                  collaborative,
                  new RecommendationExplanation(match.explanation(), because, coldStart));
            })
        .sorted(
            Comparator.comparingDouble(JobRecommendation::score)
                .reversed()
                .thenComparing(JobRecommendation::jobId))
        .limit(limit)
        .toList();
  }
}
