package io.proxima.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Tenant staff opened a freelancer's profile: the freelancer may always see who looked. The
 * freelancer's own copies taken away (the export of all their data, a skill sheet's original) are
 * on the same list, without a tenant, so a copy taken by someone else with their session shows too.
 *
 * @param tenantId null for the freelancer's own copies
 * @param tenantName filled when read back, for the freelancer's list
 * @param viewerName the staff member's display name, filled when read back
 */
public record ProfileView(
    String freelancerSubject,
    UUID tenantId,
    String tenantName,
    String viewerSubject,
    String viewerName,
    Kind what,
    Instant viewedAt) {

  /** A look by the staff member {@code viewerSubject} of {@code tenantId}, as it is recorded. */
  public static ProfileView byStaff(
      String freelancerSubject, UUID tenantId, String viewerSubject, Kind what, Instant at) {
    return new ProfileView(freelancerSubject, tenantId, null, viewerSubject, null, what, at);
  }

  public enum Kind {
    PROFILE,
    PDF,
    JSON,
    /** The freelancer's export of everything the platform holds about them. */
    EXPORT,
    /** The freelancer downloaded the original file of one of their uploaded skill sheets. */
    SHEET_ORIGINAL,
    /** A paying tenant's staff read the freelancer's payout account (V74). */
    PAYOUT_ACCOUNT;

    /** Kinds only the freelancer records, about themselves and without a tenant. */
    public boolean own() {
      return this == EXPORT || this == SHEET_ORIGINAL;
    }
  }
}
