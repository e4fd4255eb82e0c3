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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical skill names and the many ways sheets spell them ("Postgres", "ポスグレ", "ＪａｖａＳｃｒｉｐｔ").
 * Search and matching compare canonical names only, so every skill that enters a profile passes
 * through here.
 *
 * <p>Two layers: the curated {@code skills.tsv} (canonical names, the market's spellings, Japanese
 * aliases, implied parents) and, below it, the generated {@code vocabulary.tsv} of thousands of
 * technologies from public lists (see {@code tenants/talent/vocabulary/README.md}). A generated
 * name that the curated layer already knows only adds its spellings to the curated skill.
 *
 * <p>Matching is token-aware: "Go" is not found in "Google" or "MongoDB", "Java" not in
 * "JavaScript", and the one-letter languages "C" and "R" only as standalone tokens, never in "C社".
 * The longest name wins, so "AWS Lambda" is AWS Lambda alone: the provider a service implies stays
 * in {@link TaxonomyEntry#implies()} for search and matching, it is not a second mention. A name
 * that is also an ordinary word ("Notion", "Line", "wire") counts only in a technology context: a
 * list or cell next to another skill ("GitHub / Slack / Notion"), a line labelled as technology
 * ("使用技術: …", "ツール\t…"), or a text that is nothing but the name.
 */
public final class SkillTaxonomy {

  /** The taxonomy shipped with Proxima ({@code profile/skills.tsv}). */
  public static SkillTaxonomy standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final SkillTaxonomy STANDARD = load("/profile/skills.tsv", "/profile/vocabulary.tsv");
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
   * @param contextual matched by exact case and only in a technology context ("~Notion")
   * @param entry the skill; null for a phrase that names none ("ユーティリティCSS") and hides the shorter
   *     names inside it
   */
  private record Alias(
      String text, boolean strict, boolean exactCase, boolean contextual, TaxonomyEntry entry) {}

  private final Map<String, TaxonomyEntry> byCanonical;
  // Aliases by their first two (lower-cased) characters, one-character aliases by their only one;
  // longest first so the longest mention wins. Thousands of names stay cheap to scan for.
  private final Map<Integer, Alias[]> byPrefix;

  private SkillTaxonomy(Map<String, TaxonomyEntry> entries, List<Alias> aliases) {
    this.byCanonical = entries;
    Map<Integer, List<Alias>> prefix = new HashMap<>();
    for (Alias a : aliases) {
      prefix.computeIfAbsent(prefixKey(lower(a.text()), 0), c -> new ArrayList<>()).add(a);
    }
    Map<Integer, Alias[]> sorted = new HashMap<>();
    prefix.forEach(
        (k, l) -> {
          l.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
          sorted.put(k, l.toArray(Alias[]::new));
        });
    this.byPrefix = sorted;
  }

  private static int prefixKey(String lowered, int at) {
    char first = lowered.charAt(at);
    return at + 1 < lowered.length() ? (first << 16) | lowered.charAt(at + 1) : first;
  }

  /**
   * Reads taxonomies in the {@code skills.tsv} format from the class path, each layer below the
   * ones before it: a later layer adds skills and spellings, it never renames or re-files a skill
   * an earlier layer has.
   */
  public static SkillTaxonomy load(String... resources) {
    Layers layers = new Layers();
    for (String resource : resources) {
      try (InputStream in = SkillTaxonomy.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("skills taxonomy not on the class path: " + resource);
        }
        layers.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return layers.taxonomy();
  }

  private static final class Layers {
    private final Map<String, TaxonomyEntry> entries = new LinkedHashMap<>();
    private final List<Alias> aliases = new ArrayList<>();
    // Every name and spelling (lower-cased) already taken, so a lower layer adds only new ones.
    private final Map<String, TaxonomyEntry> taken = new HashMap<>();
    private final Set<String> takenExact = new HashSet<>();

    void read(BufferedReader reader) throws IOException {
      List<Alias> layer = new ArrayList<>();
      Map<String, TaxonomyEntry> layerTaken = new HashMap<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        List<String> rawAliases = cols.length > 2 ? split(cols[2]) : List.of();
        if (cols[0].strip().equals("-")) {
          // Phrases that name no skill; they hide the names inside them.
          for (String raw : rawAliases) {
            layer.add(alias(raw, null));
          }
          continue;
        }
        String canonical = cols[0].strip();
        SkillCategory category = SkillCategory.valueOf(cols[1].strip());
        List<String> implies = cols.length > 3 ? split(cols[3]) : List.of();
        TaxonomyEntry existing = taken.get(key(canonical));
        TaxonomyEntry entry;
        if (existing != null) {
          entry = existing;
        } else {
          List<String> plain =
              rawAliases.stream().map(a -> marked(a) ? a.substring(1) : a).toList();
          entry = new TaxonomyEntry(canonical, category, plain, implies);
          if (entries.putIfAbsent(key(canonical), entry) != null) {
            continue; // named twice in one layer: the first line wins
          }
          boolean canonicalIsMarked = rawAliases.stream().anyMatch(a -> isMark(a, canonical));
          if (!canonicalIsMarked) {
            layer.add(alias(canonical, entry));
            layerTaken.putIfAbsent(key(canonical), entry);
          }
        }
        for (String raw : rawAliases) {
          Alias a = alias(raw, entry);
          String k = key(a.text());
          if (taken.containsKey(k) || takenExact.contains(a.text())) {
            continue;
          }
          layer.add(a);
          layerTaken.putIfAbsent(k, entry);
        }
      }
      for (Alias a : layer) {
        aliases.add(a);
        takenExact.add(a.text());
      }
      layerTaken.forEach(taken::putIfAbsent);
      entries.values().forEach(e -> taken.putIfAbsent(key(e.canonical()), e));
    }

    SkillTaxonomy taxonomy() {
      for (TaxonomyEntry e : entries.values()) {
        for (String parent : e.implies()) {
          if (!entries.containsKey(key(parent))) {
            throw new IllegalStateException(e.canonical() + " implies unknown skill " + parent);
          }
        }
      }
      return new SkillTaxonomy(entries, aliases);
    }
  }

  private static Alias alias(String raw, TaxonomyEntry entry) {
    boolean strict = raw.startsWith("!");
    boolean contextual = raw.startsWith("~");
    boolean exactCase = strict || contextual || raw.startsWith("=");
    String text = marked(raw) ? raw.substring(1) : raw;
    // A contextual name of one or two letters ("J", "Io") also stands alone like a strict one.
    boolean standalone = strict || (contextual && text.length() <= 2);
    return new Alias(normalizeAlias(text, exactCase), standalone, exactCase, contextual, entry);
  }

  private static boolean isMark(String raw, String canonical) {
    return marked(raw) && raw.substring(1).equals(canonical);
  }

  private static boolean marked(String alias) {
    return alias.startsWith("!") || alias.startsWith("=") || alias.startsWith("~");
  }

  private static List<String> split(String column) {
    return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String normalizeAlias(String alias, boolean strict) {
    String n = normalize(alias);
    return strict ? n : lower(n);
  }

  /**
   * NFKC (full-width letters and digits become ASCII, half-width katakana full-width) without
   * changing the length any further, so positions in matches index this form.
   */
  public static String normalize(String text) {
    // ASCII is its own NFKC form; thousands of names load faster without the normaliser.
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
      }
    }
    return text;
  }

  // Character by character so the lower-cased text keeps the positions of the normalised one.
  private static String lower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static String key(String text) {
    String n = lower(normalize(text).strip());
    return n.indexOf(' ') < 0 && n.indexOf('\t') < 0 ? n : WHITESPACE.matcher(n).replaceAll(" ");
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

  /**
   * Every skill mentioned in the text, in order. A name that is also an ordinary word counts only
   * in a technology context (see the class comment); a generic name inside a more specific one
   * ("AWS" in "AWS Lambda") is no mention of its own.
   */
  public List<Match> find(String text) {
    return find(text, false);
  }

  /**
   * Every skill mentioned in the text, in order.
   *
   * @param technologyContext the caller knows the text names technologies (a cell of a skills
   *     table, an item under a "ツール" heading), so ordinary-word names count without a neighbour
   */
  public List<Match> find(String text, boolean technologyContext) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String exact = normalize(text);
    String lowered = lower(exact);
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < exact.length()) {
      Alias hit = null;
      Alias fallback = null;
      for (Alias a : candidates(lowered, i)) {
        if ((hit == null || (hit.contextual() && fallback == null && !a.contextual()))
            && (a.exactCase() ? exact : lowered).startsWith(a.text(), i)
            && boundaryOk(exact, i, a)
            && !integrationOf(exact, i + a.text().length())) {
          if (hit == null) {
            hit = a;
          } else {
            fallback = a;
          }
          if (!hit.contextual()) {
            break;
          }
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      Hit h = new Hit(hit, i, end(exact, i, hit), fallback);
      hits.add(h);
      i = h.end();
    }
    boolean labelled = technologyContext || TECHNOLOGY_LABEL.matcher(exact).find();
    List<Match> found = new ArrayList<>();
    for (int k = 0; k < hits.size(); k++) {
      Hit h = hits.get(k);
      Alias chosen = h.alias();
      if (chosen.contextual() && !labelled && !inTechnologyList(exact, hits, k)) {
        chosen = h.fallback();
      }
      if (chosen == null || chosen.entry() == null) {
        continue;
      }
      int end = chosen == h.alias() ? h.end() : end(exact, h.start(), chosen);
      found.add(new Match(chosen.entry(), exact.substring(h.start(), end), h.start(), end));
    }
    return found;
  }

  private record Hit(Alias alias, int start, int end, Alias fallback) {}

  private static final Alias[] NONE = new Alias[0];

  private Iterable<Alias> candidates(String lowered, int at) {
    Alias[] two =
        at + 1 < lowered.length() ? byPrefix.getOrDefault(prefixKey(lowered, at), NONE) : NONE;
    Alias[] one = byPrefix.getOrDefault((int) lowered.charAt(at), NONE);
    if (one.length == 0) {
      return Arrays.asList(two);
    }
    List<Alias> both = new ArrayList<>(two.length + one.length);
    both.addAll(Arrays.asList(two));
    both.addAll(Arrays.asList(one));
    return both;
  }

  private static int end(String exact, int start, Alias alias) {
    int end = start + alias.text().length();
    return alias.strict() ? end : skipVersion(exact, end, alias.text());
  }

  // "GitHub連携", "Slack連携": the sheet describes a feature that talks to the product, not work
  // done with it as a skill.
  private static boolean integrationOf(String text, int end) {
    return text.startsWith("連携", end) || text.startsWith("との連携", end) || text.startsWith("互換", end);
  }

  // A cell or line that says it lists technologies: "使用技術: …", "ツール\t…", "DB：…".
  private static final Pattern TECHNOLOGY_LABEL =
      Pattern.compile(
          "^\\s*(?:[-*・•●■□◆]\\s*)?(?:【|\\[)?(?:使用技術|技術スタック|技術|使用言語|開発言語|言語|"
              + "フレームワーク|ライブラリ|FW|DB|データベース|ミドルウェア|ツール|開発ツール|"
              + "インフラ|クラウド|環境|開発環境|OS|サービス|SaaS|CI/CD|IaC|監視|"
              + "tech(?:nolog(?:y|ies))?|stack|tools?|languages?|frameworks?|librar(?:y|ies)|"
              + "databases?|infrastructure|cloud|environment)(?:】|\\])?\\s*[:：\\t|]",
          Pattern.CASE_INSENSITIVE);

  // Separators of a technology list: "Pinia/Vuex", "AWS(EC2、RDS)", "GitHub / Slack", cells.
  private static final Pattern LIST_GAP =
      Pattern.compile(
          "[\\s\\d.]*[/、,，・;；|()（）\\[\\]［］&＆+＋\\t][\\s\\d./、,，・;；|()（）\\[\\]［］&＆+＋\\t]*");

  /**
   * Whether the ordinary-word name at {@code k} stands in a list with a name that needs no context,
   * directly or through other list items ("Slack / Notion / Jira" after "GitHub"), or is the whole
   * text.
   */
  private static String cell(String text, Hit h) {
    int from = h.start();
    while (from > 0 && text.charAt(from - 1) != '\t' && text.charAt(from - 1) != '\n') {
      from--;
    }
    int to = h.end();
    while (to < text.length() && text.charAt(to) != '\t' && text.charAt(to) != '\n') {
      to++;
    }
    return text.substring(from, to).strip().replaceAll("^[\\-*・•●]+\\s*", "");
  }

  private static boolean inTechnologyList(String text, List<Hit> hits, int k) {
    Hit h = hits.get(k);
    if (text.substring(0, h.start()).replaceAll("^[\\s\\-*・•●]+", "").isEmpty()
        && text.substring(h.end()).strip().isEmpty()) {
      return true;
    }
    // Across a cell boundary only a name that fills its cell is a list item: in "CE→SE" the
    // letters are a job title, whatever the next cell holds.
    boolean wholeCell = cell(text, h).equals(text.substring(h.start(), h.end()));
    for (int step : new int[] {-1, 1}) {
      for (int j = k; j + step >= 0 && j + step < hits.size(); j += step) {
        Hit a = step < 0 ? hits.get(j + step) : hits.get(j);
        Hit b = step < 0 ? hits.get(j) : hits.get(j + step);
        String gap = text.substring(a.end(), b.start());
        if (!LIST_GAP.matcher(gap).matches()
            || (!wholeCell && (gap.indexOf('\t') >= 0 || gap.indexOf('\n') >= 0))) {
          break;
        }
        Hit neighbour = hits.get(j + step);
        if (!neighbour.alias().contextual() && neighbour.alias().entry() != null) {
          return true;
        }
      }
    }
    return false;
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

  // The middle dot "・" separates list items ("Go・gRPC"); it joins no word.
  private static boolean isKatakana(char c) {
    return ((c >= '\u30A0' && c <= '\u30FF') || c == '\u30FC') && c != '\u30FB';
  }

  @Override
  public String toString() {
    return "SkillTaxonomy[" + byCanonical.size() + " skills]";
  }
}
