package io.proxima.matching.domain;

import io.proxima.matching.domain.MatchedSkill.Evidence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a candidate shows about their skills, keyed by canonical skill, strongest first. */
final class SkillEvidence {

  private record Shown(BigDecimal years, String via, Evidence evidence) {}

  private final Map<String, Shown> byKey = new HashMap<>();
  private final String freeText;

  private SkillEvidence(String freeText) {
    this.freeText = freeText;
  }

  static SkillEvidence of(Candidate candidate, SkillVocabulary vocabulary) {
    String text = String.join(" ", nz(candidate.title()), nz(candidate.summary()));
    SkillEvidence evidence = new SkillEvidence(text);
    candidate
        .skillYears()
        .forEach(
            (name, years) -> {
              String skill = vocabulary.canonical(name);
              evidence.offer(skill, new Shown(years, null, Evidence.LISTED));
              for (String parent : vocabulary.parentsOf(skill)) {
                evidence.offer(parent, new Shown(years, skill, Evidence.IMPLIED));
              }
            });
    for (String skill : vocabulary.mentionedIn(text)) {
      evidence.offer(skill, new Shown(null, null, Evidence.MENTIONED));
      for (String parent : vocabulary.parentsOf(skill)) {
        evidence.offer(parent, new Shown(null, skill, Evidence.MENTIONED));
      }
    }
    return evidence;
  }

  /** The candidate's evidence for one need, or empty when they show none. */
  Optional<MatchedSkill> cover(String skill, boolean required, BigDecimal minYears) {
    Shown shown = byKey.get(SkillVocabulary.key(skill));
    if (shown == null && SkillVocabulary.namesUnknownSkill(freeText, skill)) {
      shown = new Shown(null, null, Evidence.MENTIONED);
    }
    if (shown == null) {
      return Optional.empty();
    }
    return Optional.of(
        new MatchedSkill(skill, required, shown.years(), minYears, shown.via(), shown.evidence()));
  }

  SkillFit fit(List<SkillNeed> required, List<SkillNeed> preferred, SkillVocabulary vocabulary) {
    List<MatchedSkill> matched = new ArrayList<>();
    List<String> missingRequired = new ArrayList<>();
    List<String> missingPreferred = new ArrayList<>();
    for (SkillNeed need : required) {
      String skill = vocabulary.canonical(need.skill());
      cover(skill, true, need.minYears())
          .ifPresentOrElse(matched::add, () -> missingRequired.add(skill));
    }
    for (SkillNeed need : preferred) {
      String skill = vocabulary.canonical(need.skill());
      cover(skill, false, need.minYears())
          .ifPresentOrElse(matched::add, () -> missingPreferred.add(skill));
    }
    return new SkillFit(matched, missingRequired, missingPreferred);
  }

  // A listed skill beats an implied one, which beats a mention; among equals the most years win.
  private void offer(String skill, Shown offered) {
    byKey.merge(
        SkillVocabulary.key(skill),
        offered,
        (held, next) -> {
          int order = held.evidence().compareTo(next.evidence());
          if (order != 0) {
            return order < 0 ? held : next;
          }
          return years(next).compareTo(years(held)) > 0 ? next : held;
        });
  }

  private static BigDecimal years(Shown shown) {
    return shown.years() == null ? BigDecimal.ZERO : shown.years();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
