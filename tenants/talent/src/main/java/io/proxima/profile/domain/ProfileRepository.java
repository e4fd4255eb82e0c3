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

  void storeUpload(SkillSheetUpload upload);

  void recordView(ProfileView view);

  List<ProfileView> viewsOf(String freelancerSubject, int limit);
}
