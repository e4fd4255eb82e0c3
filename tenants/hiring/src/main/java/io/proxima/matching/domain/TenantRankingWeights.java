package io.proxima.matching.domain;

import io.proxima.matching.domain.WeightTrainer.Learning;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The weights one tenant's candidate ranking uses, with what training learned and how the learned
 * and the fixed weights ranked that tenant's latest outcomes.
 */
public record TenantRankingWeights(UUID tenantId, Learning learning, Instant trainedAt) {

  /** Outcomes accumulate slowly; a day-old weighting is as good as a fresh one. */
  public static final Duration FRESH_FOR = Duration.ofDays(1);

  public TenantRankingWeights {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(learning, "learning");
    Objects.requireNonNull(trainedAt, "trainedAt");
  }

  public RankingWeights weights() {
    return learning.chosen();
  }

  public boolean staleAt(Instant now) {
    return trainedAt.plus(FRESH_FOR).isBefore(now);
  }
}
