package io.proxima.jobs.infrastructure;

import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.jobs.domain.JobTemplate;
import io.proxima.jobs.domain.JobViewed;
import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.search.SqlWhere;
import io.proxima.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs and templates through Hibernate. A tenant's own jobs are entities like any other; another
 * tenant's open job is a posting that row-level security lets everyone read while Hibernate's
 * tenant filter (rightly) hides it, so those reads are SQL returning entities and the database
 * decides.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  /**
   * A job's columns for the SQL reads, without its full-text vector: the entity never reads it
   * back, and it is the widest value of the row.
   */
  private static final String JOB_COLUMNS =
      "j.id, j.tenant_id, j.workspace_id, j.title, j.description, j.required_skills,"
          + " j.preferred_skills, j.skill_names, j.required_skill_names, j.rate_min_yen,"
          + " j.rate_max_yen, j.rate_tax_included, j.settlement_min_hours, j.settlement_max_hours,"
          + " j.days_min, j.days_max, j.work_style, j.location, j.prefecture, j.station,"
          + " j.start_date, j.duration_months,"
          + " j.contract_type, j.trial_available, j.payment_terms_days, j.culture, j.status,"
          + " '' AS search_vector, j.posted_by, j.created_at, j.updated_at, j.published_at,"
          + " j.closed_at, j.version";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaJobRepository() {
    this(null);
  }

  @Inject
  public JpaJobRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Job> find(UUID id) {
    Job own = entityManager.find(Job.class, id);
    if (own != null) {
      return Optional.of(own);
    }
    // Not the tenant's own (or no tenant at all): an open posting, if row-level security shows it.
    return postings("j.id = ?1", id).stream().findFirst();
  }

  @Override
  public List<Job> openAskingForAny(
      Collection<String> anyOfSkills, Collection<UUID> alsoIds, String tenantSlug, int limit) {
    // SQL on purpose: array overlap through the GIN index on skill_names, and every tenant's jobs.
    return postings(
        "j.status = 'OPEN'"
            + " AND NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = j.tenant_id"
            + " AND t.status <> 'ACTIVE')"
            + " AND (j.skill_names && string_to_array(?1, chr(31))"
            + " OR j.id = ANY (CAST(string_to_array(?2, chr(31)) AS uuid[])))"
            + " AND (CAST(?3 AS text) = ''"
            + " OR j.tenant_id = (SELECT t.id FROM tenant t WHERE t.slug = CAST(?3 AS text)))"
            + " ORDER BY coalesce(j.published_at, j.created_at) DESC, j.id DESC LIMIT ?4",
        SqlWhere.list(anyOfSkills),
        SqlWhere.list(alsoIds.stream().map(UUID::toString).toList()),
        tenantSlug == null ? "" : tenantSlug,
        limit);
  }

  private List<Job> postings(String condition, Object... parameters) {
    Query query =
        entityManager.createNativeQuery(
            "SELECT " + JOB_COLUMNS + " FROM job j WHERE " + condition, Job.class);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList().stream().map(Job.class::cast).toList();
  }

  @Override
  public boolean store(Job job) {
    if (!entityManager.contains(job)) {
      entityManager.persist(job);
    }
    return RacedWrites.flushUnlessStale(entityManager);
  }

  @Override
  public boolean deleteDraft(UUID id) {
    Job job = entityManager.find(Job.class, id);
    if (job == null || job.status() != JobStatus.DRAFT) {
      return false;
    }
    entityManager.remove(job);
    entityManager.flush();
    return true;
  }

  @Override
  public int countOpenLocked(UUID tenantId) {
    // Holding the tenant's row makes two publishes of one tenant queue behind each other.
    entityManager.find(Tenant.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    return entityManager
        .createQuery(
            "select count(j) from Job j where j.tenantId = :tenant and j.status = :open",
            Long.class)
        .setParameter("tenant", tenantId)
        .setParameter("open", JobStatus.OPEN)
        .getSingleResult()
        .intValue();
  }

  @Override
  public void recordView(UUID jobId, UUID tenantId, String freelancerSubject, Instant at) {
    entityManager.persist(new JobViewed(jobId, tenantId, freelancerSubject, at));
  }

  @Override
  public List<JobTemplate> templates() {
    return entityManager
        .createQuery("select t from JobTemplate t order by t.name", JobTemplate.class)
        .getResultList();
  }

  @Override
  public Optional<JobTemplate> findTemplate(UUID id) {
    return Optional.ofNullable(entityManager.find(JobTemplate.class, id));
  }

  @Override
  public boolean createTemplate(JobTemplate template) {
    if (nameTakenByAnother(template)) {
      return false;
    }
    entityManager.persist(template);
    return flushed();
  }

  @Override
  public boolean updateTemplate(JobTemplate template) {
    if (!entityManager.contains(template)) {
      return false;
    }
    if (nameTakenByAnother(template)) {
      // The refused change must not be written when the transaction commits after all.
      entityManager.refresh(template);
      return false;
    }
    return flushed();
  }

  /**
   * Asked before the template's own change is written (no flush first), so a taken name is an
   * answer and not a failed statement; a rename racing another to the same name is the one case
   * left to the unique constraint.
   */
  private boolean nameTakenByAnother(JobTemplate template) {
    return entityManager
            .createQuery(
                "select count(t) from JobTemplate t where t.name = :name and t.id <> :id",
                Long.class)
            .setParameter("name", template.name())
            .setParameter("id", template.id())
            .setFlushMode(FlushModeType.COMMIT)
            .getSingleResult()
        > 0;
  }

  private boolean flushed() {
    return RacedWrites.flushUnlessRaced(entityManager);
  }

  @Override
  public boolean deleteTemplate(UUID id) {
    JobTemplate template = entityManager.find(JobTemplate.class, id);
    if (template == null) {
      return false;
    }
    entityManager.remove(template);
    return true;
  }
}
