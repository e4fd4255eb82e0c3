package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A freelancer's one portable profile. It belongs to the freelancer, not to a tenant: tenants read
 * it only while the freelancer shares with them. Versioned like availability, so an edit made on a
 * stale copy is refused instead of overwriting.
 *
 * @param subject the freelancer's Keycloak subject
 */
public record Profile(
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

  public static final int SKILL_LIMIT = 200;
  public static final int HISTORY_LIMIT = 100;

  public Profile {
    if (subject == null || subject.isBlank()) {
      throw new DomainException.InvalidValue("a profile needs its freelancer");
    }
    name = Texts.optional(name, "name", 100);
    title = Texts.optional(title, "title", 200);
    summary = Texts.optional(summary, "summary", 4000);
    skills = skills == null ? List.of() : distinctByName(skills);
    if (skills.size() > SKILL_LIMIT) {
      throw new DomainException.InvalidValue("at most " + SKILL_LIMIT + " skills");
    }
    workHistory = workHistory == null ? List.of() : List.copyOf(workHistory);
    if (workHistory.size() > HISTORY_LIMIT) {
      throw new DomainException.InvalidValue("at most " + HISTORY_LIMIT + " work history entries");
    }
    education = education == null ? List.of() : List.copyOf(education);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
    desired = desired == null ? DesiredConditions.OPEN : desired;
    links = links == null ? ProfileLinks.NONE : links;
  }

  /** A freelancer's profile before they wrote anything. */
  public static Profile empty(String subject) {
    return new Profile(subject, null, null, null, null, null, null, null, null, null, null, 0);
  }

  /**
   * The profile after the freelancer's edit, or a refusal when the edit was made on an older
   * version.
   */
  public Profile revise(Profile edited, long expectedVersion, Instant now) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "the profile is at version "
              + version
              + ", the edit was made against version "
              + expectedVersion);
    }
    return new Profile(
        subject,
        edited.name,
        edited.title,
        edited.summary,
        edited.skills,
        edited.workHistory,
        edited.education,
        edited.certifications,
        edited.desired,
        edited.links,
        now,
        version + 1);
  }

  // Two entries for one skill would make matching count it twice; the later one wins, as the
  // freelancer typed it last.
  private static List<Skill> distinctByName(List<Skill> skills) {
    Map<String, Skill> byName = new LinkedHashMap<>();
    for (Skill skill : skills) {
      byName.put(skill.name().toLowerCase(java.util.Locale.ROOT), skill);
    }
    return List.copyOf(byName.values());
  }
}
