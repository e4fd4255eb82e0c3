package io.proxima.hiring.infrastructure;

import io.proxima.hiring.domain.ApplicationNote;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.hiring.domain.ApplicationStep;
import io.proxima.hiring.domain.InterviewProposal;
import io.proxima.hiring.domain.JobApplication;
import io.proxima.hiring.domain.JobApplicationRepository;
import io.proxima.hiring.domain.StageChange;
import io.proxima.platform.persistence.RacedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applications, their history, notes and interview proposals through Hibernate. Applications, steps
 * and proposals are the freelancer's across tenants as much as the tenant's, so row-level security
 * decides whose rows a caller reaches; notes are the tenant's alone.
 */
@ApplicationScoped
public class JpaJobApplicationRepository implements JobApplicationRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaJobApplicationRepository() {
    this(null);
  }

  @Inject
  public JpaJobApplicationRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public boolean add(JobApplication application) {
    boolean applied =
        entityManager
                .createQuery(
                    "select count(a) from JobApplication a"
                        + " where a.jobId = :job and a.freelancerSubject = :freelancer",
                    Long.class)
                .setParameter("job", application.jobId())
                .setParameter("freelancer", application.freelancerSubject())
                .getSingleResult()
            > 0;
    if (applied) {
      return false;
    }
    entityManager.persist(application);
    // Two applications of one freelancer to one job at the same moment: the unique key decides.
    return RacedWrites.flushUnlessTaken(entityManager);
  }

  @Override
  public Optional<JobApplication> find(UUID id) {
    return Optional.ofNullable(entityManager.find(JobApplication.class, id));
  }

  @Override
  public boolean store(JobApplication next) {
    return RacedWrites.flushUnlessStale(entityManager) && entityManager.contains(next);
  }

  @Override
  public void record(UUID applicationId, StageChange change) {
    JobApplication application = entityManager.find(JobApplication.class, applicationId);
    if (application == null) {
      throw new IllegalStateException("no application " + applicationId + " to record a step of");
    }
    entityManager.persist(new ApplicationStep(application, change));
  }

  @Override
  public List<StageChange> history(UUID applicationId) {
    return entityManager
        .createQuery(
            "select s from ApplicationStep s where s.applicationId = :application order by s.id",
            ApplicationStep.class)
        .setParameter("application", applicationId)
        .getResultStream()
        .map(ApplicationStep::change)
        .toList();
  }

  @Override
  public void addNote(ApplicationNote note) {
    entityManager.persist(note);
  }

  @Override
  public List<ApplicationNote> notes(UUID applicationId) {
    return entityManager
        .createQuery(
            "select n from ApplicationNote n where n.applicationId = :application"
                + " order by n.writtenAt, n.id",
            ApplicationNote.class)
        .setParameter("application", applicationId)
        .getResultList();
  }

  @Override
  public List<JobApplication> ofTenant(
      UUID tenantId, UUID jobId, ApplicationStage stage, int limit) {
    return entityManager
        .createQuery(
            "select a from JobApplication a where a.tenantId = :tenant"
                + " and (:job is null or a.jobId = :job)"
                + " and (:stage is null or a.stage = :stage)"
                + " order by a.updatedAt desc, a.id desc",
            JobApplication.class)
        .setParameter("tenant", tenantId)
        .setParameter("job", jobId)
        .setParameter("stage", stage)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<JobApplication> ofFreelancer(String freelancerSubject, int limit) {
    return entityManager
        .createQuery(
            "select a from JobApplication a where a.freelancerSubject = :freelancer"
                + " order by a.updatedAt desc, a.id desc",
            JobApplication.class)
        .setParameter("freelancer", freelancerSubject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void addProposal(InterviewProposal proposal) {
    entityManager.persist(proposal);
  }

  @Override
  public Optional<InterviewProposal> findProposal(UUID applicationId, UUID proposalId) {
    return Optional.ofNullable(entityManager.find(InterviewProposal.class, proposalId))
        .filter(proposal -> proposal.applicationId().equals(applicationId));
  }

  @Override
  public boolean answerProposal(InterviewProposal answered) {
    return RacedWrites.flushUnlessStale(entityManager) && entityManager.contains(answered);
  }

  @Override
  public List<InterviewProposal> proposals(UUID applicationId) {
    return entityManager
        .createQuery(
            "select p from InterviewProposal p where p.applicationId = :application"
                + " order by p.proposedAt, p.id",
            InterviewProposal.class)
        .setParameter("application", applicationId)
        .getResultList();
  }
}
