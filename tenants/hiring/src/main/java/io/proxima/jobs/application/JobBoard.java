package io.proxima.jobs.application;

import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.jobs.domain.JobTemplate;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Jobs as a tenant's staff post and manage them, and as freelancers find them. A job is drafted,
 * opened (within the plan's number of open jobs), edited while open, and closed; only open jobs
 * leave the tenant.
 */
@ApplicationScoped
public class JobBoard {

  private static final String NO_SUCH_JOB = "There is no such job.";

  private final JobRepository jobs;
  private final JobSearch search;
  private final TenantEdge edge;
  private final TenantRepository tenants;
  private final WorkspaceRepository workspaces;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  protected JobBoard() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public JobBoard(
      JobRepository jobs,
      JobSearch search,
      TenantEdge edge,
      TenantRepository tenants,
      WorkspaceRepository workspaces,
      AuditLog audit) {
    this.jobs = jobs;
    this.search = search;
    this.edge = edge;
    this.tenants = tenants;
    this.workspaces = workspaces;
    this.audit = audit;
  }

  // ---- the tenant's staff ----------------------------------------------------------------------

  @StaffOnly
  @Transactional
  public Job draft(@NotNull JobDetails details) {
    requireOwnWorkspace(details);
    TenancyContext context = TenancyContext.current();
    Job job =
        Job.draft(context.requireTenant(), details, context.requireSubject(), clock.instant());
    store(job, "job.drafted");
    return job;
  }

  @Transactional
  public Job draftFromTemplate(@NotNull UUID templateId) {
    return draft(template(templateId).details());
  }

  /** One of the tenant's jobs, in any state. */
  @StaffOnly
  @Transactional
  public Job job(@NotNull UUID id) {
    return ownJob(id);
  }

  @StaffOnly
  @Transactional
  public Job revise(@NotNull UUID id, @NotNull JobDetails details, long expectedVersion) {
    requireOwnWorkspace(details);
    Job revised = ownJob(id).revise(details, expectedVersion, clock.instant());
    store(revised, "job.revised");
    return revised;
  }

  @StaffOnly
  @Transactional
  public Job publish(@NotNull UUID id, long expectedVersion) {
    Job job = ownJob(id);
    UUID tenantId = job.tenantId();
    Plan plan = tenants.findById(tenantId).orElseThrow().plan();
    if (jobs.countOpenLocked(tenantId) >= plan.openJobs()) {
      throw new DomainException.QuotaExhausted(
          "the "
              + plan.wireName()
              + " plan allows "
              + plan.openJobs()
              + " open jobs at once; close one or change the plan");
    }
    Job published = job.publish(expectedVersion, clock.instant());
    store(published, "job.published");
    return published;
  }

  @StaffOnly
  @Transactional
  public Job close(@NotNull UUID id, long expectedVersion) {
    Job closed = ownJob(id).close(expectedVersion, clock.instant());
    store(closed, "job.closed");
    return closed;
  }

  @StaffOnly
  @Transactional
  public void deleteDraft(@NotNull UUID id) {
    Job job = ownJob(id);
    if (job.status() != JobStatus.DRAFT || !jobs.deleteDraft(id)) {
      throw new DomainException.Conflict("only a draft can be deleted; close an open job");
    }
    audit.record("job.deleted", job.tenantId(), id.toString(), job.details().title());
  }

  @StaffOnly
  @Transactional
  public JobSearch.Result searchOwn(@NotNull JobQuery query) {
    return search.search(query, JobSearch.Audience.TENANT_STAFF);
  }

  @StaffOnly
  @Transactional
  public List<JobTemplate> templates() {
    return jobs.templates();
  }

  @StaffOnly
  @Transactional
  public JobTemplate template(@NotNull UUID id) {
    return jobs.findTemplate(id)
        .orElseThrow(() -> new DomainException.NotFound("There is no such template."));
  }

  @StaffOnly
  @Transactional
  public JobTemplate saveTemplate(UUID id, @NotNull String name, @NotNull JobDetails details) {
    requireOwnWorkspace(details);
    Instant now = clock.instant();
    boolean stored;
    JobTemplate template;
    if (id == null) {
      template = JobTemplate.create(name, details, now);
      stored = jobs.createTemplate(template);
    } else {
      template = template(id).change(name, details, now);
      stored = jobs.updateTemplate(template);
    }
    if (!stored) {
      throw new DomainException.Conflict("the tenant already has a template named " + name);
    }
    audit.record(
        "job-template.saved",
        TenancyContext.current().requireTenant(),
        template.id().toString(),
        name);
    return template;
  }

  @StaffOnly
  @Transactional
  public void deleteTemplate(@NotNull UUID id) {
    if (!jobs.deleteTemplate(id)) {
      throw new DomainException.NotFound("There is no such template.");
    }
    audit.record(
        "job-template.deleted", TenancyContext.current().requireTenant(), id.toString(), null);
  }

  // ---- freelancers -----------------------------------------------------------------------------

  /**
   * Open jobs of every active tenant. Inside a tenant's portal, that tenant's jobs unless the query
   * names another.
   */
  @Transactional
  public JobSearch.Result searchOpen(@NotNull JobQuery query) {
    TenancyContext context = TenancyContext.current();
    JobQuery scoped =
        query.tenant() == null && context.tenantSlug() != null
            ? query.onlyOf(context.tenantSlug())
            : query;
    return search.search(scoped, JobSearch.Audience.FREELANCER);
  }

  /** An open job and the tenant that posted it. */
  public record Posting(Job job, String tenantSlug, String tenantName) {}

  /** An open job as a freelancer reads it; the look counts as a signal for recommendations. */
  @Transactional
  public Posting posting(@NotNull UUID id) {
    Job job =
        jobs.find(id)
            .filter(found -> found.status() == JobStatus.OPEN)
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
    Tenant tenant =
        tenants
            .findById(job.tenantId())
            .filter(Tenant::isActive)
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
    TenancyContext context = TenancyContext.current();
    boolean ownTenant = job.tenantId().equals(context.tenantId());
    if (!ownTenant && context.subject() != null) {
      jobs.recordView(job.id(), job.tenantId(), context.subject(), clock.instant());
    }
    return new Posting(job, tenant.slug().value(), tenant.branding().displayName());
  }

  private Job ownJob(UUID id) {
    UUID tenantId = TenancyContext.current().requireTenant();
    // Row-level security also shows other tenants' open jobs; staff manage only their own.
    return jobs.find(id)
        .filter(job -> job.tenantId().equals(tenantId))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_JOB));
  }

  private void requireOwnWorkspace(JobDetails details) {
    if (details.workspaceId() != null && workspaces.findById(details.workspaceId()).isEmpty()) {
      throw new DomainException.InvalidValue(
          "workspaceId", "workspaceId is not a workspace of this tenant");
    }
  }

  private void store(Job job, String action) {
    if (!jobs.store(job)) {
      throw new DomainException.Conflict("the job was changed meanwhile; reload and try again");
    }
    audit.record(action, job.tenantId(), job.id().toString(), job.details().title());
  }
}
