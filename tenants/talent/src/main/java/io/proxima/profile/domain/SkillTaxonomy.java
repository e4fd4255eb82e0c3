package io.proxima.profile.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical skill names and the many ways sheets spell them ("Postgres", "ポスグレ", "ＪａｖａＳｃｒｉｐｔ").
 * Search and matching compare canonical names only, so every skill that enters a profile passes
 * through here.
 *
 * <p>Matching is token-aware: "Go" is not found in "Google" or "MongoDB", "Java" not in
 * "JavaScript", and the one-letter languages "C" and "R" only as standalone tokens, never in "C社".
 */
public final class SkillTaxonomy {

  /** The taxonomy shipped with Proxima ({@code profile/skills.tsv}). */
  public static SkillTaxonomy standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final SkillTaxonomy STANDARD = load("/profile/skills.tsv");
  }

  /**
   * One canonical skill.
   *
   * @param implies the canonical skills a mention of this one also means ("AWS Lambda" → "AWS")
   */
  public record TaxonomyEntry(
      String canonical, SkillCategory category, List<String> aliases, List<String> implies) {
    public TaxonomyEntry {
      aliases = List.copyOf(aliases);
      implies = List.copyOf(implies);
    }
  }

  /**
   * One skill mentioned in a text. Positions index the text as {@link #normalize(String)} returns
   * it; an implied skill carries the position of the mention that implied it.
   */
  public record Match(TaxonomyEntry entry, String surface, int start, int end) {
    public String canonical() {
      return entry.canonical();
    }
  }

  /**
   * @param strict matched by exact case and only as a standalone token ("!Go")
   * @param exactCase matched by exact case, with the usual token boundaries ("=iOS")
   */
  private record Alias(String text, boolean strict, boolean exactCase, TaxonomyEntry entry) {}

  private final Map<String, TaxonomyEntry> byCanonical;
  private final Map<String, TaxonomyEntry> byAlias;
  // Aliases by their first (lower-cased) character, longest first so the longest mention wins.
  private final Map<Character, List<Alias>> byFirstChar;

  private SkillTaxonomy(List<TaxonomyEntry> entries, List<Alias> aliases) {
    Map<String, TaxonomyEntry> canonical = new LinkedHashMap<>();
    for (TaxonomyEntry e : entries) {
      canonical.put(key(e.canonical()), e);
    }
    this.byCanonical = canonical;
    Map<String, TaxonomyEntry> alias = new HashMap<>();
    Map<Character, List<Alias>> first = new HashMap<>();
    for (Alias a : aliases) {
      alias.putIfAbsent(key(a.text()), a.entry());
      first
          .computeIfAbsent(Character.toLowerCase(a.text().charAt(0)), c -> new ArrayList<>())
          .add(a);
    }
    first
        .values()
        .forEach(l -> l.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed()));
    this.byAlias = alias;
    this.byFirstChar = first;
  }

  /** Reads a taxonomy in the {@code skills.tsv} format from the class path. */
  public static SkillTaxonomy load(String resource) {
    try (InputStream in = SkillTaxonomy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("skills taxonomy not on the class path: " + resource);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SkillTaxonomy parse(BufferedReader reader) throws IOException {
    List<TaxonomyEntry> entries = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String canonical = cols[0].strip();
      SkillCategory category = SkillCategory.valueOf(cols[1].strip());
      List<String> rawAliases = cols.length > 2 ? split(cols[2]) : List.of();
      List<String> implies = cols.length > 3 ? split(cols[3]) : List.of();
      List<String> plain =
          rawAliases.stream().map(a -> a.startsWith("!") ? a.substring(1) : a).toList();
      TaxonomyEntry entry = new TaxonomyEntry(canonical, category, plain, implies);
      entries.add(entry);
      boolean canonicalIsMarked =
          rawAliases.contains("!" + canonical) || rawAliases.contains("=" + canonical);
      if (!canonicalIsMarked) {
        aliases.add(new Alias(normalizeAlias(canonical, false), false, false, entry));
      }
      for (String raw : rawAliases) {
        boolean strict = raw.startsWith("!");
        boolean exactCase = strict || raw.startsWith("=");
        String text = marked(raw) ? raw.substring(1) : raw;
        aliases.add(new Alias(normalizeAlias(text, exactCase), strict, exactCase, entry));
      }
    }
    SkillTaxonomy taxonomy = new SkillTaxonomy(entries, aliases);
    for (TaxonomyEntry e : entries) {
      for (String parent : e.implies()) {
        if (!taxonomy.byCanonical.containsKey(key(parent))) {
          throw new IllegalStateException(e.canonical() + " implies unknown skill " + parent);
        }
      }
    }
    return taxonomy;
  }

  private static boolean marked(String alias) {
    return alias.startsWith("!") || alias.startsWith("=");
  }

  private static List<String> split(String column) {
    return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String normalizeAlias(String alias, boolean strict) {
    String n = Normalizer.normalize(alias, Normalizer.Form.NFKC);
    return strict ? n : lower(n);
  }

  /**
   * NFKC (full-width letters and digits become ASCII, half-width katakana full-width) without
   * changing the length any further, so positions in matches index this form.
   */
  public static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  // Character by character so the lower-cased text keeps the positions of the normalised one.
  private static String lower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  private static String key(String text) {
    return lower(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()).replaceAll("\\s+", " ");
  }

  /** All canonical skills, in taxonomy order. */
  public List<TaxonomyEntry> entries() {
    return List.copyOf(byCanonical.values());
  }

  /** The skill a whole term names, by canonical name or alias. */
  public Optional<TaxonomyEntry> lookup(String term) {
    if (term == null || term.isBlank()) {
      return Optional.empty();
    }
    String k = key(term);
    TaxonomyEntry canonical = byCanonical.get(k);
    if (canonical != null && !canonical.aliases().contains(canonical.canonical())) {
      return Optional.of(canonical);
    }
    // A strict alias is matched by its exact case only: "go" is not the language.
    List<Match> matches = find(term.strip());
    if (!matches.isEmpty()) {
      Match m = matches.get(0);
      if (m.start() == 0 && m.end() == normalize(term.strip()).length()) {
        return Optional.of(m.entry());
      }
    }
    return Optional.empty();
  }

  /**
   * The category of a canonical skill; {@link SkillCategory#OTHER} for names not in the taxonomy.
   */
  public SkillCategory categoryOf(String canonical) {
    TaxonomyEntry entry = canonical == null ? null : byCanonical.get(key(canonical));
    return entry == null ? SkillCategory.OTHER : entry.category();
  }

  /** Every skill mentioned in the text, in order, each implied skill right after its mention. */
  public List<Match> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String exact = normalize(text);
    String lowered = lower(exact);
    List<Match> found = new ArrayList<>();
    int i = 0;
    while (i < exact.length()) {
      List<Alias> candidates = byFirstChar.get(lowered.charAt(i));
      Alias hit = null;
      if (candidates != null) {
        for (Alias a : candidates) {
          String haystack = a.exactCase() ? exact : lowered;
          if (haystack.startsWith(a.text(), i) && boundaryOk(exact, i, a)) {
            hit = a;
            break;
          }
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      int end = i + hit.text().length();
      if (!hit.strict()) {
        end = skipVersion(exact, end, hit.text());
      }
      String surface = exact.substring(i, end);
      found.add(new Match(hit.entry(), surface, i, end));
      for (String parent : hit.entry().implies()) {
        found.add(new Match(byCanonical.get(key(parent)), surface, i, end));
      }
      i = end;
    }
    return found;
  }

  private static boolean boundaryOk(String text, int start, Alias alias) {
    int end = start + alias.text().length();
    char first = alias.text().charAt(0);
    char last = alias.text().charAt(alias.text().length() - 1);
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    if (alias.strict()) {
      return !joins(before) && !joins(after) && before != '.' && before != '-';
    }
    if (isLatinWord(first) && isLatinWord(before)) {
      return false;
    }
    if (isKatakana(first) && isKatakana(before)) {
      return false;
    }
    if (isKatakana(last) && isKatakana(after)) {
      return false;
    }
    if (isLatinWord(last) && isLatinWord(after)) {
      // "Java8", "PHP7", "Oracle12c", "CentOS7": a version number glued to the name.
      return Character.isLetter(last) && Character.isDigit(after) && versionEnds(text, end);
    }
    return true;
  }

  // A strict (short) alias stands alone: not glued to Latin letters, digits, katakana or kanji.
  private static boolean joins(char c) {
    return isLatinWord(c)
        || isKatakana(c)
        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static boolean versionEnds(String text, int from) {
    int end = versionEnd(text, from);
    return end == text.length() || !isLatinWord(text.charAt(end));
  }

  private static int versionEnd(String text, int from) {
    int i = from;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    while (i > from && text.charAt(i - 1) == '.') {
      i--;
    }
    if (i < text.length() && i > from && "cgix".indexOf(text.charAt(i)) >= 0) {
      int j = i + 1;
      if (j == text.length() || !isLatinWord(text.charAt(j))) {
        return j;
      }
    }
    return i;
  }

  private static int skipVersion(String text, int end, String alias) {
    char last = alias.charAt(alias.length() - 1);
    if (Character.isLetter(last) && end < text.length() && Character.isDigit(text.charAt(end))) {
      return versionEnd(text, end);
    }
    return end;
  }

  private static boolean isLatinWord(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || c == '_';
  }

  private static boolean isKatakana(char c) {
    return (c >= '\u30A0' && c <= '\u30FF') || c == '\u30FC';
  }

  @Override
  public String toString() {
    return "SkillTaxonomy[" + byCanonical.size() + " skills]";
  }
}
