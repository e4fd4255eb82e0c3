package io.proxima.profile.domain;

import java.util.List;

/**
 * What a parser read out of an uploaded skill sheet: a proposal the freelancer reviews field by
 * field, never applied to the profile on its own. Any field may be empty when the sheet did not
 * say.
 *
 * @param notes what the parser could not place, in the freelancer's words where possible, so the
 *     review can show it
 * @param proposedSkills names on the sheet that look like technologies the vocabulary does not
 *     know; the review offers them unticked instead of dropping them into the notes
 */
public record SkillSheetDraft(
    String name,
    String title,
    String summary,
    List<Skill> skills,
    List<WorkHistoryEntry> workHistory,
    List<Education> education,
    List<Certification> certifications,
    List<String> notes,
    List<String> proposedSkills) {

  public SkillSheetDraft {
    skills = skills == null ? List.of() : List.copyOf(skills);
    workHistory = workHistory == null ? List.of() : List.copyOf(workHistory);
    education = education == null ? List.of() : List.copyOf(education);
    certifications = certifications == null ? List.of() : List.copyOf(certifications);
    notes = notes == null ? List.of() : List.copyOf(notes);
    proposedSkills = proposedSkills == null ? List.of() : List.copyOf(proposedSkills);
  }
}
