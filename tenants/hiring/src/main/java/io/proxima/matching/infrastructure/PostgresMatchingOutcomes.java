package io.proxima.matching.infrastructure;

import io.proxima.matching.application.MatchingOutcomes;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Outcomes read from the pipeline's own tables under the tenant's row-level security: applications
 * and the stages they passed through, accepted interview proposals, accepted scouts, and contracts.
 * A contract names no job, so it counts for the jobs its freelancer applied to before it was drawn
 * up and was not turned down for.
 */
@ApplicationScoped
public class PostgresMatchingOutcomes implements MatchingOutcomes {

  private static final String SQL =
      """
      WITH applied AS (
          SELECT a.id, a.job_id, a.freelancer_subject, a.created_at, a.stage
            FROM job_application a WHERE a.tenant_id = ?1
      ), graded AS (
          SELECT a.job_id, a.freelancer_subject,
                 CASE
                   WHEN a.stage IN ('TRIAL', 'CONTRACTED')
                     OR EXISTS (SELECT 1 FROM job_application_step s
                                 WHERE s.application_id = a.id
                                   AND s.to_stage IN ('TRIAL', 'CONTRACTED'))
                     OR (a.stage NOT IN ('REJECTED', 'WITHDRAWN')
                         AND EXISTS (SELECT 1 FROM contract c
                                      WHERE c.tenant_id = ?1
                                        AND c.freelancer_subject = a.freelancer_subject
                                        AND c.created_at >= a.created_at
                                        AND c.status IN ('ACTIVE', 'CONVERTED', 'ENDED')))
                     THEN 3
                   WHEN a.stage IN ('INTERVIEW', 'OFFER')
                     OR EXISTS (SELECT 1 FROM job_application_step s
                                 WHERE s.application_id = a.id
                                   AND s.to_stage IN ('INTERVIEW', 'OFFER'))
                     OR EXISTS (SELECT 1 FROM interview_proposal i
                                 WHERE i.application_id = a.id AND i.status = 'ACCEPTED')
                     THEN 2
                   ELSE 1
                 END AS grade
            FROM applied a
          UNION ALL
          SELECT s.job_id, s.freelancer_subject, 1
            FROM scout s
           WHERE s.tenant_id = ?1 AND s.status = 'ACCEPTED' AND s.job_id IS NOT NULL
      ), best AS (
          SELECT job_id, freelancer_subject, max(grade) AS grade FROM graded
           GROUP BY job_id, freelancer_subject
      ), recent AS (
          SELECT j.id, coalesce(j.published_at, j.created_at) AS posted_at
            FROM job j
           WHERE j.tenant_id = ?1 AND j.id IN (SELECT job_id FROM best)
           ORDER BY posted_at DESC, j.id
           LIMIT ?2
      )
      SELECT CAST(b.job_id AS text) AS job_id, b.freelancer_subject AS freelancer_subject,
             b.grade AS grade, r.posted_at AS posted_at
        FROM best b JOIN recent r ON r.id = b.job_id
       ORDER BY r.posted_at, b.job_id, b.freelancer_subject
      """;

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected PostgresMatchingOutcomes() {
    this(null);
  }

  @Inject
  public PostgresMatchingOutcomes(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public List<Outcome> latest(int maxJobs) {
    return NativeSql.list(
        entityManager,
        SQL,
        row ->
            new Outcome(
                row.uuid("job_id"),
                row.string("freelancer_subject"),
                row.integer("grade"),
                row.instant("posted_at")),
        TenancyContext.current().requireTenant(),
        maxJobs);
  }
}
