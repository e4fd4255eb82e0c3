package io.proxima.hiring.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications, their history, notes and interview proposals, as row-level security admits. */
public interface JobApplicationRepository {

  /** False when the freelancer already applied to the job. */
  boolean add(JobApplication application);

  Optional<JobApplication> find(UUID id);

  /**
   * Stores the move made to an application read here, at once; false when another writer stored a
   * move of it first (its version moved on).
   */
  boolean store(JobApplication next);

  void record(UUID applicationId, StageChange change);

  List<StageChange> history(UUID applicationId);

  void addNote(ApplicationNote note);

  List<ApplicationNote> notes(UUID applicationId);

  /** The tenant's applications, most recently moved first, optionally of one job or stage. */
  List<JobApplication> ofTenant(UUID tenantId, UUID jobId, ApplicationStage stage, int limit);

  List<JobApplication> ofFreelancer(String freelancerSubject, int limit);

  void addProposal(InterviewProposal proposal);

  Optional<InterviewProposal> findProposal(UUID applicationId, UUID proposalId);

  /**
   * Stores the answer given to a proposal read here, at once; false when someone answered or
   * withdrew it first.
   */
  boolean answerProposal(InterviewProposal answered);

  List<InterviewProposal> proposals(UUID applicationId);
}
