package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.SkillTaxonomy.Match;
import io.proxima.profile.domain.SkillTaxonomy.TaxonomyEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The skills a text names, as sheets write them: the taxonomy's matches, plus what only the way the
 * market writes a list gives.
 *
 * <ul>
 *   <li>A service named only inside brackets after its cloud or suite: "Azure（Data Factory、 Virtual
 *       Machines）", "Firebase（Authentication / Firestore）", "BIG-IP（LTM）" are Azure Data Factory,
 *       Azure Virtual Machines, Firebase Authentication, F5 BIG-IP LTM when the vocabulary knows
 *       the composed name.
 *   <li>A module after a slash that shares the first one's prefix: "SAP FI/CO" is SAP FI and SAP
 *       CO, "SAP SD／MM" SAP SD and SAP MM.
 *   <li>A 和暦 date abbreviation is no language: "R5.4～現在", "R 5.3", "H28.4" name no R; nor are a
 *       person's initials ("R.M").
 * </ul>
 */
final class SkillMentions {

  // "R5.4", "R 5.3", "H28.4", "R3年": 令和/平成/昭和 written with their initial.
  private static final Pattern ERA_INITIAL =
      Pattern.compile("(?<![A-Za-z])[RHS](?=\\s?\\d{1,2}\\s*(?:[./年]|\\s*[～〜~\\-–]))");

  // "R.M（ムラカミ）", "K. T.": a person's initials name no language.
  private static final Pattern INITIALS =
      Pattern.compile("(?<![A-Za-z.])[A-Z]\\.\\s?[A-Z]\\.?(?![A-Za-z])");

  private static final Pattern ITEM_SEPARATOR = Pattern.compile("[、,，/／・|｜;；+＋]");

  private SkillMentions() {}

  static List<Match> find(SkillTaxonomy taxonomy, String text) {
    String masked = blank(INITIALS, ERA_INITIAL.matcher(text).replaceAll(" "));
    List<Match> matches = new ArrayList<>(taxonomy.find(masked));
    List<Match> composed = new ArrayList<>();
    for (Match m : matches) {
      composed.addAll(bracketed(taxonomy, masked, m));
      composed.addAll(slashed(taxonomy, masked, m));
    }
    if (composed.isEmpty()) {
      return matches;
    }
    // A composed name replaces the bare item it was made of ("Databricks" inside "Azure（…）").
    matches.removeIf(m -> composed.stream().anyMatch(c -> overlaps(c, m)));
    for (Match c : composed) {
      if (matches.stream()
          .noneMatch(m -> overlaps(c, m) || sameSkill(c, m) && c.start() == m.start())) {
        matches.add(c);
      }
    }
    matches.sort(Comparator.comparingInt(Match::start));
    return matches;
  }

  // Each match blanked with as many spaces, so positions stay those of the text.
  private static String blank(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    do {
      for (int i = m.start(); i < m.end(); i++) {
        out.setCharAt(i, ' ');
      }
    } while (m.find());
    return out.toString();
  }

  /** Canonical names, in order of first mention. */
  static List<String> canonical(SkillTaxonomy taxonomy, String text) {
    return find(taxonomy, text).stream().map(Match::canonical).distinct().toList();
  }

  private static boolean overlaps(Match a, Match b) {
    return a.start() < b.end() && b.start() < a.end();
  }

  private static boolean sameSkill(Match a, Match b) {
    return a.canonical().equals(b.canonical());
  }

  // "Azure（Virtual Machines、Azure Monitor）": each item composed with the name before the bracket.
  private static List<Match> bracketed(SkillTaxonomy taxonomy, String text, Match parent) {
    int at = parent.end();
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
    if (at >= text.length() || (text.charAt(at) != '(' && text.charAt(at) != '（')) {
      return List.of();
    }
    int close = closing(text, at);
    if (close < 0) {
      return List.of();
    }
    List<Match> found = new ArrayList<>();
    int from = at + 1;
    Matcher sep = ITEM_SEPARATOR.matcher(text).region(at + 1, close);
    List<int[]> items = new ArrayList<>();
    while (sep.find()) {
      items.add(new int[] {from, sep.start()});
      from = sep.end();
    }
    items.add(new int[] {from, close});
    for (int[] item : items) {
      compose(taxonomy, text, parent, item[0], item[1]).ifPresent(found::add);
    }
    return found;
  }

  // "SAP FI/CO": the item after the slash with the first name's leading words.
  private static List<Match> slashed(SkillTaxonomy taxonomy, String text, Match first) {
    String surface = first.surface();
    int space = surface.lastIndexOf(' ');
    if (space <= 0) {
      return List.of();
    }
    String prefix = surface.substring(0, space);
    List<Match> found = new ArrayList<>();
    int at = first.end();
    while (at < text.length() && (text.charAt(at) == '/' || text.charAt(at) == '／')) {
      int end = at + 1;
      while (end < text.length() && isItemChar(text.charAt(end))) {
        end++;
      }
      if (end == at + 1) {
        break;
      }
      String item = text.substring(at + 1, end);
      Optional<TaxonomyEntry> entry = taxonomy.lookup(prefix + " " + item);
      if (entry.isEmpty()) {
        break;
      }
      found.add(new Match(entry.get(), item, at + 1, end));
      at = end;
    }
    return found;
  }

  private static boolean isItemChar(char c) {
    return Character.isLetterOrDigit(c) && c < 0x3000 || c == '-' || c == '.';
  }

  private static Optional<Match> compose(
      SkillTaxonomy taxonomy, String text, Match parent, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    String item = text.substring(from, to);
    if (item.isEmpty() || item.length() > 40) {
      return Optional.empty();
    }
    for (String prefix : prefixes(parent)) {
      if (item.regionMatches(true, 0, prefix + " ", 0, prefix.length() + 1)) {
        return Optional.empty(); // "Azure（Azure Monitor）" names it whole already
      }
      Optional<TaxonomyEntry> entry = taxonomy.lookup(prefix + " " + item);
      if (entry.isPresent() && !entry.get().canonical().equals(parent.canonical())) {
        return Optional.of(new Match(entry.get(), item, from, to));
      }
    }
    return Optional.empty();
  }

  // "GCP (Vertex AI)": the name as written, the canonical name, and the canonical's first word.
  private static Collection<String> prefixes(Match parent) {
    Set<String> prefixes = new java.util.LinkedHashSet<>();
    prefixes.add(parent.surface());
    prefixes.add(parent.canonical());
    String canonical = parent.canonical();
    int space = canonical.indexOf(' ');
    if (space > 0) {
      prefixes.add(canonical.substring(0, space));
    }
    String surface = parent.surface();
    space = surface.indexOf(' ');
    if (space > 0) {
      prefixes.add(surface.substring(0, space));
    }
    // Microsoft Azure's services are "Azure X", Google Cloud's often "Cloud X" or "Google X".
    prefixes.addAll(FAMILY.getOrDefault(canonical, List.of()));
    return prefixes;
  }

  private static final Map<String, List<String>> FAMILY =
      Map.of(
          "Microsoft Azure", List.of("Azure"),
          "Google Cloud", List.of("Google Cloud", "Cloud", "Google"),
          "F5 BIG-IP", List.of("BIG-IP"),
          "Palo Alto Networks", List.of("Palo Alto Networks"));

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if (c == ')' || c == '）') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
