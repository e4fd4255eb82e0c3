package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The freelancer's decision on each field of a skill-sheet draft. Whatever the review does not name
 * stays as it is on the profile: a draft never overwrites anything silently.
 *
 * @param name KEEP (or null) leaves the profile's name; ACCEPT takes the draft's; EDIT takes the
 *     given value
 * @param skills the draft's skills to take, by index, each optionally edited; a skill the profile
 *     already has is replaced by the chosen one, others are added
 * @param workHistory entries to add, by index, each optionally edited; an entry equal in period and
 *     company to one on the profile replaces it
 * @param addedSkills skills the draft does not hold that the freelancer adds in the review (typed
 *     in, or one of the draft's proposed names taken); merged like the chosen ones
 */
public record DraftReview(
    FieldChoice name,
    FieldChoice title,
    FieldChoice summary,
    List<ItemChoice<Skill>> skills,
    List<ItemChoice<WorkHistoryEntry>> workHistory,
    List<ItemChoice<Education>> education,
    List<ItemChoice<Certification>> certifications,
    List<Skill> addedSkills) {

  /** More than any sheet names; a review adding more is not a person's. */
  public static final int ADDED_SKILLS_LIMIT = 200;

  public enum Decision {
    KEEP,
    ACCEPT,
    EDIT
  }

  /** A decision on one text field; {@code value} only with EDIT. */
  public record FieldChoice(Decision decision, String value) {
    public static final FieldChoice KEEP = new FieldChoice(Decision.KEEP, null);

    public FieldChoice {
      decision = decision == null ? Decision.KEEP : decision;
      if (decision != Decision.EDIT && value != null) {
        throw new DomainException.InvalidValue("a value is only taken with decision EDIT");
      }
    }
  }

  /**
   * One item of a draft list to take.
   *
   * @param edited the freelancer's corrected version of the item; null takes it as drafted
   */
  public record ItemChoice<T>(int index, T edited) {}

  public DraftReview {
    name = name == null ? FieldChoice.KEEP : name;
    title = title == null ? FieldChoice.KEEP : title;
    summary = summary == null ? FieldChoice.KEEP : summary;
    skills = skills == null ? List.of() : List.copyOf(skills);
    workHistory = workHistory == null ? List.of() : List.copyOf(workHistory);
    education = education == null ? List.of() : List.copyOf(education);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
    addedSkills =
        addedSkills == null
            ? List.of()
            : addedSkills.stream().filter(java.util.Objects::nonNull).toList();
    if (addedSkills.size() > ADDED_SKILLS_LIMIT) {
      throw new DomainException.InvalidValue(
          "addedSkills", "a review adds at most " + ADDED_SKILLS_LIMIT + " skills");
    }
  }

  /** A review that adds no skill of its own: only the draft's items, by index. */
  public DraftReview(
      FieldChoice name,
      FieldChoice title,
      FieldChoice summary,
      List<ItemChoice<Skill>> skills,
      List<ItemChoice<WorkHistoryEntry>> workHistory,
      List<ItemChoice<Education>> education,
      List<ItemChoice<Certification>> certifications) {
    this(name, title, summary, skills, workHistory, education, certifications, List.of());
  }

  /** The profile with the chosen parts of {@code draft}, one version later. */
  public Profile applyTo(Profile profile, SkillSheetDraft draft, Instant now) {
    Profile merged =
        new Profile(
            profile.subject(),
            choose("name", name, profile.name(), draft.name()),
            choose("title", title, profile.title(), draft.title()),
            choose("summary", summary, profile.summary(), draft.summary()),
            mergeSkills(profile.skills(), chosenSkills(draft)),
            mergeHistory(
                profile.workHistory(), picked("workHistory", workHistory, draft.workHistory())),
            appendNew(profile.education(), picked("education", education, draft.education())),
            appendNew(
                profile.certifications(),
                picked("certifications", certifications, draft.certifications())),
            profile.desired(),
            profile.links(),
            profile.updatedAt(),
            profile.version());
    return profile.revise(merged, profile.version(), now);
  }

  private static String choose(String field, FieldChoice choice, String current, String drafted) {
    switch (choice.decision()) {
      case ACCEPT:
        if (drafted == null) {
          throw new DomainException.InvalidValue("the draft has no " + field + " to accept");
        }
        return drafted;
      case EDIT:
        return choice.value();
      default:
        return current;
    }
  }

  private static <T> List<T> picked(String field, List<ItemChoice<T>> choices, List<T> drafted) {
    List<T> taken = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int position = 0; position < choices.size(); position++) {
      ItemChoice<T> choice = choices.get(position);
      String member = field + "[" + position + "].index";
      if (choice.index() < 0 || choice.index() >= drafted.size()) {
        throw new DomainException.InvalidValue(
            member,
            field + " has no draft item " + choice.index() + " (0.." + (drafted.size() - 1) + ")");
      }
      if (!seen.add(choice.index())) {
        throw new DomainException.InvalidValue(
            member, field + " item " + choice.index() + " is chosen twice");
      }
      taken.add(choice.edited() == null ? drafted.get(choice.index()) : choice.edited());
    }
    return taken;
  }

  // A name twice in one review is a slip in the form (a draft skill ticked and typed again): which
  // years and level were meant is not ours to guess.
  private List<Skill> chosenSkills(SkillSheetDraft draft) {
    List<Skill> chosen = new ArrayList<>(picked("skills", skills, draft.skills()));
    chosen.addAll(addedSkills);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Skill skill : chosen) {
      if (!names.add(skill.name().toLowerCase(Locale.ROOT))) {
        throw new DomainException.InvalidValue(
            "addedSkills", skill.name() + " is chosen twice in this review");
      }
    }
    return chosen;
  }

  private static List<Skill> mergeSkills(List<Skill> current, List<Skill> chosen) {
    Map<String, Skill> byName = new LinkedHashMap<>();
    for (Skill skill : current) {
      byName.put(skill.name().toLowerCase(Locale.ROOT), skill);
    }
    for (Skill skill : chosen) {
      byName.put(skill.name().toLowerCase(Locale.ROOT), skill);
    }
    return List.copyOf(byName.values());
  }

  // The same engagement uploaded twice (a newer sheet) replaces its older entry instead of
  // appearing twice; the history stays newest first as skill sheets list it.
  private static List<WorkHistoryEntry> mergeHistory(
      List<WorkHistoryEntry> current, List<WorkHistoryEntry> chosen) {
    Map<String, WorkHistoryEntry> byKey = new LinkedHashMap<>();
    for (WorkHistoryEntry entry : current) {
      byKey.put(key(entry), entry);
    }
    for (WorkHistoryEntry entry : chosen) {
      byKey.put(key(entry), entry);
    }
    List<WorkHistoryEntry> merged = new ArrayList<>(byKey.values());
    merged.sort(
        java.util.Comparator.comparing((WorkHistoryEntry e) -> e.period().from()).reversed());
    return merged;
  }

  private static String key(WorkHistoryEntry entry) {
    String company = entry.company() == null ? "" : entry.company().toLowerCase(Locale.ROOT);
    return entry.period().from() + "|" + company;
  }

  private static <T> List<T> appendNew(List<T> current, List<T> chosen) {
    List<T> merged = new ArrayList<>(current);
    for (T item : chosen) {
      if (!merged.contains(item)) {
        merged.add(item);
      }
    }
    return merged;
  }
}
