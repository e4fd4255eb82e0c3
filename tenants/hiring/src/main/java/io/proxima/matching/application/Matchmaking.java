package io.proxima.matching.application;

import io.proxima.jobs.domain.Job;
import io.proxima.matching.application.LiveAvailabilities.LiveState;
import io.proxima.matching.application.MatchingPool.PooledCandidate;
import io.proxima.matching.application.MatchingSources.FreelancerAndJobs;
import io.proxima.matching.application.MatchingSources.JobAndPool;
import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.CandidateMatch;
import io.proxima.matching.domain.CandidateMatcher;
import io.proxima.matching.domain.JobOpening;
import io.proxima.matching.domain.JobRecommendation;
import io.proxima.matching.domain.JobRecommender;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ranked candidates for a job and recommended jobs for a freelancer. The database preselects by
 * skill, the matcher scores, and the front-runners are scored again on what their live entities
 * hold now, so "available now" in an explanation is the availability of this moment.
 */
@ApplicationScoped
public class Matchmaking {

  public static final int MAX_LIMIT = 50;

  // Availability dates are Japanese calendar days.
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final MatchingSources sources;
  private final RankingTraining training;
  private final LiveAvailabilities live;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final CandidateMatcher matcher = CandidateMatcher.standard();
  private final JobRecommender recommender = new JobRecommender(matcher);
  private final Clock clock;

  protected Matchmaking() {
    this(null, null, (LiveAvailabilities) null, null, null, null);
  }

  /**
   * @param live absent in a WAR without the real-time core (the admin console): rankings there use
   *     the stored availability, which is the live one as of its last acknowledged change
   */
  @Inject
  public Matchmaking(
      MatchingSources sources,
      RankingTraining training,
      Instance<LiveAvailabilities> live,
      TenantEdge edge,
      AuditLog audit) {
    this(
        sources,
        training,
        live.isResolvable() ? live.get() : freelancerIds -> Map.of(),
        edge,
        audit,
        Clock.systemUTC());
  }

  Matchmaking(
      MatchingSources sources,
      RankingTraining training,
      LiveAvailabilities live,
      TenantEdge edge,
      AuditLog audit,
      Clock clock) {
    this.sources = sources;
    this.training = training;
    this.live = live;
    this.edge = edge;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Where the availability in an explanation came from.
   *
   * @param answered false when the live entity did not answer in time and the stored availability
   *     (its last acknowledged change) was used
   * @param online whether the freelancer has a live session now; null when not answered
   */
  public record Liveness(boolean answered, Boolean online, Instant lastSeen) {}

  public record RankedCandidate(
      CandidateMatch match, String displayName, String title, Liveness liveness) {}

  /** The best candidates among the freelancers sharing with the tenant, for one of its jobs. */
  @StaffOnly
  public List<RankedCandidate> candidatesFor(
      @NotNull UUID jobId, @Min(1) @Max(MAX_LIMIT) int limit) {
    UUID tenantId = TenancyContext.current().requireTenant();
    JobAndPool found = sources.jobAndPool(tenantId, jobId, this.matcher);
    // The tenant's own outcomes weigh its rankings once they have shown they rank better.
    CandidateMatcher matcher = this.matcher.withWeights(training.currentWeights());
    JobOpening opening = JobOpenings.of(found.job());
    LocalDate today = LocalDate.now(clock.withZone(TOKYO));
    Map<String, PooledCandidate> byId =
        found.candidates().stream()
            .collect(
                Collectors.toMap(
                    p -> p.candidate().freelancerId(), Function.identity(), (a, b) -> a));
    List<Candidate> stored = found.candidates().stream().map(PooledCandidate::candidate).toList();
    // Stored availability is the live one as of its last acknowledged change, so the front-runners
    // on it are the front-runners; a wider margin than the page absorbs changes in flight.
    int frontRunners = Math.min(MAX_LIMIT * 2, Math.max(limit * 3, 20));
    List<CandidateMatch> first = matcher.rank(opening, stored, today, frontRunners);
    Map<String, LiveState> states =
        live.of(first.stream().map(CandidateMatch::freelancerId).toList());
    List<Candidate> fresh = new ArrayList<>();
    for (CandidateMatch match : first) {
      Candidate candidate = byId.get(match.freelancerId()).candidate();
      LiveState state = states.get(match.freelancerId());
      fresh.add(
          state == null || state.availability() == null
              ? candidate
              : Candidates.withLive(candidate, state.availability()));
    }
    List<RankedCandidate> ranked =
        matcher.rank(opening, fresh, today, limit).stream()
            .map(
                match -> {
                  PooledCandidate pooled = byId.get(match.freelancerId());
                  return new RankedCandidate(
                      match,
                      pooled.displayName(),
                      pooled.title(),
                      liveness(states, match.freelancerId()));
                })
            .toList();
    // Names, titles and availability of the ranked freelancers: on the record, in a short
    // transaction of its own after the live entities answered (none is held while they do).
    audit.recordRead(
        "candidates.read",
        tenantId,
        "job " + jobId,
        ranked.stream().map(candidate -> candidate.match().freelancerId()).toList());
    return ranked;
  }

  public record RecommendedJob(
      JobRecommendation recommendation,
      Job job,
      String tenantSlug,
      String tenantName,
      Liveness liveness) {}

  /**
   * Open jobs for the calling freelancer: how well each fits their profile and live availability,
   * blended with the interest of freelancers who looked at the same jobs. Inside a tenant's portal,
   * only that tenant's jobs.
   */
  public List<RecommendedJob> recommendationsForMe(@Min(1) @Max(MAX_LIMIT) int limit) {
    TenancyContext context = TenancyContext.current();
    String me = context.requireSubject();
    FreelancerAndJobs found = sources.freelancerAndJobs(me, context.tenantSlug(), matcher);
    Candidate freelancer = found.freelancer();
    Map<String, LiveState> states = live.of(List.of(me));
    LiveState state = states.get(me);
    if (state != null && state.availability() != null) {
      freelancer = Candidates.withLive(freelancer, state.availability());
    }
    Map<String, Job> jobs = new HashMap<>();
    List<JobOpening> openings = new ArrayList<>();
    for (Job job : found.openJobs()) {
      Tenant tenant = found.postedBy().get(job.tenantId());
      if (tenant != null) {
        jobs.put(job.id().toString(), job);
        openings.add(JobOpenings.of(job));
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(TOKYO));
    return recommender.recommend(freelancer, openings, found.signals(), today, limit).stream()
        .map(
            recommendation -> {
              Job job = jobs.get(recommendation.jobId());
              Tenant tenant = found.postedBy().get(job.tenantId());
              return new RecommendedJob(
                  recommendation,
                  job,
                  tenant.slug().value(),
                  tenant.branding().displayName(),
                  liveness(states, me));
            })
        .toList();
  }

  private static Liveness liveness(Map<String, LiveState> states, String freelancerId) {
    LiveState state = states.get(freelancerId);
    return state == null
        ? new Liveness(false, null, null)
        : new Liveness(true, state.online(), state.lastSeen());
  }
}
