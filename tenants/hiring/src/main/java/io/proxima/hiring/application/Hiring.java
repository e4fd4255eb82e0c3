package io.proxima.hiring.application;

import io.proxima.hiring.domain.Actor;
import io.proxima.hiring.domain.ApplicationNote;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.hiring.domain.InterviewProposal;
import io.proxima.hiring.domain.JobApplication;
import io.proxima.hiring.domain.JobApplicationRepository;
import io.proxima.hiring.domain.StageChange;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The applications pipeline: freelancers apply to open jobs and may withdraw; the tenant's staff
 * screen, interview, offer, trial and contract or reject, keep internal notes, and propose
 * interview times the freelancer accepts or declines. Each call loads the application, lets it
 * decide, and stores it with its history step in one transaction.
 */
@ApplicationScoped
public class Hiring {

  public static final int MAX_LIMIT = 200;
  private static final String NO_SUCH_APPLICATION = "There is no such application.";
  private static final String NO_SUCH_JOB = "There is no such job.";

  private final JobApplicationRepository applications;
  private final JobRepository jobs;
  private final TenantRepository tenants;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Event<PlatformEvent> events;
  private final Clock clock;

  protected Hiring() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public Hiring(
      JobApplicationRepository applications,
      JobRepository jobs,
      TenantRepository tenants,
      TenantEdge edge,
      AuditLog audit,
      Event<PlatformEvent> events) {
    this(applications, jobs, tenants, edge, audit, events, Clock.systemUTC());
  }

