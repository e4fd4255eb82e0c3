package io.proxima.hiring.domain;

import io.proxima.platform.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * A staff member's internal note on an application; the freelancer never sees notes. Written once
 * and never changed, so it has no version to lock on.
 */
@Entity
@Table(name = "job_application_note")
@Immutable
public class ApplicationNote {

  public static final int BODY_LIMIT = 4000;

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(name = "author_subject", nullable = false)
  private String author;

  @Column(nullable = false)
  private String body;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected ApplicationNote() {
    // for JPA
  }

  /** A note of the current tenant's staff (Hibernate stamps the tenant when it is stored). */
  public ApplicationNote(
      UUID id, UUID applicationId, String author, String body, Instant writtenAt) {
    this.id = Objects.requireNonNull(id);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.author = Objects.requireNonNull(author);
    this.body = Texts.required(body, "body", BODY_LIMIT);
    this.writtenAt = Objects.requireNonNull(writtenAt);
  }

  public UUID id() {
    return id;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public String author() {
    return author;
  }

  public String body() {
    return body;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApplicationNote note && Objects.equals(id, note.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
