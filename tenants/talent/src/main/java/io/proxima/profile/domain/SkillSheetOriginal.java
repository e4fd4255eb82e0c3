package io.proxima.profile.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The file a skill sheet was uploaded as and the text the reader took from it, so the freelancer
 * checks the draft against what they sent. Apart from the upload so listing uploads never loads
 * megabytes; kept exactly as long as its upload, and only its freelancer ever reads it. Stored
 * sealed with the freelancer's data key: a copy of the database shows neither the file nor its
 * text.
 */
public final class SkillSheetOriginal {

  private final UUID uploadId;
  private final String freelancerSubject;
  private final byte[] content;
  private final String text;

  public SkillSheetOriginal(UUID uploadId, String freelancerSubject, byte[] content, String text) {
    this.uploadId = Objects.requireNonNull(uploadId, "uploadId");
    this.freelancerSubject = Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    this.content = Objects.requireNonNull(content, "content").clone();
    this.text = text == null ? "" : text;
  }

  public SkillSheetOriginal(SkillSheetUpload upload, byte[] content, String text) {
    this(upload.id(), upload.freelancerSubject(), content, text);
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
