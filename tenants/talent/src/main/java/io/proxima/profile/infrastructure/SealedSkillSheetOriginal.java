package io.proxima.profile.infrastructure;

import io.proxima.platform.privacy.KeyOwner;
import io.proxima.platform.privacy.PersonalDataVault;
import io.proxima.profile.domain.SkillSheetOriginal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A {@link SkillSheetOriginal} as the table keeps it: the file and its text sealed with the
 * freelancer's data key, each bound to its upload so that bytes moved to another row do not open.
 * Rows from before sealing ({@code sealed} false) are sealed on start by {@link
 * SealUnsealedOriginals}; reading still understands them in between.
 */
@Entity
@Table(name = "skill_sheet_original")
class SealedSkillSheetOriginal {

  @Id
  @Column(name = "upload_id")
  private UUID uploadId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "text", updatable = false)
  private String text;

  @Column(name = "sealed_text", updatable = false)
  private byte[] sealedText;

  @Column(name = "sealed", nullable = false, updatable = false)
  private boolean sealed;

  protected SealedSkillSheetOriginal() {
    // for JPA
  }

  static SealedSkillSheetOriginal sealing(SkillSheetOriginal original, PersonalDataVault vault) {
    SealedSkillSheetOriginal row = new SealedSkillSheetOriginal();
    KeyOwner owner = KeyOwner.freelancer(original.freelancerSubject());
    row.uploadId = original.uploadId();
    row.freelancerSubject = original.freelancerSubject();
    row.content = vault.seal(owner, contentPurpose(row.uploadId), original.content());
    row.sealedText = vault.sealText(owner, textPurpose(row.uploadId), original.text());
    row.sealed = true;
    return row;
  }

  SkillSheetOriginal opened(PersonalDataVault vault) {
    if (!sealed) {
      return new SkillSheetOriginal(uploadId, freelancerSubject, content, text);
    }
    KeyOwner owner = KeyOwner.freelancer(freelancerSubject);
    return new SkillSheetOriginal(
        uploadId,
        freelancerSubject,
        vault.open(owner, contentPurpose(uploadId), content),
        vault.openText(owner, textPurpose(uploadId), sealedText));
  }

  static String contentPurpose(UUID uploadId) {
    return "skill_sheet_original.content:" + uploadId;
  }

  static String textPurpose(UUID uploadId) {
    return "skill_sheet_original.text:" + uploadId;
  }
}
