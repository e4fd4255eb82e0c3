package io.proxima.matching.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What freelancers did with jobs, read as item-item co-occurrence: freelancers who engaged with the
 * jobs I engaged with also engaged with job X.
 *
 * <p>Each freelancer–job pair counts once, at its strongest kind, so viewing a job ten times is not
 * ten times the interest. Two jobs are as similar as the cosine of their freelancer vectors.
 */
public final class CollaborativeSignals {

  /** One thing a freelancer did with a job. */
  public record Interaction(String freelancerId, String jobId, Kind kind) {
    public Interaction {
      Objects.requireNonNull(freelancerId, "freelancerId");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Kinds of interest, weighted by how much commitment each shows. */
  public enum Kind {
    VIEWED(1),
    APPLIED(3),
    SCOUT_ACCEPTED(4);

    private final int weight;

    Kind(int weight) {
      this.weight = weight;
    }

    public int weight() {
      return weight;
    }

    /** Applying or accepting a scout engages the freelancer with the job; viewing does not. */
    boolean engages() {
      return this != VIEWED;
    }
  }

  private static final CollaborativeSignals NONE = new CollaborativeSignals(Map.of(), Map.of());

  // freelancer -> job -> strongest kind
  private final Map<String, Map<String, Kind>> byFreelancer;
  // job -> freelancer -> weight
  private final Map<String, Map<String, Integer>> byJob;

  private CollaborativeSignals(
      Map<String, Map<String, Kind>> byFreelancer, Map<String, Map<String, Integer>> byJob) {
    this.byFreelancer = byFreelancer;
    this.byJob = byJob;
  }

  public static CollaborativeSignals none() {
    return NONE;
  }

  public static CollaborativeSignals from(Collection<Interaction> interactions) {
    Map<String, Map<String, Kind>> byFreelancer = new HashMap<>();
    for (Interaction i : interactions) {
      byFreelancer
          .computeIfAbsent(i.freelancerId(), f -> new HashMap<>())
          .merge(i.jobId(), i.kind(), (a, b) -> a.weight >= b.weight ? a : b);
    }
    Map<String, Map<String, Integer>> byJob = new HashMap<>();
    byFreelancer.forEach(
        (freelancer, jobs) ->
            jobs.forEach(
                (job, kind) ->
                    byJob.computeIfAbsent(job, j -> new HashMap<>()).put(freelancer, kind.weight)));
    return new CollaborativeSignals(byFreelancer, byJob);
  }

  /**
   * Whether the freelancer has any history; without one there is nothing to be collaborative on.
   */
  public boolean knows(String freelancerId) {
    return byFreelancer.containsKey(freelancerId);
  }

  /** The jobs the freelancer already applied to or accepted a scout for. */
  public Set<String> engagedJobs(String freelancerId) {
    return byFreelancer.getOrDefault(freelancerId, Map.of()).entrySet().stream()
        .filter(e -> e.getValue().engages())
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * How strongly the freelancer's history points at the job, in [0,1]: the interest-weighted mean
   * similarity of the job to the jobs the freelancer interacted with. A job the freelancer viewed
   * counts as similar to itself (1): a view is interest, and a viewed job should not rank below its
   * neighbours merely for having been seen.
   */
  public double score(String freelancerId, String jobId) {
    Map<String, Kind> mine = byFreelancer.getOrDefault(freelancerId, Map.of());
    double weighted = 0;
    double weights = 0;
    for (Map.Entry<String, Kind> e : mine.entrySet()) {
      weighted += e.getValue().weight * similarity(e.getKey(), jobId);
      weights += e.getValue().weight;
    }
    return weights == 0 ? 0.0 : weighted / weights;
  }

  /** The freelancer's jobs most similar to this one, most similar first: the "because" for a UI. */
  public List<String> becauseOf(String freelancerId, String jobId, int limit) {
    return byFreelancer.getOrDefault(freelancerId, Map.of()).keySet().stream()
        .filter(j -> !j.equals(jobId))
        .filter(j -> similarity(j, jobId) > 0)
        .sorted(
            Comparator.comparingDouble((String j) -> similarity(j, jobId))
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }

  /** Cosine similarity of two jobs' freelancer vectors, in [0,1]. */
  double similarity(String jobA, String jobB) {
    Map<String, Integer> a = byJob.getOrDefault(jobA, Map.of());
    Map<String, Integer> b = byJob.getOrDefault(jobB, Map.of());
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    double dot = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Integer w = b.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot / (norm(a) * norm(b));
  }

  private static double norm(Map<String, Integer> vector) {
    return Math.sqrt(vector.values().stream().mapToDouble(w -> (double) w * w).sum());
  }
}
