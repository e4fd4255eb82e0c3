package io.proxima.jobs.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.search.SearchText;
import io.proxima.profile.domain.ContractType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's job. Drafts are private to the tenant; an open job is a posting any freelancer can
 * find; a closed one stays for its applications' history. Versioned like a profile: an edit made on
 * an older version is refused rather than silently overwriting a colleague's, and a write that lost
 * the race to another is refused by the row's version at commit.
 */
@Entity
@Table(name = "job")
// Only changed columns are written: the search tokens are never read back, so writing every
// column would overwrite the vector with nothing whenever the job changes but its details do not.
@DynamicUpdate
public class Job {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  // The details, column by column; JobDetails itself stays a plain value (a job template keeps it
  // whole as one JSON document, which Hibernate cannot do with an embeddable holding JSON).
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "required_skills", nullable = false)
  private List<SkillRequirement> requiredSkills;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "preferred_skills", nullable = false)
  private List<SkillRequirement> preferredSkills;

  @Column(name = "rate_min_yen")
  private Integer rateMinYen;

  @Column(name = "rate_max_yen")
  private Integer rateMaxYen;

  @Column(name = "rate_tax_included", nullable = false)
  private boolean rateTaxIncluded;

  @Column(name = "settlement_min_hours")
  private Integer settlementMinHours;

  @Column(name = "settlement_max_hours")
  private Integer settlementMaxHours;

  @Column(name = "days_min", nullable = false)
  private int daysMin;

  @Column(name = "days_max", nullable = false)
  private int daysMax;

  @Enumerated(EnumType.STRING)
  @Column(name = "work_style", nullable = false)
  private WorkStyle workStyle;

  private String location;

  private String prefecture;

  private String station;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "duration_months")
  private Integer durationMonths;

  @Enumerated(EnumType.STRING)
  @Column(name = "contract_type", nullable = false)
  private ContractType contractType;

  @Column(name = "trial_available", nullable = false)
  private boolean trialAvailable;

  @Column(name = "payment_terms_days")
  private Integer paymentTermsDays;

  @Enumerated(EnumType.STRING)
  private Culture culture;

  /** Every skill named, required first: what search filters and facets read. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "skill_names", nullable = false)
  private List<String> skillNames;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "required_skill_names", nullable = false)
  private List<String> requiredSkillNames;

  /**
   * The search tokens of the title, the skills and the rest, in that order and separated by U+001F:
   * PostgreSQL weighs them into the full-text vector as they are written. Only written: a job read
   * back holds none, and its vector is rewritten whenever its details change.
   */
  @Column(name = "search_vector", nullable = false)
  @ColumnTransformer(read = "''", write = "job_search_vector(?)")
  private String searchTokens;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobStatus status;

  @Column(name = "posted_by", nullable = false, updatable = false)
  private String postedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version private long version;

  protected Job() {
    // for JPA
  }

  public static Job draft(UUID tenantId, JobDetails details, String postedBy, Instant now) {
    Job job = new Job();
    job.id = UUID.randomUUID();
    job.tenantId = Objects.requireNonNull(tenantId);
    job.describe(details);
    job.status = JobStatus.DRAFT;
    job.postedBy = Objects.requireNonNull(postedBy);
    job.createdAt = now;
    job.updatedAt = now;
    job.version = 1;
    return job;
  }

  /** The job with new details; drafts and open jobs may change, closed ones are history. */
  public Job revise(JobDetails edited, long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status == JobStatus.CLOSED) {
      throw new DomainException.Conflict("a closed job cannot be edited; reopen it first");
    }
    describe(edited);
    updatedAt = now;
    return this;
  }

  public Job publish(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status == JobStatus.OPEN) {
      throw new DomainException.Conflict("the job is already open");
    }
    status = JobStatus.OPEN;
    publishedAt = publishedAt == null ? now : publishedAt;
    closedAt = null;
    updatedAt = now;
    return this;
  }

  public Job close(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status != JobStatus.OPEN) {
      throw new DomainException.Conflict("only an open job can be closed");
    }
    status = JobStatus.CLOSED;
    closedAt = now;
    updatedAt = now;
    return this;
  }

  private void describe(JobDetails described) {
    Objects.requireNonNull(described);
    workspaceId = described.workspaceId();
    title = described.title();
    description = described.description();
    requiredSkills = described.requiredSkills();
    preferredSkills = described.preferredSkills();
    rateMinYen = described.rateMinYen();
    rateMaxYen = described.rateMaxYen();
    rateTaxIncluded = described.rateTaxIncluded();
    settlementMinHours = described.settlementMinHours();
    settlementMaxHours = described.settlementMaxHours();
    daysMin = described.daysMin();
    daysMax = described.daysMax();
    workStyle = described.workStyle();
    location = described.location();
    prefecture = described.prefecture();
    station = described.station();
    startDate = described.startDate();
    durationMonths = described.durationMonths();
    contractType = described.contractType();
    trialAvailable = described.trialAvailable();
    paymentTermsDays = described.paymentTermsDays();
    culture = described.culture();
    skillNames = new ArrayList<>(described.skillNames());
    requiredSkillNames = new ArrayList<>(described.requiredSkillNames());
    searchTokens =
        String.join(
            "\u001f",
            SearchText.tokens(described.title()),
            SearchText.tokens(String.join(" ", described.skillNames())),
            SearchText.tokens(described.description(), described.location(), described.station()));
  }

  /** The caller's edit was made on the version it names; anything else is a colleague's change. */
  private void requireVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "the job is at version " + version + ", the change was made on " + expectedVersion);
    }
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  /** What the tenant wrote about the job, as one value. */
  public JobDetails details() {
    return new JobDetails(
        workspaceId,
        title,
        description,
        requiredSkills,
        preferredSkills,
        rateMinYen,
        rateMaxYen,
        rateTaxIncluded,
        settlementMinHours,
        settlementMaxHours,
        daysMin,
        daysMax,
        workStyle,
        location,
        prefecture,
        station,
        startDate,
        durationMonths,
        contractType,
        trialAvailable,
        paymentTermsDays,
        culture);
  }

  public JobStatus status() {
    return status;
  }

  public String postedBy() {
    return postedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** The version stored; a change made in this transaction counts once it is stored. */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Job job && Objects.equals(id, job.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
