package io.proxima.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private final Map<String, Integer> grades = Map.of("a", 1, "c", 3, "d", 2);

  @Test
  void precisionCountsGradesOfTwoAndAboveOverK() {
    assertThat(RankingMetrics.precisionAtK(List.of("a", "b", "c"), grades, 3))
        .isCloseTo(1.0 / 3, within(1e-9));
    // A ranking shorter than k still divides by k.
    assertThat(RankingMetrics.precisionAtK(List.of("c", "d"), grades, 5))
        .isCloseTo(2.0 / 5, within(1e-9));
  }

  @Test
  void ndcgMatchesTheHandComputedValue() {
    // DCG  = (2^1-1)/log2(2) + 0 + (2^3-1)/log2(4)           = 1 + 3.5          = 4.5
    // IDCG = (2^3-1)/log2(2) + (2^2-1)/log2(3) + (2^1-1)/log2(4) = 7 + 1.8927893 + 0.5 = 9.3927893
    assertThat(RankingMetrics.ndcgAtK(List.of("a", "b", "c"), grades, 3))
        .isCloseTo(4.5 / 9.3927893, within(1e-6));
  }

  @Test
  void idealOrderScoresOneAndNoRelevantLabelScoresZero() {
    assertThat(RankingMetrics.ndcgAtK(List.of("c", "d", "a", "x"), grades, 10))
        .isCloseTo(1.0, within(1e-12));
    assertThat(RankingMetrics.ndcgAtK(List.of("x", "y"), Map.of("x", 0), 10)).isZero();
  }

  @Test
  void theCutOffLeavesLaterItemsOut() {
    // Only "b" (0) is inside k=1, so nothing is gained although "c" (3) follows.
    assertThat(RankingMetrics.ndcgAtK(List.of("b", "c"), grades, 1)).isZero();
  }
}
