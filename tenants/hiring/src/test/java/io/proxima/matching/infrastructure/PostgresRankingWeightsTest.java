package io.proxima.matching.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.matching.domain.RankingWeights;
import io.proxima.matching.domain.TenantRankingWeights;
import io.proxima.matching.domain.WeightTrainer.Learning;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.tenancy.domain.Tenant;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A tenant's ranking weights in a real PostgreSQL, under row-level security. */
class PostgresRankingWeightsTest {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final MatchingTestRows rows = new MatchingTestRows(kit);
  private final PostgresRankingWeights weights = new PostgresRankingWeights(kit.entityManager());

  private static final RankingWeights LEARNED = new RankingWeights(0.2, 0.5, 0.1, 0.2, 0.3);

  @Test
  void learnedWeightsAreStoredWithTheirEvidenceAndReadBack() {
    Tenant agency = rows.register();
    Learning learning = new Learning(LEARNED, LEARNED, 40, 13, 0.31, 0.36);
    rows.in(
        agency,
        () -> weights.store(new TenantRankingWeights(agency.id(), learning, MatchingTestRows.NOW)));

    TenantRankingWeights read = rows.in(agency, () -> weights.current()).orElseThrow();
    assertThat(read.tenantId()).isEqualTo(agency.id());
    assertThat(read.weights().sameAs(LEARNED)).isTrue();
    assertThat(read.learning().usesLearned()).isTrue();
    assertThat(read.learning().trainQueries()).isEqualTo(40);
    assertThat(read.learning().validationQueries()).isEqualTo(13);
    assertThat(read.learning().ndcgLearned()).isCloseTo(0.36, Offset.offset(1e-12));
    assertThat(read.trainedAt()).isEqualTo(MatchingTestRows.NOW);
    assertThat(read.staleAt(MatchingTestRows.NOW.plus(Duration.ofHours(23)))).isFalse();
    assertThat(read.staleAt(MatchingTestRows.NOW.plus(Duration.ofHours(25)))).isTrue();
  }

  @Test
  void aLaterTrainingReplacesTheEarlierOneAndRejectedWeightsFallBackToTheFixedOnes() {
    Tenant agency = rows.register();
    rows.in(
        agency,
        () ->
            weights.store(
                new TenantRankingWeights(
                    agency.id(),
                    new Learning(LEARNED, LEARNED, 40, 13, 0.31, 0.36),
                    MatchingTestRows.NOW)));
    // The next day's training learned something that did not beat the fixed weights.
    rows.in(
        agency,
        () ->
            weights.store(
                new TenantRankingWeights(
                    agency.id(),
                    new Learning(LEARNED, RankingWeights.FIXED, 44, 15, 0.35, 0.33),
                    MatchingTestRows.NOW.plus(Duration.ofDays(1)))));

    TenantRankingWeights read = rows.in(agency, () -> weights.current()).orElseThrow();
    assertThat(read.weights().sameAs(RankingWeights.FIXED)).isTrue();
    assertThat(read.learning().usesLearned()).isFalse();
    assertThat(read.learning().learned().sameAs(LEARNED)).isTrue();
    assertThat(read.trainedAt()).isEqualTo(MatchingTestRows.NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void anotherTenantNeitherSeesNorOverwritesTheWeights() {
    Tenant agency = rows.register();
    Tenant other = rows.register();
    rows.in(
        agency,
        () ->
            weights.store(
                new TenantRankingWeights(
                    agency.id(),
                    new Learning(LEARNED, LEARNED, 40, 13, 0.31, 0.36),
                    MatchingTestRows.NOW)));

    assertThat(rows.in(other, () -> weights.current())).isEqualTo(Optional.empty());
    rows.in(
        other,
        () ->
            weights.store(
                new TenantRankingWeights(
                    other.id(),
                    new Learning(RankingWeights.FIXED, RankingWeights.FIXED, 0, 0, 0, 0),
                    MatchingTestRows.NOW)));
    assertThat(rows.in(agency, () -> weights.current()).orElseThrow().weights().sameAs(LEARNED))
        .isTrue();
  }
}
