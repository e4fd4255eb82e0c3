package io.proxima.matching.infrastructure;

import io.proxima.matching.domain.RankingWeights;
import io.proxima.matching.domain.RankingWeightsRepository;
import io.proxima.matching.domain.TenantRankingWeights;
import io.proxima.matching.domain.WeightTrainer.Learning;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Ranking weights in {@code ranking_weights}, one row per tenant under row-level security. An
 * upsert rather than an entity: two staff members opening rankings at once may both train, and the
 * second write must replace the first, not fail on the key.
 */
@ApplicationScoped
public class PostgresRankingWeights implements RankingWeightsRepository {

  private static final String COLUMNS =
      "tenant_id, skills, rate, days, work_style, missing_required_factor, learned_skills,"
          + " learned_rate, learned_days, learned_work_style, learned_missing_required_factor,"
          + " train_jobs, validation_jobs, ndcg_fixed, ndcg_learned, trained_at";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected PostgresRankingWeights() {
    this(null);
  }

  @Inject
  public PostgresRankingWeights(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<TenantRankingWeights> current() {
    return NativeSql.list(
            entityManager,
            "SELECT " + COLUMNS + " FROM ranking_weights WHERE tenant_id = ?1",
            PostgresRankingWeights::weights,
            TenancyContext.current().requireTenant())
        .stream()
        .findFirst();
  }

  @Override
  public void store(TenantRankingWeights weights) {
    RankingWeights chosen = weights.learning().chosen();
    RankingWeights learned = weights.learning().learned();
    NativeSql.query(
            entityManager,
            "INSERT INTO ranking_weights ("
                + COLUMNS
                + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET skills = EXCLUDED.skills,"
                + " rate = EXCLUDED.rate, days = EXCLUDED.days, work_style = EXCLUDED.work_style,"
                + " missing_required_factor = EXCLUDED.missing_required_factor,"
                + " learned_skills = EXCLUDED.learned_skills, learned_rate = EXCLUDED.learned_rate,"
                + " learned_days = EXCLUDED.learned_days,"
                + " learned_work_style = EXCLUDED.learned_work_style,"
                + " learned_missing_required_factor = EXCLUDED.learned_missing_required_factor,"
                + " train_jobs = EXCLUDED.train_jobs, validation_jobs = EXCLUDED.validation_jobs,"
                + " ndcg_fixed = EXCLUDED.ndcg_fixed, ndcg_learned = EXCLUDED.ndcg_learned,"
                + " trained_at = EXCLUDED.trained_at",
            weights.tenantId(),
            chosen.skills(),
            chosen.rate(),
            chosen.days(),
            chosen.workStyle(),
            chosen.missingRequiredFactor(),
            learned.skills(),
            learned.rate(),
            learned.days(),
            learned.workStyle(),
            learned.missingRequiredFactor(),
            weights.learning().trainQueries(),
            weights.learning().validationQueries(),
            weights.learning().ndcgFixed(),
            weights.learning().ndcgLearned(),
            Timestamp.from(weights.trainedAt()))
        .executeUpdate();
  }

  private static TenantRankingWeights weights(SqlRow row) {
    RankingWeights chosen =
        new RankingWeights(
            row.decimal("skills"),
            row.decimal("rate"),
            row.decimal("days"),
            row.decimal("work_style"),
            row.decimal("missing_required_factor"));
    RankingWeights learned =
        new RankingWeights(
            row.decimal("learned_skills"),
            row.decimal("learned_rate"),
            row.decimal("learned_days"),
            row.decimal("learned_work_style"),
            row.decimal("learned_missing_required_factor"));
    return new TenantRankingWeights(
        row.uuid("tenant_id"),
        new Learning(
            learned,
            chosen,
            row.integer("train_jobs"),
            row.integer("validation_jobs"),
            row.decimal("ndcg_fixed"),
            row.decimal("ndcg_learned")),
        row.instant("trained_at"));
  }
}
