package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One uploaded skill sheet and what the parser made of it, waiting for the freelancer's review. It
 * is decided once: applied to the profile or discarded. The freelancer's alone (no tenant id; no
 * tenant ever sees an unreviewed upload, row-level security says so).
 */
@Entity
@Table(name = "skill_sheet_draft")
public class SkillSheetUpload {

  public enum Status {
    PENDING,
    APPLIED,
    DISCARDED
  }

  @Id private UUID id;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false, updatable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  /** Of the uploaded bytes, so the same file uploaded again is recognised. */
  @Column(name = "sha256", nullable = false, updatable = false, columnDefinition = "char(64)")
  private String sha256;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "draft", nullable = false, updatable = false)
  private SkillSheetDraft draft;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version private long version;

  protected SkillSheetUpload() {
    // for JPA
  }

  public static SkillSheetUpload pending(
      String freelancerSubject,
      String fileName,
      String mediaType,
      int sizeBytes,
      String sha256,
      SkillSheetDraft draft,
      Instant now) {
    SkillSheetUpload upload = new SkillSheetUpload();
    upload.id = UUID.randomUUID();
    upload.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    upload.fileName = fileName;
    upload.mediaType = mediaType;
    upload.sizeBytes = sizeBytes;
    upload.sha256 = sha256;
    upload.draft = Objects.requireNonNull(draft);
    upload.status = Status.PENDING;
    upload.uploadedAt = now;
    return upload;
  }

  /** The profile with the reviewed parts of the draft; this upload is then applied. */
  public Profile applyTo(Profile profile, DraftReview review, long expectedVersion, Instant now) {
    requirePending();
    if (expectedVersion != profile.version()) {
      throw new DomainException.Conflict(
          "the profile is at version "
              + profile.version()
              + ", the review was made against version "
              + expectedVersion);
    }
    return review.applyTo(profile, draft, now);
  }

  /** Marks the upload applied; it is decided from now on. */
  public SkillSheetUpload applied(Instant now) {
    requirePending();
    return decided(Status.APPLIED, now);
  }

  /** Marks the upload discarded; it is decided from now on. */
  public SkillSheetUpload discarded(Instant now) {
    requirePending();
    return decided(Status.DISCARDED, now);
  }

  private void requirePending() {
    if (status != Status.PENDING) {
      throw new DomainException.Conflict(
          "this skill sheet was already " + status.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private SkillSheetUpload decided(Status next, Instant now) {
    status = next;
    decidedAt = now;
    return this;
  }

  public UUID id() {
    return id;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public SkillSheetDraft draft() {
    return draft;
  }

  public Status status() {
    return status;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SkillSheetUpload upload && Objects.equals(id, upload.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
