package io.proxima.matching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Learns {@link RankingWeights} from graded outcomes by coordinate ascent on mean nDCG@10 (Metzler
 * and Croft's method as in RankLib): one weight at a time is moved over a grid and kept where the
 * ranking of the training queries improves most.
 *
 * <p>Own code rather than a learning-to-rank library: the model is the matcher's own five
 * parameters, which keeps every ranking explainable part by part, and the well-known Java LTR
 * library (RankLib) is not maintained on Maven Central. Starting from {@link RankingWeights#FIXED}
 * and only ever accepting strict improvements means too little signal leaves the fixed weights as
 * they are.
 */
public final class WeightTrainer {

  /** One job's candidates with the matcher's features and the grade their outcomes earned. */
  public record GradedQuery(String id, List<MatchFeatures> features, List<Integer> grades) {
    public GradedQuery {
      Objects.requireNonNull(id, "id");
      features = List.copyOf(features);
      grades = List.copyOf(grades);
      if (features.size() != grades.size()) {
        throw new IllegalArgumentException("one grade per candidate");
      }
    }

    boolean hasRelevant() {
      return grades.stream().anyMatch(g -> g > 0);
    }
  }

  static final int K = 10;
  private static final int PASSES = 8;
  private static final double[] SCALES = {0, 0.25, 0.5, 0.7, 0.85, 1.2, 1.5, 2, 3, 5};
  private static final double[] FACTORS = {0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9, 1.0};
  private static final double EPSILON = 1e-9;

  /**
   * What learning from a timeline of outcomes gave: the weights to rank with and the evidence.
   *
   * @param learned the weights trained on the earlier queries (the fixed ones when too few)
   * @param chosen {@code learned} when they ranked the later queries better than the fixed weights,
   *     the fixed weights otherwise
   * @param ndcgFixed mean nDCG@10 of the fixed weights on the later queries
   * @param ndcgLearned mean nDCG@10 of the learned weights on the later queries
   */
  public record Learning(
      RankingWeights learned,
      RankingWeights chosen,
      int trainQueries,
      int validationQueries,
      double ndcgFixed,
      double ndcgLearned) {

    public boolean usesLearned() {
      return !chosen.sameAs(RankingWeights.FIXED);
    }
  }

  /** Fewer jobs with outcomes than this on either side of the split leaves the fixed weights. */
  public static final int MIN_QUERIES = 12;

  private static final double VALIDATION_SHARE = 0.25;

  /**
   * Learns from queries in time order (oldest first): trains on the earlier three quarters, and
   * keeps the result only if it ranks the latest quarter better than the fixed weights, so weights
   * are only ever shipped for having predicted outcomes they were not trained on.
   */
  public Learning learn(List<GradedQuery> chronological) {
    List<GradedQuery> useful = chronological.stream().filter(GradedQuery::hasRelevant).toList();
    int validation = (int) Math.round(useful.size() * VALIDATION_SHARE);
    int training = useful.size() - validation;
    if (training < MIN_QUERIES || validation < MIN_QUERIES / 3) {
      return new Learning(RankingWeights.FIXED, RankingWeights.FIXED, training, validation, 0, 0);
    }
    List<GradedQuery> earlier = useful.subList(0, training);
    List<GradedQuery> later = useful.subList(training, useful.size());
    RankingWeights learned = train(earlier, RankingWeights.FIXED);
    double fixed = meanNdcg(later, RankingWeights.FIXED);
    double mine = meanNdcg(later, learned);
    return new Learning(
        learned, mine > fixed ? learned : RankingWeights.FIXED, training, validation, fixed, mine);
  }

  /** The weights that rank the queries best, starting from and never worse than {@code start}. */
  public RankingWeights train(List<GradedQuery> queries, RankingWeights start) {
    List<GradedQuery> useful = queries.stream().filter(GradedQuery::hasRelevant).toList();
    RankingWeights best = start;
    double bestScore = meanNdcg(useful, best);
    for (int pass = 0; pass < PASSES; pass++) {
      boolean improved = false;
      for (int parameter = 0; parameter < 5; parameter++) {
        for (RankingWeights tried : neighbours(best, parameter)) {
          double score = meanNdcg(useful, tried);
          if (score > bestScore + EPSILON) {
            best = tried;
            bestScore = score;
            improved = true;
          }
        }
      }
      if (!improved) {
        break;
      }
    }
    return best;
  }

  /** Mean nDCG@10 of the queries ranked by the weights; queries with nothing relevant count 0. */
  public static double meanNdcg(List<GradedQuery> queries, RankingWeights weights) {
    if (queries.isEmpty()) {
      return 0.0;
    }
    double sum = 0;
    for (GradedQuery q : queries) {
      sum += RankingMetrics.ndcgAtK(ranking(q, weights), grades(q), K);
    }
    return sum / queries.size();
  }

  /** Candidate indexes as strings, best first; ties in index order so the result is stable. */
  static List<String> ranking(GradedQuery q, RankingWeights weights) {
    int n = q.features().size();
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = weights.score(q.features().get(i));
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
    List<String> ids = new ArrayList<>(n);
    for (Integer i : order) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  static Map<String, Integer> grades(GradedQuery q) {
    Map<String, Integer> grades = new HashMap<>();
    for (int i = 0; i < q.grades().size(); i++) {
      if (q.grades().get(i) > 0) {
        grades.put(Integer.toString(i), q.grades().get(i));
      }
    }
    return grades;
  }

  private static List<RankingWeights> neighbours(RankingWeights w, int parameter) {
    List<RankingWeights> out = new ArrayList<>();
    if (parameter == 4) {
      for (double f : FACTORS) {
        out.add(new RankingWeights(w.skills(), w.rate(), w.days(), w.workStyle(), f));
      }
      return out;
    }
    double[] p = {w.skills(), w.rate(), w.days(), w.workStyle()};
    double current = p[parameter];
    for (double scale : SCALES) {
      double[] q = p.clone();
      // A weight at zero could never come back by scaling, so it may also jump to a small share.
      q[parameter] = current == 0 ? scale * 0.05 : current * scale;
      if (q[0] + q[1] + q[2] + q[3] > 0) {
        out.add(new RankingWeights(q[0], q[1], q[2], q[3], w.missingRequiredFactor()));
      }
    }
    return out;
  }
}