  Hiring(
      JobApplicationRepository applications,
      JobRepository jobs,
      TenantRepository tenants,
      TenantEdge edge,
      AuditLog audit,
      Event<PlatformEvent> events,
      Clock clock) {
    this.applications = applications;
    this.jobs = jobs;
    this.tenants = tenants;
    this.edge = edge;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** An application with everything its reader may see; notes only for staff. */
  public record Dossier(
      JobApplication application,
      Job job,
      List<StageChange> history,
      List<ApplicationNote> notes,
      List<InterviewProposal> interviews) {}

  // ---- the freelancer --------------------------------------------------------------------------

  @Transactional
  public Dossier apply(@NotNull UUID jobId, String coverNote, Integer proposedRateYen) {
    String me = TenancyContext.current().requireSubject();
    Job job =
        jobs.find(jobId)
            .filter(found -> found.status() == JobStatus.OPEN)
            .filter(
                found -> tenants.findById(found.tenantId()).filter(Tenant::isActive).isPresent())
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
    JobApplication.Moved applied =
        JobApplication.apply(
            job.tenantId(), job.id(), me, coverNote, proposedRateYen, clock.instant());
    if (!applications.add(applied.application())) {
      throw new DomainException.Conflict("you already applied to this job");
    }
    applications.record(applied.application().id(), applied.change());
    audited("application.submitted", applied.application(), "job " + job.id());
    told(PlatformEventType.APPLICATION_CREATED, applied.application(), null);
    return dossier(applied.application(), job, false);
  }

  @Transactional
  public List<JobApplication> mine(@Min(1) @Max(MAX_LIMIT) int limit) {
    return applications.ofFreelancer(TenancyContext.current().requireSubject(), limit);
  }

  @Transactional
  public Dossier myApplication(@NotNull UUID id) {
    JobApplication application = mineOrNotFound(id);
    return dossier(application, jobOf(application), false);
  }

  @Transactional
  public Dossier withdraw(@NotNull UUID id, long expectedVersion, String reason) {
    JobApplication application = mineOrNotFound(id);
    JobApplication.Moved moved = application.withdraw(expectedVersion, reason, clock.instant());
    store(moved);
    audited("application.withdrawn", application, reason);
    return dossier(moved.application(), jobOf(application), false);
  }

  @Transactional
  public Dossier acceptInterview(
      @NotNull UUID id, @NotNull UUID proposalId, @NotNull Instant start) {
    JobApplication application = mineOrNotFound(id);
    if (application.stage().isFinal()) {
      throw new DomainException.Conflict("the application is already " + application.stage());
    }
    Instant now = clock.instant();
    InterviewProposal accepted = proposalOf(application, proposalId).accept(start, now);
    answer(accepted);
    JobApplication.Moved moved = application.interviewAgreed(now);
    if (moved.change() != null) {
      store(moved);
    }
    audited("application.interview.accepted", application, "proposal " + proposalId + " " + start);
    Job job = jobOf(application);
    // The staff member who proposed the times hears the answer; the rest see it on the board.
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.INTERVIEW_ACCEPTED,
            application.tenantId(),
            application.id(),
            accepted.proposedBy(),
            interviewFacts(application, job, true),
            now));
    return dossier(moved.application(), job, false);
  }

  @Transactional
  public Dossier declineInterview(@NotNull UUID id, @NotNull UUID proposalId, String answer) {
    JobApplication application = mineOrNotFound(id);
    answer(proposalOf(application, proposalId).decline(answer, clock.instant()));
    audited("application.interview.declined", application, "proposal " + proposalId);
    return dossier(application, jobOf(application), false);
  }

  // ---- the tenant's staff ----------------------------------------------------------------------

  @StaffOnly
  @Transactional
  public List<JobApplication> ofTenant(
      UUID jobId, ApplicationStage stage, @Min(1) @Max(MAX_LIMIT) int limit) {
    UUID tenantId = TenancyContext.current().requireTenant();
    List<JobApplication> found = applications.ofTenant(tenantId, jobId, stage, limit);
    // A list of applicants is personal data read by staff: on the record, with who was shown.
    audit.recordRead(
        "applications.read",
        tenantId,
        jobId == null ? null : "job " + jobId,
        found.stream().map(JobApplication::freelancerSubject).distinct().toList());
    return found;
  }

  @StaffOnly
  @Transactional
  public Dossier application(@NotNull UUID id) {
    JobApplication application = ownOrNotFound(id);
    Dossier dossier = dossier(application, jobOf(application), true);
    audit.recordRead(
        "application.read",
        application.tenantId(),
        "application " + application.id(),
        List.of(application.freelancerSubject()));
    return dossier;
  }

  @StaffOnly
  @Transactional
  public Dossier move(
      @NotNull UUID id, @NotNull ApplicationStage to, long expectedVersion, String reason) {
    JobApplication application = ownOrNotFound(id);
    JobApplication.Moved moved =
        application.moveTo(
            to,
            Actor.staff(TenancyContext.current().requireSubject()),
            expectedVersion,
            reason,
            clock.instant());
    store(moved);
    audited("application.moved", application, moved.change().from() + " -> " + to);
    told(PlatformEventType.APPLICATION_MOVED, moved.application(), moved.change().from());
    return dossier(moved.application(), jobOf(application), true);
  }

  @StaffOnly
  @Transactional
  public ApplicationNote note(@NotNull UUID id, String body) {
    JobApplication application = ownOrNotFound(id);
    ApplicationNote note =
        new ApplicationNote(
            UUID.randomUUID(),
            application.id(),
            TenancyContext.current().requireSubject(),
            body,
            clock.instant());
    applications.addNote(note);
    // The note's text stays with the application; the log says one was written.
    audited("application.noted", application, "note " + note.id());
    return note;
  }

  @StaffOnly
  @Transactional
  public InterviewProposal proposeInterview(
      @NotNull UUID id, List<InterviewProposal.Slot> slots, String location, String meetingUrl) {
    JobApplication application = ownOrNotFound(id);
    if (!application.interviewsPossible()) {
      throw new DomainException.Conflict(
          "an application in " + application.stage() + " takes no interview proposals");
    }
    InterviewProposal proposal =
        InterviewProposal.propose(
            application,
            slots,
            location,
            meetingUrl,
            TenancyContext.current().requireSubject(),
            clock.instant());
    applications.addProposal(proposal);
    audited("application.interview.proposed", application, "proposal " + proposal.id());
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.INTERVIEW_PROPOSED,
            application.tenantId(),
            application.id(),
            application.freelancerSubject(),
            interviewFacts(application, jobOf(application), false),
            proposal.proposedAt()));
    return proposal;
  }

  @StaffOnly
  @Transactional
  public InterviewProposal cancelInterview(@NotNull UUID id, @NotNull UUID proposalId) {
    JobApplication application = ownOrNotFound(id);
    InterviewProposal cancelled = proposalOf(application, proposalId).cancel(clock.instant());
    answer(cancelled);
    audited("application.interview.cancelled", application, "proposal " + proposalId);
    return cancelled;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private JobApplication mineOrNotFound(UUID id) {
    String me = TenancyContext.current().requireSubject();
    return applications
        .find(id)
        .filter(a -> a.freelancerSubject().equals(me))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_APPLICATION));
  }

  private JobApplication ownOrNotFound(UUID id) {
    UUID tenantId = TenancyContext.current().requireTenant();
    return applications
        .find(id)
        .filter(a -> a.tenantId().equals(tenantId))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_APPLICATION));
  }

  private InterviewProposal proposalOf(JobApplication application, UUID proposalId) {
    return applications
        .findProposal(application.id(), proposalId)
        .orElseThrow(() -> new DomainException.NotFound("There is no such interview proposal."));
  }

  /**
   * @param toStaff whether the recipient is the tenant's staff (links open in its portal)
   */
  private static Map<String, String> interviewFacts(
      JobApplication application, Job job, boolean toStaff) {
    Map<String, String> facts = new HashMap<>();
    facts.put("applicationId", application.id().toString());
    if (job != null) {
      facts.put("jobTitle", job.details().title());
    }
    if (toStaff) {
      facts.put("audience", "staff");
    }
    return facts;
  }

  private Job jobOf(JobApplication application) {
    // Row-level security shows a freelancer open jobs only: once the job closes, their
    // application is still theirs to read, without the job (null).
    return jobs.find(application.jobId()).orElse(null);
  }

  private void store(JobApplication.Moved moved) {
    if (!applications.store(moved.application())) {
      throw new DomainException.Conflict(
          "the application was changed meanwhile; reload and try again");
    }
    applications.record(moved.application().id(), moved.change());
  }

  private void answer(InterviewProposal answered) {
    if (!applications.answerProposal(answered)) {
      throw new DomainException.Conflict("the proposal was answered meanwhile");
    }
  }

  /** Application changes are audited under the tenant, with the application as target. */
  private void audited(String action, JobApplication application, String details) {
    audit.record(
        action,
        application.tenantId(),
        application.id().toString(),
        "freelancer " + application.freelancerSubject() + (details == null ? "" : "; " + details));
  }

  private Dossier dossier(JobApplication application, Job job, boolean staff) {
    return new Dossier(
        application,
        job,
        applications.history(application.id()),
        staff ? applications.notes(application.id()) : List.of(),
        applications.proposals(application.id()));
  }

  /**
   * Tells listeners (the tenant's webhooks) in this transaction; ids and stages only, never the
   * cover note or anything else the freelancer wrote.
   */
  private void told(PlatformEventType type, JobApplication application, ApplicationStage from) {
    java.util.Map<String, String> data = new java.util.HashMap<>();
    data.put("applicationId", application.id().toString());
    data.put("jobId", application.jobId().toString());
    data.put("stage", application.stage().name());
    if (from != null) {
      data.put("from", from.name());
    }
    events.fire(
        PlatformEvent.toTenant(
            type, application.tenantId(), application.id(), data, clock.instant()));
  }
}
