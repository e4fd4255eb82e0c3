package io.proxima.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.matching.domain.WeightTrainer.GradedQuery;
import io.proxima.matching.domain.WeightTrainer.Learning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightTrainerTest {

  private final WeightTrainer trainer = new WeightTrainer();

  // Two candidates per job: one covering every skill but asking above the budget, one covering
  // fewer skills within it; in these outcomes the affordable one is always the one contracted.
  private static GradedQuery affordableWins(int i) {
    MatchFeatures pricey = new MatchFeatures(1.0, 0.2, 1.0, 1.0, 0, 1.0);
    MatchFeatures affordable = new MatchFeatures(0.8, 1.0, 1.0, 1.0, 0, 1.0);
    return new GradedQuery("job" + i, List.of(pricey, affordable), List.of(0, 3));
  }

  @Test
  void learnsWhatTheOutcomesRewardAndShipsItOnlyForRankingTheLaterOnesBetter() {
    List<GradedQuery> timeline = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      timeline.add(affordableWins(i));
    }

    Learning learning = trainer.learn(timeline);

    assertThat(learning.trainQueries()).isEqualTo(18);
    assertThat(learning.validationQueries()).isEqualTo(6);
    assertThat(learning.ndcgLearned()).isEqualTo(1.0);
    assertThat(learning.ndcgFixed()).isLessThan(1.0);
    assertThat(learning.usesLearned()).isTrue();
    assertThat(learning.chosen().rate()).isGreaterThan(RankingWeights.FIXED.rate());
  }

  @Test
  void tooFewJobsWithOutcomesKeepTheFixedWeightsWithoutTraining() {
    List<GradedQuery> timeline = new ArrayList<>();
    for (int i = 0; i < WeightTrainer.MIN_QUERIES; i++) {
      timeline.add(affordableWins(i));
    }

    Learning learning = trainer.learn(timeline);

    assertThat(learning.usesLearned()).isFalse();
    assertThat(learning.chosen()).isEqualTo(RankingWeights.FIXED);
  }

  @Test
  void jobsWithoutAnyOutcomeTeachNothing() {
    GradedQuery silent =
        new GradedQuery("quiet", List.of(new MatchFeatures(1, 1, 1, 1, 0, 1)), List.of(0));

    assertThat(trainer.train(List.of(silent, silent), RankingWeights.FIXED))
        .isEqualTo(RankingWeights.FIXED);
  }

  @Test
  void weightsAreNormalisedAndNonsenseIsRefused() {
    RankingWeights doubled = new RankingWeights(1.2, 0.3, 0.2, 0.3, 0.45);
    assertThat(doubled.sameAs(RankingWeights.FIXED)).isTrue();
    assertThatThrownBy(() -> new RankingWeights(-0.1, 0.5, 0.3, 0.3, 0.45))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankingWeights(0, 0, 0, 0, 0.45))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankingWeights(0.6, 0.15, 0.1, 0.15, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
