package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillSheetParser;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a draft profile out of a skill sheet's text with patterns and the skills taxonomy; no
 * model, so its output is explainable and the same sheet always gives the same draft. What it
 * cannot place goes to the draft's notes for the freelancer to review.
 */
@ApplicationScoped
public class RuleBasedSkillSheetParser implements SkillSheetParser {

  private static final int NOTES_LIMIT = 100;

  private final SkillTaxonomy taxonomy;

  public RuleBasedSkillSheetParser() {
    this(SkillTaxonomy.standard());
  }

  public RuleBasedSkillSheetParser(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public SkillSheetDraft parse(String text) {
    if (text == null || text.isBlank()) {
      return new SkillSheetDraft(null, null, null, null, null, null, null, null, List.of());
    }
    List<Line> lines = SheetLines.of(text);
    Set<Integer> used = new HashSet<>();
    ProfileFieldReader.Fields fields = new ProfileFieldReader().read(lines, used);
    List<WorkHistoryEntry> history = new WorkHistoryReader(taxonomy).read(lines, used);
    var certifications = new CertificationReader().read(lines, used);
    var education = new EducationReader().read(lines, used);
    Map<String, Skill> skills = new LinkedHashMap<>(new SkillTableReader(taxonomy).read(lines));
    // A technology used on an engagement is a skill even when the skill table forgot it.
    for (WorkHistoryEntry entry : history) {
      for (String tech : entry.technologies()) {
        skills.putIfAbsent(tech, new Skill(tech, taxonomy.categoryOf(tech), null, null));
      }
    }
    Set<String> explained = explainedPlatforms(skills.keySet());
    if (!explained.isEmpty()) {
      skills.keySet().removeAll(explained);
      history = history.stream().map(e -> withoutTechnologies(e, explained)).toList();
    }
    for (Line line : lines) {
      if (!line.blank() && !line.heading() && taxonomy.find(line.text()).size() > 0) {
        used.add(line.index()); // read by the skill table
      }
    }
    List<String> notes = new ArrayList<>();
    // A profile holds at most HISTORY_LIMIT engagements; the draft must be applicable as it is.
    if (history.size() > Profile.HISTORY_LIMIT) {
      notes.add(
          "The sheet lists "
              + history.size()
              + " engagements; only the first "
              + Profile.HISTORY_LIMIT
              + " were read.");
      history = history.subList(0, Profile.HISTORY_LIMIT);
    }
    for (Line line : lines) {
      if (!used.contains(line.index())
          && !line.blank()
          && !line.heading()
          && notes.size() < NOTES_LIMIT) {
        notes.add(line.text().replace('\t', ' ').strip());
      }
    }
    List<String> proposed = new ProposedSkills(taxonomy).read(lines, skills.keySet());
    List<Skill> skillList = new ArrayList<>(skills.values());
    if (skillList.size() > Profile.SKILL_LIMIT) {
      skillList = skillList.subList(0, Profile.SKILL_LIMIT);
    }
    return new SkillSheetDraft(
        fields.name(),
        fields.title(),
        fields.summary(),
        skillList,
        history,
        education,
        certifications,
        notes,
        proposed);
  }

  /**
   * The mobile platforms a cross-platform sheet builds for: beside Flutter or React Native,
   * "健康管理アプリ（iOS/Android）" says where the app ran, not a skill of its own. A native engineer's
   * "Android: Jetpack Compose, Hilt" or a tester's "Android実機" keeps the platform.
   */
  static Set<String> explainedPlatforms(Set<String> skills) {
    Set<String> explained = new HashSet<>();
    if (CROSS_PLATFORM.stream().anyMatch(skills::contains)) {
      for (String platform : List.of("iOS", "Android")) {
        if (skills.contains(platform)) {
          explained.add(platform);
        }
      }
    }
    return explained;
  }

  private static final List<String> CROSS_PLATFORM =
      List.of("Flutter", "React Native", "Xamarin", ".NET MAUI", "Ionic", "Kotlin Multiplatform");

  private static WorkHistoryEntry withoutTechnologies(WorkHistoryEntry e, Set<String> drop) {
    if (e.technologies().stream().noneMatch(drop::contains)) {
      return e;
    }
    return new WorkHistoryEntry(
        e.company(),
        e.via(),
        e.project(),
        e.period(),
        e.role(),
        e.teamSize(),
        e.phases(),
        e.technologies().stream().filter(t -> !drop.contains(t)).toList(),
        e.description());
  }
}
