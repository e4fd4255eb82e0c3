package io.proxima.profile.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Tenant staff opened a freelancer's profile: the freelancer may always see who looked.
 *
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

  public enum Kind {
    PROFILE,
    PDF,
    JSON
  }
}
