package io.proxima.profile.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Profiles, skill-sheet uploads and profile views. Row-level security decides what the current
 * caller sees: their own, or, for tenant staff, profiles shared with the tenant.
 */
public interface ProfileRepository {

  Optional<Profile> find(String freelancerSubject);

  /**
   * Stores {@code profile} if the stored one is still at the version before it.
   *
   * @return false when another writer got there first
   */
  boolean store(Profile profile);

  Optional<SkillSheetUpload> findUpload(UUID id);

  List<SkillSheetUpload> uploadsOf(String freelancerSubject, int limit);

  /** One page of the freelancer's uploads, newest first, and how many there are in all. */
  UploadPage uploadsOf(String freelancerSubject, int page, int size);

  /** Stores a new upload together with its original file, or neither. */
  void storeUpload(SkillSheetUpload upload, SkillSheetOriginal original);

  void storeUpload(SkillSheetUpload upload);

  Optional<SkillSheetOriginal> findOriginal(UUID uploadId);

  /** Deletes the upload, its draft and its original file for good. */
  void deleteUpload(SkillSheetUpload upload);

  void recordView(ProfileView view);

  /** Records a copy the freelancer took of their own data ({@link ProfileView.Kind#own()}). */
  void recordOwnCopy(String freelancerSubject, ProfileView.Kind what, java.time.Instant at);

  List<ProfileView> viewsOf(String freelancerSubject, int limit);
}
