package io.proxima.hiring.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.hiring.domain.Actor;
import io.proxima.hiring.domain.ApplicationNote;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.hiring.domain.InterviewProposal;
import io.proxima.hiring.domain.JobApplication;
import io.proxima.hiring.domain.JobApplicationRepository;
import io.proxima.hiring.domain.StageChange;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applications in PostgreSQL; row-level security decides whose rows a caller reaches. */
@ApplicationScoped
public class JpaJobApplicationRepository implements JobApplicationRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, String>>> SLOTS = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, tenant_id, job_id, freelancer_subject, stage, cover_note, proposed_rate_yen,"
          + " created_at, updated_at, version";

  private static final String PROPOSAL_COLUMNS =
      "id, application_id, CAST(slots AS text), location, meeting_url, status, chosen_start,"
          + " chosen_end, answer, proposed_by, proposed_at, answered_at";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public boolean add(JobApplication a) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO job_application ("
                    + COLUMNS
                    + ")"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS text), CAST(?7 AS integer), ?8, ?9,"
                    + " ?10) ON CONFLICT (job_id, freelancer_subject) DO NOTHING",
                a.id(),
                a.tenantId(),
                a.jobId(),
                a.freelancerSubject(),
                a.stage().name(),
                a.coverNote(),
                a.proposedRateYen(),
                Timestamp.from(a.createdAt()),
                Timestamp.from(a.updatedAt()),
                a.version())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<JobApplication> find(UUID id) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager, "SELECT " + COLUMNS + " FROM job_application WHERE id = ?1", id))
        .stream()
        .findFirst()
        .map(JpaJobApplicationRepository::application);
  }

  @Override
  public boolean store(JobApplication next) {
    return NativeSql.query(
                entityManager,
                "UPDATE job_application SET stage = ?2, updated_at = ?3, version = ?4"
                    + " WHERE id = ?1 AND version = ?5",
                next.id(),
                next.stage().name(),
                Timestamp.from(next.updatedAt()),
                next.version(),
                next.version() - 1)
            .executeUpdate()
        == 1;
  }

  @Override
  public void record(UUID applicationId, StageChange change) {
    NativeSql.query(
            entityManager,
            "INSERT INTO job_application_step (application_id, tenant_id, freelancer_subject,"
                + " from_stage, to_stage, actor_side, actor_subject, reason, at)"
                + " SELECT a.id, a.tenant_id, a.freelancer_subject, CAST(?2 AS text), ?3, ?4, ?5,"
                + " CAST(?6 AS text), ?7 FROM job_application a WHERE a.id = ?1",
            applicationId,
            change.from() == null ? null : change.from().name(),
            change.to().name(),
            change.by().side().name(),
            change.by().subject(),
            change.reason(),
            Timestamp.from(change.at()))
        .executeUpdate();
  }

  @Override
  public List<StageChange> history(UUID applicationId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT from_stage, to_stage, actor_side, actor_subject, reason, at"
                    + " FROM job_application_step WHERE application_id = ?1 ORDER BY id",
                applicationId))
        .stream()
        .map(
            r ->
                new StageChange(
                    r[0] == null ? null : ApplicationStage.valueOf((String) r[0]),
                    ApplicationStage.valueOf((String) r[1]),
                    new Actor(Actor.Side.valueOf((String) r[2]), (String) r[3]),
                    (String) r[4],
                    NativeSql.instant(r[5])))
        .toList();
  }

  @Override
  public void addNote(ApplicationNote note) {
    NativeSql.query(
            entityManager,
            "INSERT INTO job_application_note (id, application_id, tenant_id, author_subject, body,"
                + " written_at) SELECT ?1, a.id, a.tenant_id, ?3, ?4, ?5 FROM job_application a"
                + " WHERE a.id = ?2",
            note.id(),
            note.applicationId(),
            note.author(),
            note.body(),
            Timestamp.from(note.writtenAt()))
        .executeUpdate();
  }

  @Override
  public List<ApplicationNote> notes(UUID applicationId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT id, application_id, author_subject, body, written_at"
                    + " FROM job_application_note WHERE application_id = ?1 ORDER BY written_at, id",
                applicationId))
        .stream()
        .map(
            r ->
                new ApplicationNote(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    NativeSql.instant(r[4])))
        .toList();
  }

  @Override
  public List<JobApplication> ofTenant(
      UUID tenantId, UUID jobId, ApplicationStage stage, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM job_application WHERE tenant_id = ?1"
                    + " AND (CAST(?2 AS uuid) IS NULL OR job_id = CAST(?2 AS uuid))"
                    + " AND (CAST(?3 AS text) IS NULL OR stage = CAST(?3 AS text))"
                    + " ORDER BY updated_at DESC, id DESC LIMIT ?4",
                tenantId,
                jobId,
                stage == null ? null : stage.name(),
                limit))
        .stream()
        .map(JpaJobApplicationRepository::application)
        .toList();
  }

  @Override
  public List<JobApplication> ofFreelancer(String freelancerSubject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM job_application WHERE freelancer_subject = ?1"
                    + " ORDER BY updated_at DESC, id DESC LIMIT ?2",
                freelancerSubject,
                limit))
        .stream()
        .map(JpaJobApplicationRepository::application)
        .toList();
  }

  @Override
  public void addProposal(InterviewProposal p) {
    NativeSql.query(
            entityManager,
            "INSERT INTO interview_proposal (id, application_id, tenant_id, freelancer_subject,"
                + " slots, location, meeting_url, status, proposed_by, proposed_at)"
                + " SELECT ?1, a.id, a.tenant_id, a.freelancer_subject, CAST(?3 AS jsonb),"
                + " CAST(?4 AS text), CAST(?5 AS text), ?6, ?7, ?8"
                + " FROM job_application a WHERE a.id = ?2",
            p.id(),
            p.applicationId(),
            slots(p.slots()),
            p.location(),
            p.meetingUrl(),
            p.status().name(),
            p.proposedBy(),
            Timestamp.from(p.proposedAt()))
        .executeUpdate();
  }

  @Override
  public Optional<InterviewProposal> findProposal(UUID applicationId, UUID proposalId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + PROPOSAL_COLUMNS
                    + " FROM interview_proposal WHERE id = ?1 AND application_id = ?2",
                proposalId,
                applicationId))
        .stream()
        .findFirst()
        .map(JpaJobApplicationRepository::proposal);
  }

  @Override
  public boolean answerProposal(InterviewProposal p) {
    return NativeSql.query(
                entityManager,
                "UPDATE interview_proposal SET status = ?2, chosen_start = CAST(?3 AS timestamptz),"
                    + " chosen_end = CAST(?4 AS timestamptz), answer = CAST(?5 AS text),"
                    + " answered_at = ?6 WHERE id = ?1 AND status = 'PROPOSED'",
                p.id(),
                p.status().name(),
                p.chosen() == null ? null : Timestamp.from(p.chosen().start()),
                p.chosen() == null ? null : Timestamp.from(p.chosen().end()),
                p.answer(),
                Timestamp.from(p.answeredAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public List<InterviewProposal> proposals(UUID applicationId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + PROPOSAL_COLUMNS
                    + " FROM interview_proposal WHERE application_id = ?1 ORDER BY proposed_at, id",
                applicationId))
        .stream()
        .map(JpaJobApplicationRepository::proposal)
        .toList();
  }

  private static JobApplication application(Object[] r) {
    return new JobApplication(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        ApplicationStage.valueOf((String) r[4]),
        (String) r[5],
        r[6] == null ? null : ((Number) r[6]).intValue(),
        NativeSql.instant(r[7]),
        NativeSql.instant(r[8]),
        ((Number) r[9]).longValue());
  }

  private static InterviewProposal proposal(Object[] r) {
    List<InterviewProposal.Slot> slots;
    try {
      slots =
          JSON.readValue((String) r[2], SLOTS).stream()
              .map(
                  s ->
                      new InterviewProposal.Slot(
                          Instant.parse(s.get("start")), Instant.parse(s.get("end"))))
              .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("interview_proposal.slots is not a list of slots", e);
    }
    Instant chosenStart = r[6] == null ? null : NativeSql.instant(r[6]);
    Instant chosenEnd = r[7] == null ? null : NativeSql.instant(r[7]);
    return new InterviewProposal(
        (UUID) r[0],
        (UUID) r[1],
        slots,
        (String) r[3],
        (String) r[4],
        InterviewProposal.Status.valueOf((String) r[5]),
        chosenStart == null ? null : new InterviewProposal.Slot(chosenStart, chosenEnd),
        (String) r[8],
        (String) r[9],
        NativeSql.instant(r[10]),
        r[11] == null ? null : NativeSql.instant(r[11]));
  }

  private static String slots(List<InterviewProposal.Slot> slots) {
    try {
      return JSON.writeValueAsString(
          slots.stream()
              .map(s -> Map.of("start", s.start().toString(), "end", s.end().toString()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
