package io.proxima.matching.domain;

import java.util.Optional;

/** The current tenant's ranking weights; each tenant sees and replaces only its own. */
public interface RankingWeightsRepository {

  Optional<TenantRankingWeights> current();

  /** Replaces the tenant's weights; two trainings at once leave the later one's. */
  void store(TenantRankingWeights weights);
}
