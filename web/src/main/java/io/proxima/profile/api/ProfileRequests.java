package io.proxima.profile.api;

import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.DesiredConditions;
import io.proxima.profile.domain.DraftReview;
import io.proxima.profile.domain.DraftReview.FieldChoice;
import io.proxima.profile.domain.DraftReview.ItemChoice;
import io.proxima.profile.domain.Education;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileLinks;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.profile.domain.UploadPage;
import io.proxima.profile.domain.WorkHistoryEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the profile endpoints. */
public final class ProfileRequests {

  private ProfileRequests() {}

  /**
   * The whole editable profile, as the freelancer saves it.
   *
   * @param expectedVersion the version the edit was made on; a stale one is refused (409)
   */
  public record ProfileEdit(
      String name,
      String title,
      String summary,
      List<Skill> skills,
      List<WorkHistoryEntry> workHistory,
      List<Education> education,
      List<Certification> certifications,
      DesiredConditions desired,
      ProfileLinks links,
      long expectedVersion) {

    Profile toProfile(String subject) {
      return new Profile(
          subject,
          name,
          title,
          summary,
          skills,
          workHistory,
          education,
          certifications,
          desired,
          links,
          null,
          0);
    }
  }

  /**
   * A profile as the API answers it: the parts, the time of the last change and the version an edit
   * must name. The profile itself is an entity; this keeps the JSON it always had.
   */
  @Schema(name = "Profile")
  public record ProfileJson(
      String subject,
      String name,
      String title,
      String summary,
      List<Skill> skills,
      List<WorkHistoryEntry> workHistory,
      List<Education> education,
      List<Certification> certifications,
      DesiredConditions desired,
      ProfileLinks links,
      Instant updatedAt,
      long version) {

    static ProfileJson of(Profile profile) {
      return new ProfileJson(
          profile.subject(),
          profile.name(),
          profile.title(),
          profile.summary(),
          profile.skills(),
          profile.workHistory(),
          profile.education(),
          profile.certifications(),
          profile.desired(),
          profile.links(),
          profile.updatedAt(),
          profile.version());
    }
  }

  /** One chosen skill of a draft, optionally corrected. */
  public record SkillChoice(
      @PositiveOrZero(message = "index cannot be negative") int index, Skill edited) {}

  public record WorkChoice(
      @PositiveOrZero(message = "index cannot be negative") int index, WorkHistoryEntry edited) {}

  public record EducationChoice(
      @PositiveOrZero(message = "index cannot be negative") int index, Education edited) {}

  public record CertificationChoice(
      @PositiveOrZero(message = "index cannot be negative") int index, Certification edited) {}

  /**
   * The freelancer's review of a draft: what to take, what to correct; everything unnamed stays.
   *
   * @param addedSkills skills the draft does not hold, added in the review (typed in, or one of the
   *     draft's proposed names taken)
   */
  public record ReviewRequest(
      FieldChoice name,
      FieldChoice title,
      FieldChoice summary,
      List<@Valid SkillChoice> skills,
      List<@Valid WorkChoice> workHistory,
      List<@Valid EducationChoice> education,
      List<@Valid CertificationChoice> certifications,
      List<Skill> addedSkills,
      long expectedVersion) {

    DraftReview toReview() {
      return new DraftReview(
          name,
          title,
          summary,
          list(skills).stream().map(c -> new ItemChoice<>(c.index(), c.edited())).toList(),
          list(workHistory).stream().map(c -> new ItemChoice<>(c.index(), c.edited())).toList(),
          list(education).stream().map(c -> new ItemChoice<>(c.index(), c.edited())).toList(),
          list(certifications).stream().map(c -> new ItemChoice<>(c.index(), c.edited())).toList(),
          addedSkills);
    }

    private static <T> List<T> list(List<T> items) {
      return items == null ? List.of() : items;
    }
  }

  /**
   * An uploaded sheet with its draft and, beside each proposed field, what the profile holds now,
   * so the review shows both.
   */
  public record UploadView(
      UUID id,
      String fileName,
      String mediaType,
      int sizeBytes,
      String status,
      Instant uploadedAt,
      Instant decidedAt,
      io.proxima.profile.domain.SkillSheetDraft draft,
      Profile current) {

    static UploadView of(SkillSheetUpload upload, Profile current) {
      return new UploadView(
          upload.id(),
          upload.fileName(),
          upload.mediaType(),
          upload.sizeBytes(),
          upload.status().name(),
          upload.uploadedAt(),
          upload.decidedAt(),
          upload.draft(),
          current);
    }
  }

  /**
   * One page of the caller's uploads, newest first.
   *
   * @param page zero-based
   * @param total the caller's uploads on every page
   * @param pages how many pages of this size there are (at least one)
   */
  public record UploadHistory(List<UploadView> uploads, int page, int size, long total, int pages) {

    static UploadHistory of(UploadPage history) {
      return new UploadHistory(
          history.uploads().stream().map(upload -> UploadView.of(upload, null)).toList(),
          history.page(),
          history.size(),
          history.total(),
          history.pages());
    }
  }

  /** The text the reader took from an uploaded sheet, as the draft was parsed from it. */
  public record OriginalText(UUID id, String fileName, String mediaType, String text) {

    static OriginalText of(SkillSheetUpload upload, SkillSheetOriginal original) {
      return new OriginalText(upload.id(), upload.fileName(), upload.mediaType(), original.text());
    }
  }
}
