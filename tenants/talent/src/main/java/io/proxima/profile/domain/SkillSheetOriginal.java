package io.proxima.profile.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * The file a skill sheet was uploaded as and the text the reader took from it, so the freelancer
 * checks the draft against what they sent. Apart from the upload so listing uploads never loads
 * megabytes; kept exactly as long as its upload, and only its freelancer ever reads it.
 */
@Entity
@Table(name = "skill_sheet_original")
public class SkillSheetOriginal {

  @Id
  @Column(name = "upload_id")
  private UUID uploadId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "text", nullable = false, updatable = false)
  private String text;

  protected SkillSheetOriginal() {
    // for JPA
  }

  public SkillSheetOriginal(SkillSheetUpload upload, byte[] content, String text) {
    this.uploadId = upload.id();
    this.freelancerSubject = upload.freelancerSubject();
    this.content = Objects.requireNonNull(content).clone();
    this.text = text == null ? "" : text;
  }

  public UUID uploadId() {
    return uploadId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return text;
  }
}
