package io.proxima.matching.application;

import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.matching.application.MatchingOutcomes.Outcome;
import io.proxima.matching.application.MatchingPool.PooledCandidate;
import io.proxima.matching.domain.CandidateMatcher;
import io.proxima.matching.domain.MatchFeatures;
import io.proxima.matching.domain.RankingWeights;
import io.proxima.matching.domain.RankingWeightsRepository;
import io.proxima.matching.domain.TenantRankingWeights;
import io.proxima.matching.domain.WeightTrainer;
import io.proxima.matching.domain.WeightTrainer.GradedQuery;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The weights a tenant's candidate ranking uses, learned from the tenant's own outcomes by a
 * background training ({@link RankingTrainingSchedule}) and stored with the evidence for them. A
 * ranking only reads them: training reads up to {@value #TRAINING_JOBS} pools, far too much for a
 * staff member's request to wait on. A tenant not trained yet, with too few outcomes, or whose
 * learned weights do not rank its latest outcomes better, ranks with the fixed weights.
 */
@ApplicationScoped
public class RankingTraining {

  /** The most recent jobs with outcomes a training reads; older ones say less about today. */
  static final int TRAINING_JOBS = 150;

  /** Candidates per training job: the pool the ranking itself would score first. */
  static final int TRAINING_POOL = 300;

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final RankingWeightsRepository weights;
  private final MatchingOutcomes outcomes;
  private final JobRepository jobs;
  private final MatchingPool pool;
  private final TenantRepository tenants;
  private final WeightTrainer trainer = new WeightTrainer();

  protected RankingTraining() {
    this(null, null, null, null, null);
  }

  @Inject
  public RankingTraining(
      RankingWeightsRepository weights,
      MatchingOutcomes outcomes,
      JobRepository jobs,
      MatchingPool pool,
      TenantRepository tenants) {
    this.weights = weights;
    this.outcomes = outcomes;
    this.jobs = jobs;
    this.pool = pool;
    this.tenants = tenants;
  }

  /** The current tenant's stored weights; the fixed ones until its first training. */
  @Transactional
  public RankingWeights currentWeights() {
    return weights.current().map(TenantRankingWeights::weights).orElse(RankingWeights.FIXED);
  }

  /**
   * The tenants a scheduled training covers: every active one (a suspended tenant ranks nobody).
   */
  @Transactional
  public List<Tenant> tenantsToTrain() {
    return tenants.all().stream().filter(Tenant::isActive).toList();
  }

  /** Trains on the current tenant's outcomes now and stores the result. */
  @Transactional
  public TenantRankingWeights train(CandidateMatcher matcher, Instant now) {
    UUID tenantId = TenancyContext.current().requireTenant();
    Map<UUID, List<Outcome>> byJob = new LinkedHashMap<>();
    for (Outcome outcome : outcomes.latest(TRAINING_JOBS)) {
      byJob.computeIfAbsent(outcome.jobId(), id -> new ArrayList<>()).add(outcome);
    }
    List<GradedQuery> queries = new ArrayList<>();
    // Too few jobs for a split: the pools are not worth reading, the fixed weights stay.
    if (byJob.size() >= WeightTrainer.MIN_QUERIES + WeightTrainer.MIN_QUERIES / 3) {
      byJob.forEach((jobId, graded) -> query(matcher, jobId, graded).ifPresent(queries::add));
    }
    TenantRankingWeights learned = new TenantRankingWeights(tenantId, trainer.learn(queries), now);
    weights.store(learned);
    return learned;
  }

  /**
   * One job's pool as retrieval fills it today, graded by the job's outcomes. Availability is left
   * out: today's says nothing of the day the outcome happened (a contract makes its freelancer
   * busy). Freelancers who stopped sharing are not in the pool and so not learned from.
   */
  private Optional<GradedQuery> query(CandidateMatcher matcher, UUID jobId, List<Outcome> graded) {
    Optional<Job> job = jobs.find(jobId);
    if (job.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> grades = new LinkedHashMap<>();
    graded.forEach(o -> grades.put(o.freelancerId(), o.grade()));
    LocalDate posted = LocalDate.ofInstant(graded.get(0).postedAt(), TOKYO);
    List<MatchFeatures> features = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (PooledCandidate pooled :
        pool.sharingWithTenant(MatchingSources.retrieval(job.get(), matcher), TRAINING_POOL)) {
      features.add(
          matcher
              .features(JobOpenings.of(job.get()), pooled.candidate(), posted)
              .withoutAvailability());
      labels.add(grades.getOrDefault(pooled.candidate().freelancerId(), 0));
    }
    return Optional.of(new GradedQuery(jobId.toString(), features, labels));
  }
}
