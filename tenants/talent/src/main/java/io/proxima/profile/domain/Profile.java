package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A freelancer's one portable profile. It belongs to the freelancer, not to a tenant (no tenant
 * id): tenants read it only while the freelancer shares with them, which row-level security
 * decides. Versioned like availability, so an edit made on a stale copy is refused instead of
 * overwriting.
 *
 * <p>Stored as the portable document itself (JSON Resume plus Proxima's block, see {@link
 * PortableProfile}), so the export format and the stored format cannot drift apart; the columns
 * beside it are what search and lists read without parsing it. Only the infrastructure knows the
 * document's format: it writes it with {@link #document(String, String)} and reads it back into the
 * profile's parts with {@link #readFrom}.
 */
@Entity
@Table(name = "freelancer_profile")
public class Profile {

  public static final int SKILL_LIMIT = 200;
  public static final int HISTORY_LIMIT = 100;

  /** The freelancer's Keycloak subject. */
  @Id
  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String subject;

  @Column(name = "name")
  private String name;

  @Column(name = "title")
  private String title;

  @Transient private String summary;
  @Transient private List<Skill> skills = List.of();
  @Transient private List<WorkHistoryEntry> workHistory = List.of();
  @Transient private List<Education> education = List.of();
  @Transient private List<Certification> certifications = List.of();
  @Transient private DesiredConditions desired = DesiredConditions.OPEN;
  @Transient private ProfileLinks links = ProfileLinks.NONE;

  /** The portable document: everything above, in the format a freelancer exports. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "document", nullable = false)
  private String document;

  /** The skills' names, for the candidate cards and skill filters. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "skill_names", nullable = false)
  private List<String> skillNames = List.of();

  /** Everything a recruiter would type to find the profile, as search tokens. */
  @Column(name = "search_tokens", nullable = false)
  private String searchTokens = "";

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Profile() {
    // for JPA
  }

  public Profile(
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
    if (subject == null || subject.isBlank()) {
      throw new DomainException.InvalidValue("a profile needs its freelancer");
    }
    this.subject = subject;
    this.updatedAt = updatedAt;
    this.version = version;
    setParts(name, title, summary, skills, workHistory, education, certifications, desired, links);
  }

  /** A freelancer's profile before they wrote anything. */
  public static Profile empty(String subject) {
    return new Profile(subject, null, null, null, null, null, null, null, null, null, null, 0);
  }

  /**
   * The profile after the freelancer's edit, or a refusal when the edit was made on an older
   * version. This profile stays as it was: the repository stores the revision only if nobody else
   * stored one first.
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

  /**
   * Takes over {@code revision}'s parts and time, when it is the next version of this profile; its
   * version is then counted by the store.
   */
  public void takeOver(Profile revision) {
    if (!subject.equals(revision.subject) || revision.version != version + 1) {
      throw new DomainException.Conflict(
          "the profile is at version "
              + version
              + ", the revision follows version "
              + (revision.version - 1));
    }
    setParts(
        revision.name,
        revision.title,
        revision.summary,
        revision.skills,
        revision.workHistory,
        revision.education,
        revision.certifications,
        revision.desired,
        revision.links);
    updatedAt = revision.updatedAt;
  }

  /** The stored form: the portable document written from this profile, and its search tokens. */
  public void document(String portableJson, String searchTokens) {
    this.document = Objects.requireNonNull(portableJson);
    this.searchTokens = searchTokens == null ? "" : searchTokens;
    this.skillNames = skills.stream().map(Skill::name).toList();
  }

  /** The parts read back from the stored document. */
  public void readFrom(Profile stored) {
    setParts(
        stored.name,
        stored.title,
        stored.summary,
        stored.skills,
        stored.workHistory,
        stored.education,
        stored.certifications,
        stored.desired,
        stored.links);
  }

  private void setParts(
      String name,
      String title,
      String summary,
      List<Skill> skills,
      List<WorkHistoryEntry> workHistory,
      List<Education> education,
      List<Certification> certifications,
      DesiredConditions desired,
      ProfileLinks links) {
    this.name = Texts.optional(name, "name", 100);
    this.title = Texts.optional(title, "title", 200);
    this.summary = Texts.optional(summary, "summary", 4000);
    this.skills = skills == null ? List.of() : distinctByName(skills);
    if (this.skills.size() > SKILL_LIMIT) {
      throw new DomainException.InvalidValue("at most " + SKILL_LIMIT + " skills");
    }
    this.workHistory = workHistory == null ? List.of() : List.copyOf(workHistory);
    if (this.workHistory.size() > HISTORY_LIMIT) {
      throw new DomainException.InvalidValue("at most " + HISTORY_LIMIT + " work history entries");
    }
    this.education = education == null ? List.of() : List.copyOf(education);
    this.certifications = certifications == null ? List.of() : List.copyOf(certifications);
    this.desired = desired == null ? DesiredConditions.OPEN : desired;
    this.links = links == null ? ProfileLinks.NONE : links;
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

  public String subject() {
    return subject;
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public List<Skill> skills() {
    return skills;
  }

  public List<WorkHistoryEntry> workHistory() {
    return workHistory;
  }

  public List<Education> education() {
    return education;
  }

  public List<Certification> certifications() {
    return certifications;
  }

  public DesiredConditions desired() {
    return desired;
  }

  public ProfileLinks links() {
    return links;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** The stored document; null for a profile that was never stored. */
  public String document() {
    return document;
  }

  public List<String> skillNames() {
    return skillNames;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Profile profile && Objects.equals(subject, profile.subject);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(subject);
  }

  @Override
  public String toString() {
    return "Profile[" + subject + " v" + version + "]";
  }
}
