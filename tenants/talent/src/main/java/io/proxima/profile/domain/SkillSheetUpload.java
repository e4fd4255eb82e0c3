package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded skill sheet and what the parser made of it, waiting for the freelancer's review. It
 * is decided once: applied to the profile or discarded.
 *
 * @param sha256 of the uploaded bytes, so the same file uploaded again is recognised
 */
public record SkillSheetUpload(
    UUID id,
    String freelancerSubject,
    String fileName,
    String mediaType,
    int sizeBytes,
    String sha256,
    SkillSheetDraft draft,
    Status status,
    Instant uploadedAt,
    Instant decidedAt) {

  public enum Status {
    PENDING,
    APPLIED,
    DISCARDED
  }

  public static SkillSheetUpload pending(
      String freelancerSubject,
      String fileName,
      String mediaType,
      int sizeBytes,
      String sha256,
      SkillSheetDraft draft,
      Instant now) {
    return new SkillSheetUpload(
        UUID.randomUUID(),
        freelancerSubject,
        fileName,
        mediaType,
        sizeBytes,
        sha256,
        draft,
        Status.PENDING,
        now,
        null);
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

  public SkillSheetUpload applied(Instant now) {
    requirePending();
    return decided(Status.APPLIED, now);
  }

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
    return new SkillSheetUpload(
        id,
        freelancerSubject,
        fileName,
        mediaType,
        sizeBytes,
        sha256,
        draft,
        next,
        uploadedAt,
        now);
  }
}
