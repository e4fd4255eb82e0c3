package io.proxima.matching.domain;

import java.util.List;
import java.util.Map;

/** Standard ranking-quality measures over graded relevance labels 0–3 (an unlabelled item is 0). */
public final class RankingMetrics {

  /** The grade from which an item counts as relevant for precision: "worth proposing". */
  public static final int RELEVANT_GRADE = 2;

  private RankingMetrics() {}

  /**
   * The share of the first {@code k} ranked items graded at least {@link #RELEVANT_GRADE}. The
   * denominator is {@code k} even when the ranking is shorter, as is usual.
   */
  public static double precisionAtK(List<String> ranking, Map<String, Integer> grades, int k) {
    requirePositive(k);
    long relevant =
        ranking.stream()
            .limit(k)
            .filter(id -> grades.getOrDefault(id, 0) >= RELEVANT_GRADE)
            .count();
    return (double) relevant / k;
  }

  /**
   * Normalised discounted cumulative gain at {@code k}: gain {@code 2^grade − 1} (so a 3 is worth
   * more than two 2s), discount {@code log2(rank + 1)}, divided by the DCG of the labels sorted
   * best first. 0 when no item is labelled above 0, since nothing could be ranked well.
   */
  public static double ndcgAtK(List<String> ranking, Map<String, Integer> grades, int k) {
    requirePositive(k);
    List<Integer> gained = ranking.stream().map(id -> grades.getOrDefault(id, 0)).toList();
    List<Integer> ideal =
        grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = dcg(ideal, k);
    return idcg == 0 ? 0.0 : dcg(gained, k) / idcg;
  }

  /**
   * Average precision over the whole ranking, relevant meaning grade ≥ {@link #RELEVANT_GRADE}: the
   * mean of the precision at each relevant item's rank, over all relevant items (so a relevant item
   * missing from the ranking counts as found at no rank). 0 when nothing is relevant. The mean over
   * queries is MAP.
   */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> grades) {
    long relevantTotal = grades.values().stream().filter(g -> g >= RELEVANT_GRADE).count();
    if (relevantTotal == 0) {
      return 0.0;
    }
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranking.size(); i++) {
      if (grades.getOrDefault(ranking.get(i), 0) >= RELEVANT_GRADE) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevantTotal;
  }

  private static double dcg(List<Integer> grades, int k) {
    double sum = 0;
    for (int i = 0; i < Math.min(k, grades.size()); i++) {
      sum += (Math.pow(2, grades.get(i)) - 1) / log2(i + 2);
    }
    return sum;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
  }
}
