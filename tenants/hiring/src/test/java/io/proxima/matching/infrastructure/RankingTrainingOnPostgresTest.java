package io.proxima.matching.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.domain.Culture;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.SkillRequirement;
import io.proxima.jobs.infrastructure.JpaJobRepository;
import io.proxima.matching.application.MatchingOutcomes.Outcome;
import io.proxima.matching.application.RankingTraining;
import io.proxima.matching.domain.CandidateMatcher;
import io.proxima.matching.domain.RankingWeights;
import io.proxima.matching.domain.TenantRankingWeights;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContractType;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outcomes read from the pipeline's tables and weights trained on them, in a real PostgreSQL:
 * applications and their stages, contracts, tenant isolation, and the fallback to the fixed
 * weights.
 */
class RankingTrainingOnPostgresTest {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final MatchingTestRows rows = new MatchingTestRows(kit);
  private final JpaJobRepository jobs = new JpaJobRepository(kit.entityManager());
  private final PostgresMatchingOutcomes outcomes =
      new PostgresMatchingOutcomes(kit.entityManager());
  private final PostgresRankingWeights weights = new PostgresRankingWeights(kit.entityManager());
  private final RankingTraining training =
      new RankingTraining(
          weights,
          outcomes,
          jobs,
          new PostgresMatchingPool(kit.entityManager()),
          new JpaTenantRepository(kit.entityManager()));
  private final String must = "Must" + UUID.randomUUID().toString().substring(0, 8);
  private final String nice = "Nice" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void eachApplicationIsGradedByHowFarItGotAndOnlyTheTenantsOwnAreRead() {
    Tenant agency = rows.register();
    Tenant other = rows.register();
    UUID job = job(agency, 0);
    UUID theirs = job(other, 0);
    application(agency, job, "applied", "APPLIED", 0);
    UUID interviewedThenRejected = application(agency, job, "interviewed", "REJECTED", 0);
    step(agency, interviewedThenRejected, "interviewed", "INTERVIEW");
    application(agency, job, "contracted", "CONTRACTED", 0);
    application(agency, job, "signed", "OFFER", 0);
    contract(agency, "signed", "ACTIVE");
    application(agency, job, "screened-out", "REJECTED", 0);
    contract(agency, "screened-out", "ACTIVE"); // a contract for other work, after a rejection
    application(other, theirs, "elsewhere", "CONTRACTED", 0);

    List<Outcome> read = rows.in(agency, () -> outcomes.latest(10));

    assertThat(read)
        .extracting(Outcome::jobId, Outcome::freelancerId, Outcome::grade)
        .containsExactlyInAnyOrder(
            tuple(job, "applied", 1),
            tuple(job, "interviewed", 2),
            tuple(job, "contracted", 3),
            tuple(job, "signed", 3),
            tuple(job, "screened-out", 1));
  }

  @Test
  void aTenantNotYetTrainedRanksWithTheFixedWeightsAndARankingNeverTrains() {
    Tenant agency = rows.register();
    for (int i = 0; i < 20; i++) {
      application(agency, job(agency, i), "a-remote", "CONTRACTED", i);
    }

    assertThat(rows.in(agency, () -> training.currentWeights()).sameAs(RankingWeights.FIXED))
        .isTrue();
    assertThat(rows.in(agency, () -> weights.current())).isEmpty();
  }

  @Test
  void theScheduledTrainingCoversActiveTenantsOnly() {
    Tenant active = rows.register();
    Tenant suspended = rows.register();
    kit.in(
        TenancyContext.platform("test"),
        () -> {
          kit.entityManager().find(Tenant.class, suspended.id()).suspend(NOW);
        });

    List<UUID> covered =
        kit.in(
            TenancyContext.platform("test"),
            () -> training.tenantsToTrain().stream().map(Tenant::id).toList());

    assertThat(covered).contains(active.id()).doesNotContain(suspended.id());
  }

