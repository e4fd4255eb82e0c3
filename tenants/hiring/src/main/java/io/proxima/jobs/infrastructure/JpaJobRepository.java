package io.proxima.jobs.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.domain.Culture;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobRepository;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.jobs.domain.JobTemplate;
import io.proxima.jobs.domain.SkillRequirement;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.search.SearchText;
import io.proxima.platform.search.SqlWhere;
import io.proxima.profile.domain.ContractType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL: a job is a versioned document with columns search filters on, and row-level security
 * decides who reads it. The full-text vector weighs the title above the skills above the rest.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final TypeReference<List<SkillRequirement>> SKILLS = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, tenant_id, workspace_id, title, description, CAST(required_skills AS text),"
          + " CAST(preferred_skills AS text), rate_min_yen, rate_max_yen, rate_tax_included,"
          + " settlement_min_hours, settlement_max_hours, days_min, days_max, work_style, location,"
          + " start_date, duration_months, contract_type, trial_available, payment_terms_days,"
          + " culture, status, posted_by, created_at, updated_at, published_at, closed_at, version";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public Optional<Job> find(UUID id) {
    return NativeSql.rows(
            NativeSql.query(entityManager, "SELECT " + COLUMNS + " FROM job WHERE id = ?1", id))
        .stream()
        .findFirst()
        .map(JpaJobRepository::job);
  }

  @Override
  public List<Job> openAskingForAny(
      Collection<String> anyOfSkills, Collection<UUID> alsoIds, String tenantSlug, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM job WHERE status = 'OPEN'"
            + " AND NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = job.tenant_id"
            + " AND t.status <> 'ACTIVE')"
            + " AND (skill_names && string_to_array(?1, chr(31))"
            + " OR id = ANY (CAST(string_to_array(?2, chr(31)) AS uuid[])))"
            + " AND (CAST(?3 AS text) = ''"
            + " OR tenant_id = (SELECT t.id FROM tenant t WHERE t.slug = CAST(?3 AS text)))"
            + " ORDER BY coalesce(published_at, created_at) DESC, id DESC LIMIT ?4";
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                sql,
                SqlWhere.list(anyOfSkills),
                SqlWhere.list(alsoIds.stream().map(UUID::toString).toList()),
                tenantSlug == null ? "" : tenantSlug,
                limit))
        .stream()
        .map(JpaJobRepository::job)
        .toList();
  }

  @Override
  public boolean store(Job job) {
    JobDetails d = job.details();
    Object[] values = {
      job.id(),
      job.tenantId(),
      d.workspaceId(),
      d.title(),
      d.description(),
      write(d.requiredSkills()),
      write(d.preferredSkills()),
      SqlWhere.list(d.skillNames()),
      SqlWhere.list(d.requiredSkillNames()),
      d.rateMinYen(),
      d.rateMaxYen(),
      d.rateTaxIncluded(),
      d.settlementMinHours(),
      d.settlementMaxHours(),
      d.daysMin(),
      d.daysMax(),
      d.workStyle().name(),
      d.location(),
      d.startDate() == null ? null : Date.valueOf(d.startDate()),
      d.durationMonths(),
      d.contractType().name(),
      d.trialAvailable(),
      d.paymentTermsDays(),
      d.culture() == null ? null : d.culture().name(),
      job.status().name(),
      SearchText.tokens(d.title()),
      SearchText.tokens(String.join(" ", d.skillNames())),
      SearchText.tokens(d.description(), d.location()),
      job.postedBy(),
      Timestamp.from(job.createdAt()),
      Timestamp.from(job.updatedAt()),
      job.publishedAt() == null ? null : Timestamp.from(job.publishedAt()),
      job.closedAt() == null ? null : Timestamp.from(job.closedAt()),
      job.version()
    };
    String row =
        "?1, ?2, CAST(?3 AS uuid), ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb),"
            + " string_to_array(?8, chr(31)), string_to_array(?9, chr(31)), CAST(?10 AS integer),"
            + " CAST(?11 AS integer), ?12, CAST(?13 AS smallint), CAST(?14 AS smallint), ?15, ?16,"
            + " ?17, CAST(?18 AS varchar), CAST(?19 AS date), CAST(?20 AS smallint), ?21, ?22,"
            + " CAST(?23 AS smallint), CAST(?24 AS varchar), ?25,"
            + " setweight(to_tsvector('simple', ?26), 'A')"
            + " || setweight(to_tsvector('simple', ?27), 'B') || to_tsvector('simple', ?28),"
            + " ?29, ?30, ?31, CAST(?32 AS timestamptz), CAST(?33 AS timestamptz), ?34";
    String columns =
        "id, tenant_id, workspace_id, title, description, required_skills, preferred_skills,"
            + " skill_names, required_skill_names, rate_min_yen, rate_max_yen, rate_tax_included,"
            + " settlement_min_hours, settlement_max_hours, days_min, days_max, work_style, location,"
            + " start_date, duration_months, contract_type, trial_available, payment_terms_days,"
            + " culture, status, search_vector, posted_by, created_at, updated_at, published_at,"
            + " closed_at, version";
    String sql =
        job.version() == 1
            ? "INSERT INTO job (" + columns + ") VALUES (" + row + ") ON CONFLICT DO NOTHING"
            : "UPDATE job SET ("
                + columns
                + ") = ("
                + row
                + ") WHERE id = ?1 AND version = ?34 - 1";
    return NativeSql.query(entityManager, sql, values).executeUpdate() == 1;
  }

  @Override
  public boolean deleteDraft(UUID id) {
    return NativeSql.query(entityManager, "DELETE FROM job WHERE id = ?1 AND status = 'DRAFT'", id)
            .executeUpdate()
        == 1;
  }

  @Override
  public int countOpenLocked(UUID tenantId) {
    NativeSql.query(entityManager, "SELECT id FROM tenant WHERE id = ?1 FOR UPDATE", tenantId)
        .getResultList();
    return ((Number)
            NativeSql.query(
                    entityManager,
                    "SELECT count(*) FROM job WHERE tenant_id = ?1 AND status = 'OPEN'",
                    tenantId)
                .getSingleResult())
        .intValue();
  }

  @Override
  public void recordView(UUID jobId, UUID tenantId, String freelancerSubject, Instant at) {
    NativeSql.query(
            entityManager,
            "INSERT INTO job_view (job_id, tenant_id, freelancer_subject, viewed_at)"
                + " VALUES (?1, ?2, ?3, ?4)",
            jobId,
            tenantId,
            freelancerSubject,
            Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public List<JobTemplate> templates() {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT id, name, CAST(body AS text), created_at, updated_at FROM job_template"
                    + " ORDER BY name"))
        .stream()
        .map(JpaJobRepository::template)
        .toList();
  }

  @Override
  public Optional<JobTemplate> findTemplate(UUID id) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT id, name, CAST(body AS text), created_at, updated_at FROM job_template"
                    + " WHERE id = ?1",
                id))
        .stream()
        .findFirst()
        .map(JpaJobRepository::template);
  }

  @Override
  public boolean createTemplate(JobTemplate template) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO job_template (id, tenant_id, name, body, created_at, updated_at)"
                    + " VALUES (?1, proxima_tenant(), ?2, CAST(?3 AS jsonb), ?4, ?5)"
                    + " ON CONFLICT DO NOTHING",
                template.id(),
                template.name(),
                write(template.details()),
                Timestamp.from(template.createdAt()),
                Timestamp.from(template.updatedAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean updateTemplate(JobTemplate template) {
    // The name check and the update are one statement; a rename racing another to the same name
    // is the one case left to the unique constraint.
    return NativeSql.query(
                entityManager,
                "UPDATE job_template SET name = ?2, body = CAST(?3 AS jsonb), updated_at = ?4"
                    + " WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM job_template o"
                    + " WHERE o.name = ?2 AND o.id <> ?1)",
                template.id(),
                template.name(),
                write(template.details()),
                Timestamp.from(template.updatedAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean deleteTemplate(UUID id) {
    return NativeSql.query(entityManager, "DELETE FROM job_template WHERE id = ?1", id)
            .executeUpdate()
        == 1;
  }

  private static JobTemplate template(Object[] row) {
    return new JobTemplate(
        (UUID) row[0],
        (String) row[1],
        read((String) row[2], JobDetails.class),
        NativeSql.instant(row[3]),
        NativeSql.instant(row[4]));
  }

  private static Job job(Object[] r) {
    JobDetails details =
        new JobDetails(
            (UUID) r[2],
            (String) r[3],
            (String) r[4],
            readSkills((String) r[5]),
            readSkills((String) r[6]),
            integer(r[7]),
            integer(r[8]),
            (Boolean) r[9],
            integer(r[10]),
            integer(r[11]),
            integer(r[12]),
            integer(r[13]),
            WorkStyle.valueOf((String) r[14]),
            (String) r[15],
            r[16] == null ? null : ((Date) r[16]).toLocalDate(),
            integer(r[17]),
            ContractType.valueOf((String) r[18]),
            (Boolean) r[19],
            integer(r[20]),
            r[21] == null ? null : Culture.valueOf((String) r[21]));
    return new Job(
        (UUID) r[0],
        (UUID) r[1],
        details,
        JobStatus.valueOf((String) r[22]),
        (String) r[23],
        NativeSql.instant(r[24]),
        NativeSql.instant(r[25]),
        r[26] == null ? null : NativeSql.instant(r[26]),
        r[27] == null ? null : NativeSql.instant(r[27]),
        ((Number) r[28]).longValue());
  }

  static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static List<SkillRequirement> readSkills(String json) {
    try {
      return JSON.readValue(json, SKILLS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored job's skills are always valid JSON", e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored template is always valid JSON", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job details are plain data and always serialise", e);
    }
  }
}
