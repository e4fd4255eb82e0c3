package io.proxima.matching.domain;

import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.SkillTaxonomy.TaxonomyEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The skills taxonomy as matching needs it: one canonical name per way of writing a skill, and
 * every skill a listed skill stands for (its parents, transitively).
 *
 * <p>A name the taxonomy does not know ("PMO") is still a skill: it keeps its NFKC form and matches
 * the same name on a profile or in its text.
 */
final class SkillVocabulary {

  private static final String IMPLIED = "/matching/implied-skills.tsv";

  private final SkillTaxonomy taxonomy;
  // Lower-cased canonical name to the canonical names it implies directly.
  private final Map<String, List<String>> implied;

  private SkillVocabulary(SkillTaxonomy taxonomy, Map<String, List<String>> implied) {
    this.taxonomy = taxonomy;
    this.implied = implied;
  }

  static SkillVocabulary of(SkillTaxonomy taxonomy) {
    Map<String, List<String>> implied = new HashMap<>();
    for (TaxonomyEntry entry : taxonomy.entries()) {
      implied.put(key(entry.canonical()), new ArrayList<>(entry.implies()));
    }
    readMatchingRelations(taxonomy, implied);
    return new SkillVocabulary(taxonomy, implied);
  }

  /** The canonical name of a skill however it is written ("ＪＡＶＡ", "postgres"). */
  String canonical(String term) {
    return taxonomy
        .lookup(term)
        .map(TaxonomyEntry::canonical)
        .orElseGet(() -> SkillTaxonomy.normalize(term).strip().replaceAll("\\s+", " "));
  }

  /** Every skill that having {@code canonical} also counts as, nearest first, itself excluded. */
  Set<String> parentsOf(String canonical) {
    Set<String> parents = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(implied.getOrDefault(key(canonical), List.of()));
    while (!todo.isEmpty()) {
      String parent = todo.removeFirst();
      if (!parent.equalsIgnoreCase(canonical) && parents.add(parent)) {
        todo.addAll(implied.getOrDefault(key(parent), List.of()));
      }
    }
    return parents;
  }

  /**
   * The skills that count as any of {@code wanted}: the skills themselves and every known skill
   * that implies one of them (Spring Boot for Java). A pool preselected on these names misses no
   * one the matcher would credit with a listed or implied skill.
   */
  Set<String> standingFor(Collection<String> wanted) {
    Set<String> keys = new HashSet<>();
    Set<String> names = new LinkedHashSet<>();
    for (String skill : wanted) {
      String canonical = canonical(skill);
      keys.add(key(canonical));
      names.add(canonical);
    }
    for (TaxonomyEntry entry : taxonomy.entries()) {
      if (parentsOf(entry.canonical()).stream().anyMatch(parent -> keys.contains(key(parent)))) {
        names.add(entry.canonical());
      }
    }
    return names;
  }

  /** The listed skills and every skill they count as (Java for Spring Boot). */
  Set<String> withParents(Collection<String> listed) {
    Set<String> names = new LinkedHashSet<>();
    for (String skill : listed) {
      String canonical = canonical(skill);
      names.add(canonical);
      names.addAll(parentsOf(canonical));
    }
    return names;
  }

  /** The canonical skills mentioned anywhere in a free text (title, summary). */
  Set<String> mentionedIn(String text) {
    Set<String> found = new LinkedHashSet<>();
    taxonomy.find(text).forEach(m -> found.add(m.canonical()));
    return found;
  }

  /** Whether a text names a skill the taxonomy does not know, as a whole word. */
  static boolean namesUnknownSkill(String text, String skill) {
    if (text == null || skill.isEmpty()) {
      return false;
    }
    String haystack = key(SkillTaxonomy.normalize(text));
    String needle = key(skill);
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      int end = i + needle.length();
      boolean before = i == 0 || !isLatin(haystack.charAt(i - 1));
      boolean after = end == haystack.length() || !isLatin(haystack.charAt(end));
      if (before && after) {
        return true;
      }
    }
    return false;
  }

  static String key(String canonical) {
    return canonical.toLowerCase(Locale.ROOT);
  }

  private static boolean isLatin(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static void readMatchingRelations(
      SkillTaxonomy taxonomy, Map<String, List<String>> implied) {
    try (InputStream in = SkillVocabulary.class.getResourceAsStream(IMPLIED)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + IMPLIED);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        String child = known(taxonomy, cols[0]);
        List<String> parents = implied.computeIfAbsent(key(child), k -> new ArrayList<>());
        for (String parent : cols[1].split("\\|")) {
          parents.add(known(taxonomy, parent));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A typo in the relations file would silently match nothing; fail at start-up instead.
  private static String known(SkillTaxonomy taxonomy, String name) {
    return taxonomy
        .lookup(name.strip())
        .filter(e -> e.canonical().equals(name.strip()))
        .map(TaxonomyEntry::canonical)
        .orElseThrow(() -> new IllegalStateException(IMPLIED + " names an unknown skill: " + name));
  }
}