  @Test
  void tooFewJobsWithOutcomesKeepTheFixedWeights() {
    Tenant agency = rows.register();
    rows.card(agency, "a-remote", "エンジニア", new String[] {must, nice}, "REMOTE", NOW);
    for (int i = 0; i < 3; i++) {
      application(agency, job(agency, i), "a-remote", "CONTRACTED", i);
    }

    TenantRankingWeights trained =
        rows.in(agency, () -> training.train(CandidateMatcher.standard(), NOW));

    assertThat(trained.weights().sameAs(RankingWeights.FIXED)).isTrue();
    assertThat(trained.learning().usesLearned()).isFalse();
    assertThat(rows.in(agency, () -> weights.current()).orElseThrow().trainedAt()).isEqualTo(NOW);
  }

  @Test
  void outcomesThatFollowTheWorkStyleTeachItAWeightAndTheRankingUsesIt() {
    Tenant agency = rows.register();
    // Both list the must-have; "a-remote" also the nice-to-have but wants remote work, which the
    // fixed weights forgive on an on-site job; this tenant's clients never do.
    rows.card(agency, "a-remote", "エンジニア", new String[] {must, nice}, "REMOTE", NOW);
    rows.card(agency, "b-on-site", "エンジニア", new String[] {must}, "HYBRID", NOW);
    for (int i = 0; i < 20; i++) {
      UUID job = job(agency, i);
      application(agency, job, "b-on-site", "CONTRACTED", i);
    }
    CandidateMatcher fixed = CandidateMatcher.standard();

    TenantRankingWeights trained = rows.in(agency, () -> training.train(fixed, NOW));

    assertThat(trained.learning().usesLearned()).isTrue();
    assertThat(trained.learning().ndcgLearned()).isGreaterThan(trained.learning().ndcgFixed());
    assertThat(trained.weights().workStyle() * 2).isGreaterThan(trained.weights().skills());
    // The ranking reads them back; it never trains.
    RankingWeights used = rows.in(agency, () -> training.currentWeights());
    assertThat(used.sameAs(trained.weights())).isTrue();
  }

  private static final Instant NOW = MatchingTestRows.NOW;

  private UUID job(Tenant tenant, int daysAgo) {
    JobDetails details =
        new JobDetails(
            null,
            "常駐案件" + daysAgo,
            "説明",
            List.of(new SkillRequirement(must, null)),
            List.of(new SkillRequirement(nice, null)),
            600_000,
            700_000,
            false,
            140,
            180,
            5,
            5,
            WorkStyle.ON_SITE,
            "東京",
            null,
            null,
            LocalDate.of(2027, 1, 1),
            6,
            ContractType.QUASI_MANDATE,
            false,
            30,
            Culture.STARTUP);
    Job job = Job.draft(tenant.id(), details, "staff", NOW.minus(Duration.ofDays(100 - daysAgo)));
    rows.in(tenant, () -> assertThat(jobs.store(job)).isTrue());
    return job.id();
  }

  private UUID application(Tenant tenant, UUID job, String freelancer, String stage, int day) {
    UUID id = UUID.randomUUID();
    Timestamp at = Timestamp.from(NOW.minus(Duration.ofDays(90 - day)));
    rows.executeIn(
        tenant,
        "INSERT INTO job_application (id, tenant_id, job_id, freelancer_subject, stage,"
            + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        id,
        tenant.id(),
        job,
        freelancer,
        stage,
        at,
        at);
    return id;
  }

  private void step(Tenant tenant, UUID application, String freelancer, String to) {
    rows.executeIn(
        tenant,
        "INSERT INTO job_application_step (application_id, tenant_id, freelancer_subject,"
            + " from_stage, to_stage, actor_side, actor_subject, at)"
            + " VALUES (?, ?, ?, 'SCREENING', ?, 'TENANT', 'staff', ?)",
        application,
        tenant.id(),
        freelancer,
        to,
        Timestamp.from(NOW));
  }

  private void contract(Tenant tenant, String freelancer, String status) {
    rows.executeIn(
        tenant,
        "INSERT INTO contract (id, tenant_id, freelancer_subject, kind, status, terms,"
            + " created_at, updated_at, version) VALUES (?, ?, ?, 'MAIN', ?, '{}'::jsonb, ?, ?, 1)",
        UUID.randomUUID(),
        tenant.id(),
        freelancer,
        status,
        Timestamp.from(NOW),
        Timestamp.from(NOW));
  }
}
