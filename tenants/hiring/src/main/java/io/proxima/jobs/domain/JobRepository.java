package io.proxima.jobs.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs and templates of the current tenant; open jobs of every tenant for freelancers. */
public interface JobRepository {

  /** A job the caller may see: their tenant's in any state, or any tenant's open job. */
  Optional<Job> find(UUID id);

  /**
   * Stores a new job or the changes made to one read here, at once, so its version is the stored
   * one; false when another writer stored that version first.
   */
  boolean store(Job job);

  /** Deletes a draft; false when it is not a draft of the current tenant. */
  boolean deleteDraft(UUID id);

  /** Open jobs of the tenant, counted while holding the tenant's row so two publishes queue. */
  int countOpenLocked(UUID tenantId);

  /**
   * Open jobs of active tenants that ask for any of {@code anyOfSkills} or are among {@code
   * alsoIds}, newest first; only {@code tenantSlug}'s when it is not null.
   */
  List<Job> openAskingForAny(
      Collection<String> anyOfSkills, Collection<UUID> alsoIds, String tenantSlug, int limit);

  /** The freelancer opened the job: a signal for recommendations and the tenant's view count. */
  void recordView(UUID jobId, UUID tenantId, String freelancerSubject, Instant at);

  List<JobTemplate> templates();

  Optional<JobTemplate> findTemplate(UUID id);

  /** Stores a new template; false when the tenant already has a template of that name. */
  boolean createTemplate(JobTemplate template);

  /**
   * Stores the changes made to a template read here; false when another of the tenant's templates
   * has its name or another writer changed it meanwhile.
   */
  boolean updateTemplate(JobTemplate template);

  boolean deleteTemplate(UUID id);
}
