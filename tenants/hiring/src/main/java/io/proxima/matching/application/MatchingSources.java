package io.proxima.matching.application;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.matching.application.MatchingPool.PooledCandidate;
import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.CandidateMatcher;
import io.proxima.matching.domain.CollaborativeSignals;
import io.proxima.matching.domain.CollaborativeSignals.Interaction;
import io.proxima.matching.domain.JobOpening;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileRepository;
import io.proxima.profile.domain.Skill;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The database half of matching, one short transaction each: matching then asks the live core,
 * which may take up to its deadline, and no connection should wait for that.
 */
@ApplicationScoped
public class MatchingSources {

  /**
   * How many freelancers a job's ranking scores at most: the best covered among every freelancer
   * sharing with the tenant, which the database picks by skill overlap before the matcher scores.
   */
  static final int CANDIDATE_POOL = 1000;

  /** How many open jobs a freelancer's recommendations score at most, newest first. */
  static final int JOB_POOL = 1000;

  static final int INTEREST_ROWS = 5000;

  private final JobRepository jobs;
  private final MatchingPool pool;
  private final ProfileRepository profiles;
  private final AvailabilityRepository availabilities;
  private final TenantRepository tenants;

  protected MatchingSources() {
    this(null, null, null, null, null);
  }

  @Inject
  public MatchingSources(
      JobRepository jobs,
      MatchingPool pool,
      ProfileRepository profiles,
      AvailabilityRepository availabilities,
      TenantRepository tenants) {
    this.jobs = jobs;
    this.pool = pool;
    this.profiles = profiles;
    this.availabilities = availabilities;
    this.tenants = tenants;
  }

  /** One of the tenant's jobs and the sharing freelancers who list a skill it asks for. */
  public record JobAndPool(Job job, List<PooledCandidate> candidates) {}

  @Transactional
  public JobAndPool jobAndPool(UUID tenantId, UUID jobId, CandidateMatcher matcher) {
    Job job =
        jobs.find(jobId)
            .filter(found -> found.tenantId().equals(tenantId))
            .orElseThrow(() -> new DomainException.NotFound("There is no such job."));
    return new JobAndPool(job, pool.sharingWithTenant(retrieval(job, matcher), CANDIDATE_POOL));
  }

  /** What retrieval looks for to fill a job's pool. */
  static MatchingPool.Retrieval retrieval(Job job, CandidateMatcher matcher) {
    JobOpening opening = JobOpenings.of(job);
    Set<String> required = new LinkedHashSet<>();
    opening.required().forEach(need -> required.add(need.skill()));
    Set<String> asked = new LinkedHashSet<>(required);
    opening.preferred().forEach(need -> asked.add(need.skill()));
    return new MatchingPool.Retrieval(
        required.isEmpty() ? Set.of() : matcher.candidateSkillsFor(required),
        asked.isEmpty() ? Set.of() : matcher.candidateSkillsFor(asked),
        String.join(
            " ",
            Objects.toString(opening.title(), ""),
            Objects.toString(opening.description(), "")));
  }

  /** A freelancer, the signals around them, and the open jobs worth scoring for them. */
  public record FreelancerAndJobs(
      Candidate freelancer,
      CollaborativeSignals signals,
      List<Job> openJobs,
      Map<UUID, Tenant> postedBy) {}

  @Transactional
  public FreelancerAndJobs freelancerAndJobs(
      String subject, String tenantSlug, CandidateMatcher matcher) {
    Profile profile = profiles.find(subject).orElseGet(() -> Profile.empty(subject));
    Optional<Availability> availability = availabilities.find(subject);
    Candidate freelancer = Candidates.of(profile, availability.orElse(null));
    List<Interaction> interest = pool.interestAround(subject, INTEREST_ROWS);
    CollaborativeSignals signals = CollaborativeSignals.from(interest);
    Set<UUID> othersJobs = new LinkedHashSet<>();
    interest.forEach(i -> othersJobs.add(UUID.fromString(i.jobId())));
    Set<String> listed = new LinkedHashSet<>();
    profile.skills().stream().map(Skill::name).forEach(listed::add);
    List<Job> open =
        jobs.openAskingForAny(matcher.jobSkillsFor(listed), othersJobs, tenantSlug, JOB_POOL);
    Map<UUID, Tenant> postedBy = new HashMap<>();
    for (Job job : open) {
      postedBy.computeIfAbsent(job.tenantId(), id -> tenants.findById(id).orElse(null));
    }
    return new FreelancerAndJobs(freelancer, signals, open, postedBy);
  }
}
