package io.proxima.jobs.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's named starting point for jobs it posts again and again: the job's details kept whole,
 * as the JSON document the staff wrote.
 */
@Entity
@Table(name = "job_template")
public class JobTemplate {

  public static final int NAME_LIMIT = 100;

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "body", nullable = false)
  private JobDetails details;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected JobTemplate() {
    // for JPA
  }

  /** A new template of the current tenant (Hibernate stamps the tenant when it is stored). */
  public static JobTemplate create(String name, JobDetails details, Instant now) {
    JobTemplate template = new JobTemplate();
    template.id = UUID.randomUUID();
    template.name = validName(name);
    template.details = validDetails(details);
    template.createdAt = now;
    template.updatedAt = now;
    template.version = 1;
    return template;
  }

  /** Renames the template or changes its details. */
  public JobTemplate change(String newName, JobDetails newDetails, Instant now) {
    name = validName(newName);
    details = validDetails(newDetails);
    updatedAt = now;
    return this;
  }

  private static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new DomainException.InvalidValue("name", "a template needs a name");
    }
    String stripped = name.strip();
    if (stripped.length() > NAME_LIMIT) {
      throw new DomainException.InvalidValue("name", "a template name is at most 100 characters");
    }
    return stripped;
  }

  private static JobDetails validDetails(JobDetails details) {
    if (details == null) {
      throw new DomainException.InvalidValue("details", "a template needs the job's details");
    }
    return details;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public JobDetails details() {
    return details;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobTemplate template && Objects.equals(id, template.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
