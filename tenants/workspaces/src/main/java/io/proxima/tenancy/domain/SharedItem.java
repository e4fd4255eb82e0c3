package io.proxima.tenancy.domain;

import java.util.List;

/**
 * What a tenant can read or do about a freelancer while the freelancer shares with it. The list is
 * taken from the code that reads through an active consent: the row-level security policies of
 * {@code freelancer_profile} and {@code freelancer_availability}, the staff's list of sharing
 * freelancers ({@code GET /v1/freelancers}, name and e-mail), the shared profile, its PDF and JSON
 * Resume ({@code /v1/freelancers/{id}/…}), the availability board and presence, the chat, scouts,
 * the candidate search and matching, and contract drafts (which all check the consent first).
 * Uploaded skill-sheet files are not on it: a tenant never reads them.
 *
 * <p>Each consent keeps the items it was given for, so a later change to this list never rewrites
 * what a person agreed to.
 */
public enum SharedItem {
  /** Name, title, summary, skills, work history, education, certifications, conditions, links. */
  PROFILE,
  /** The skill sheet made from the profile: the printable PDF and the JSON Resume document. */
  SKILL_SHEET,
  /** The account's e-mail address, on the staff's list of freelancers who share. */
  EMAIL,
  /** Availability, live on the tenant's board, with whether the person is online. */
  AVAILABILITY,
  /** Messages with the tenant's staff. */
  MESSAGES,
  /** Scouts, being a candidate in the tenant's search and matching, contract proposals. */
  CANDIDACY;

  /** What a consent given today shares, in the order the portal lists it. */
  public static final List<SharedItem> WHAT_A_TENANT_SEES = List.of(values());
}
