package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the engagements (案件) of the work history. Every line that holds a period starts one; the
 * lines up to the next such line belong to it. That covers the SES table (期間 | 業務内容 | 役割 | 規模 |
 * 使用技術, a project spread over several rows) as well as free text, where a "期間:" line may follow the
 * project's title, which then belongs to it too.
 */
final class WorkHistoryReader {

  enum Field {
    PERIOD,
    DESCRIPTION,
    ROLE,
    TEAM,
    TECH,
    CLIENT,
    OTHER
  }

  private static final Map<Field, Pattern> LABELS = new EnumMap<>(Field.class);

  static {
    LABELS.put(
        Field.PERIOD,
        Pattern.compile(
            "期間|参画期間|稼働期間|時期|年月|period|duration|dates?|term", Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.ROLE,
        Pattern.compile(
            "役割|役職|ポジション|担当|立場|役割/ポジション|role|position|title", Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.TEAM,
        Pattern.compile(
            "規模|人数|体制|チーム規模|チーム人数|プロジェクト規模|team|team size|size", Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.TECH,
        Pattern.compile(
            "使用技術|技術|開発環境|環境|言語|使用言語|言語/FW|os/db|db|os|fw|ツール|技術スタック|使用ツール"
                + "|technologies|tech|tech stack|stack|environment|tools|skills",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.CLIENT,
        Pattern.compile(
            "顧客|クライアント|業種|業界|企業|会社|所属|client|customer|company|employer|industry",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.DESCRIPTION,
        Pattern.compile(
            "業務内容|作業内容|案件名|プロジェクト名|案件概要|概要|内容|担当工程|工程|業務|詳細|プロジェクト"
                + "|description|project|summary|details|responsibilities|work|project name",
            Pattern.CASE_INSENSITIVE));
  }

  private static final String ROLE_WORD =
      "PMO|PM|PL|SE|PG|TL|SL|BSE|リーダー|サブリーダー|メンバー|テックリード|アーキテクト|スクラムマスター"
          + "|プロジェクトマネージャー?|プロジェクトリーダー|プログラマー?|システムエンジニア|インフラエンジニア"
          + "|Tech Lead|Team Lead|Lead Engineer|Lead Developer|Architect|Scrum Master|SRE"
          + "|Project Manager|Product Manager|Engineering Manager|(?:Senior |Junior |Lead )?"
          + "(?:Backend |Frontend |Front-end |Back-end |Full[- ]?stack |Software |Infrastructure |Mobile )?"
          + "(?:Developer|Engineer)";
  private static final Pattern ROLE_CELL =
      Pattern.compile("(?:" + ROLE_WORD + ")(?:\\s*[/・,、→]\\s*(?:" + ROLE_WORD + "))*");
  private static final Pattern ROLE_IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z])(?:" + ROLE_WORD + ")(?:\\s*[/・→]\\s*(?:" + ROLE_WORD + "))*(?![A-Za-z])");
  private static final Pattern TEAM_SIZE =
      Pattern.compile(
          "チーム\\s*:?\\s*(?<t>\\d{1,4})\\s*(?:名|人)"
              + "|(?:team of|team size:?)\\s*(?<e>\\d{1,4})"
              + "|(?<p>\\d{1,4})[- ](?:person|people|member)s?\\s*team"
              + "|(?<n>\\d{1,4})\\s*(?:名|人|people|members|persons)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLIENT_IN_TEXT =
      Pattern.compile(
          "[^\\s\\t,、。/:()「」【】\\[\\]]{0,16}(?:金融機関|銀行|証券会社|証券|保険会社|生命保険|損害保険|通信会社|通信キャリア"
              + "|キャリア|メーカー|商社|小売|百貨店|官公庁|自治体|省庁|事業者|企業|会社|法人|ベンダー|SIer|病院)"
              + "|(?:(?i:a |an )(?:(?:major|large|leading|global|mid-sized|Japanese|national|regional)\\s+)*"
              + "|(?:major|large|leading|global|mid-sized|Japanese|national|regional)\\s+)"
              + "[A-Za-z\\- ]{0,30}?(?:bank|insurer|company|manufacturer|retailer|carrier|firm|startup"
              + "|agency|provider|operator)");
  private static final Pattern LEADING_MARKUP =
      Pattern.compile("^(?:#{1,6}\\s*|[*|]+\\s*|[-*]\\s+|\\d{1,2}\\.\\s*$)+");
  // "役割：SE／チーム規模：6名": a second labelled field on the same line starts a new segment.
  private static final Pattern INLINE_LABEL =
      Pattern.compile(
          "(?<=[\\s/|、,])(?=(?:チーム規模|規模|人数|体制|役割|担当|使用技術|環境|言語|team size|team|role"
              + "|tech|stack|technologies|client)\\s*:)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PERIOD_LABEL_BEFORE =
      Pattern.compile(
          "(?:期間|参画期間|時期|period|duration|dates?)\\s*[:\\]】]?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_LIKE =
      Pattern.compile(
          "^(?:[■□◆◇●▼▶【#\\[]|\\d{1,2}[.)]|案件\\s*\\d|プロジェクト\\s*\\d|project\\s*\\d)|向け",
          Pattern.CASE_INSENSITIVE);

  private final SkillTaxonomy taxonomy;

  WorkHistoryReader(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  private record Anchor(int line, PeriodParser.Found found, Period period) {}

  List<WorkHistoryEntry> read(List<Line> lines, Set<Integer> used) {
    List<Anchor> anchors = anchors(lines, true);
    // A sheet without a recognisable history heading may still list engagements; with one, a
    // period elsewhere ("稼働: 2025年2月～") is no engagement.
    if (anchors.isEmpty() && lines.stream().noneMatch(l -> l.section() == Section.HISTORY)) {
      anchors = anchors(lines, false);
    }
    List<WorkHistoryEntry> entries = new ArrayList<>();
    Map<Integer, Field> columns = new HashMap<>();
    int headerAt = -1;
    for (int a = 0; a < anchors.size(); a++) {
      Anchor anchor = anchors.get(a);
      int previousAnchor = a == 0 ? -1 : anchors.get(a - 1).line();
      int start = startOf(lines, anchor, previousAnchor);
      int end =
          a + 1 < anchors.size()
              ? startOf(lines, anchors.get(a + 1), anchor.line())
              : endOfHistory(lines, anchor.line());
      // The latest table header above this engagement names the columns.
      for (int i = Math.max(headerAt + 1, previousAnchor + 1); i < anchor.line(); i++) {
        Map<Integer, Field> header = header(lines.get(i));
        if (header != null) {
          columns = header;
          headerAt = i;
        }
      }
      entries.add(entry(lines.subList(start, end), anchor, columns));
      for (int i = start; i < end; i++) {
        used.add(i);
      }
    }
    return entries;
  }

  private List<Anchor> anchors(List<Line> lines, boolean historyOnly) {
    List<Anchor> anchors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      Section s = line.section();
      boolean eligible =
          historyOnly
              ? s == Section.HISTORY
              : s != Section.CERTIFICATIONS && s != Section.EDUCATION && s != Section.OTHER;
      if (!eligible || CertificationReader.looksLikeCertification(line.text())) {
        continue;
      }
      Optional<PeriodParser.Found> found = PeriodParser.find(line.text());
      if ((found.isEmpty() || found.get().dangling()) && i + 1 < lines.size()) {
        Optional<PeriodParser.Found> wrapped = wrapped(line, lines.get(i + 1));
        if (wrapped.isPresent()) {
          anchors.add(new Anchor(i, wrapped.get(), wrapped.get().period()));
          continue;
        }
      }
      if (found.isEmpty()) {
        continue;
      }
      Period period = found.get().period();
      // A table cell too narrow for "2023年8月～2024年12月" wraps the end month onto the next line.
      if (found.get().dangling() && i + 1 < lines.size()) {
        Optional<java.time.YearMonth> wrapped = PeriodParser.leadingMonth(lines.get(i + 1).text());
        if (wrapped.isPresent()
            && !wrapped.get().isBefore(period.from())
            && PeriodParser.find(lines.get(i + 1).text()).isEmpty()) {
          period = new Period(period.from(), wrapped.get());
        }
      }
      anchors.add(new Anchor(i, found.get(), period));
    }
    return anchors;
  }

  // A period split over two lines: a PDF cell too narrow for "平成27年10月〜令和2年3月" wraps it,
  // and Excel templates put the start month in one row and "～現在" in the row below. The month
  // and the next line's first word, put together, hold the period.
  private static Optional<PeriodParser.Found> wrapped(Line line, Line next) {
    List<PeriodParser.Month> months = PeriodParser.months(line.text());
    String tail =
        next.cells().stream()
            .filter(c -> !c.isBlank())
            .findFirst()
            .map(c -> firstWord(c))
            .orElse("");
    if (months.isEmpty() || tail.isEmpty()) {
      return Optional.empty();
    }
    String text = line.text();
    int start = months.get(0).start();
    int end = months.get(0).end();
    while (end < text.length()
        && text.charAt(end) != '\t'
        && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String head = text.substring(start, end);
    Optional<PeriodParser.Found> joined = PeriodParser.find(head + tail);
    if (joined.isEmpty() || joined.get().start() != 0 || joined.get().end() <= head.length()) {
      return Optional.empty();
    }
    return Optional.of(new PeriodParser.Found(joined.get().period(), start, end, false));
  }

  private static String firstWord(String text) {
    String t = text.strip();
    int i = 0;
    while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
      i++;
    }
    return t.substring(0, i);
  }

  // "■ 大手銀行向け勘定系更改 / 期間: 2021年4月～": the title above a labelled period belongs to
  // the engagement, as long as it is not the tail of the previous one.
  private static int startOf(List<Line> lines, Anchor anchor, int previousAnchor) {
    String text = lines.get(anchor.line()).text();
    String before = text.substring(0, anchor.found().start());
    String after = text.substring(Math.min(anchor.found().end(), text.length()));
    boolean labelled = PERIOD_LABEL_BEFORE.matcher(before.replace("\t", " ")).find();
    // "*Jan 2022 – Present*" under "### Senior ML Engineer — …": the period alone on its line.
    boolean alone = (before + after).replaceAll("[\\s*_|()\\[\\]]", "").isEmpty();
    if (!labelled && !alone) {
      return anchor.line();
    }
    int floor = Math.max(previousAnchor + 1, anchor.line() - 3);
    for (int i = anchor.line() - 1; i >= floor; i--) {
      Line line = lines.get(i);
      if (line.blank() || line.heading() || header(line) != null) {
        return i + 1;
      }
      if (TITLE_LIKE.matcher(line.text()).find()) {
        return i;
      }
    }
    return anchor.line();
  }

  private static int endOfHistory(List<Line> lines, int from) {
    Section section = lines.get(from).section();
    for (int i = from + 1; i < lines.size(); i++) {
      if (lines.get(i).section() != section) {
        return i;
      }
    }
    return lines.size();
  }

  /** The columns a table header row names, or null when the row is no header. */
  static Map<Integer, Field> header(Line line) {
    if (line.cells().size() < 3) {
      return null;
    }
    Map<Integer, Field> columns = new HashMap<>();
    int named = 0;
    for (int i = 0; i < line.cells().size(); i++) {
      Field f = fieldOf(line.cells().get(i));
      if (f != null) {
        columns.put(i, f);
        named++;
      }
    }
    return named >= 3 && columns.containsValue(Field.PERIOD) ? columns : null;
  }

  private static Field fieldOf(String label) {
    String l = SheetLines.label(label).toLowerCase(Locale.ROOT);
    if (l.isEmpty() || l.length() > 20) {
      return null;
    }
    for (Map.Entry<Field, Pattern> e : LABELS.entrySet()) {
      if (e.getValue().matcher(l).matches()) {
        return e.getKey();
      }
    }
    return null;
  }

  private WorkHistoryEntry entry(List<Line> lines, Anchor anchor, Map<Integer, Field> columns) {
    Map<Field, List<String>> fields = new EnumMap<>(Field.class);
    for (Line line : lines) {
      if (line.blank() || line.heading()) {
        continue;
      }
      boolean isAnchor = line.index() == anchor.line();
      String text = line.text();
      if (isAnchor) {
        // Cut the period out, keeping the cells where they are for the column mapping.
        text = text.substring(0, anchor.found().start()) + text.substring(anchor.found().end());
      }
      List<String> cells = List.of(text.split("\t", -1));
      if (!columns.isEmpty() && line.cells().size() > 1) {
        List<String> original = line.cells();
        for (int i = 0; i < original.size(); i++) {
          String cell = original.get(i);
          if (isAnchor && i < cells.size()) {
            cell = cells.get(i);
          }
          if (cell.isBlank() || cell.strip().matches("\\d{1,3}\\.?")) {
            continue; // a row number ("No" column)
          }
          Field f = columns.getOrDefault(i, Field.OTHER);
          add(fields, f == Field.PERIOD ? Field.OTHER : f, cell);
        }
        continue;
      }
      for (String cell : segments(cells)) {
        String c = LEADING_MARKUP.matcher(cell.strip()).replaceFirst("").strip();
        if (c.isEmpty() || c.matches("^[~〜\\-–—()（）\\s]*$")) {
          continue;
        }
        int colon = SheetLines.firstColon(c);
        Field labelled = colon > 0 ? fieldOf(c.substring(0, colon)) : null;
        if (labelled == null) {
          String label = SheetLines.label(c);
          Field bare = c.length() < 20 ? fieldOf(label) : null;
          if (bare != null
              && bare != Field.DESCRIPTION
              && label.equals(c.replaceAll("^[【\\[■◆●]|[】\\]]$", ""))) {
            continue; // a field name with its value on the next line
          }
          add(fields, Field.OTHER, stripBracketLabel(c, fields));
        } else {
          String value = c.substring(colon + 1).strip();
          if (!value.isEmpty() && labelled != Field.PERIOD) {
            add(fields, labelled, value);
          }
        }
      }
    }
    String all = String.join("\n", fields.values().stream().flatMap(List::stream).toList());
    String role = role(fields);
    Integer team = teamSize(fields);
    List<String> tech = technologies(all);
    String company = company(fields);
    List<String> description = new ArrayList<>();
    description.addAll(fields.getOrDefault(Field.DESCRIPTION, List.of()));
    for (String other : fields.getOrDefault(Field.OTHER, List.of())) {
      if (!other.equals(role) && !isTeamOnly(other)) {
        description.add(other);
      }
    }
    String text = String.join("\n", description).strip();
    if (text.codePointCount(0, text.length()) > WorkHistoryEntry.DESCRIPTION_LIMIT) {
      text = text.substring(0, text.offsetByCodePoints(0, WorkHistoryEntry.DESCRIPTION_LIMIT));
    }
    return new WorkHistoryEntry(
        company == null ? null : limit(company, 200),
        List.of(),
        null,
        anchor.period(),
        role == null ? null : limit(role, 200),
        team,
        List.of(),
        tech,
        text);
  }

  private static List<String> segments(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String cell : cells) {
      for (String part : INLINE_LABEL.split(cell)) {
        String p = part.strip().replaceAll("[/|、,]$", "").strip();
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  // "【役割】PL" on one line: the bracket names the field.
  private static String stripBracketLabel(String cell, Map<Field, List<String>> fields) {
    Matcher m = Pattern.compile("^[【\\[](.{1,12}?)[】\\]]\\s*(.+)$").matcher(cell);
    if (m.matches()) {
      Field f = fieldOf(m.group(1));
      if (f != null && f != Field.OTHER && f != Field.PERIOD) {
        add(fields, f, m.group(2));
        return "";
      }
    }
    return cell;
  }

  private static void add(Map<Field, List<String>> fields, Field field, String value) {
    if (value != null && !value.isBlank()) {
      fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value.strip());
    }
  }

  private static String role(Map<Field, List<String>> fields) {
    for (String value : fields.getOrDefault(Field.ROLE, List.of())) {
      return value;
    }
    for (String other : fields.getOrDefault(Field.OTHER, List.of())) {
      if (ROLE_CELL.matcher(other).matches()) {
        return other;
      }
    }
    for (Field f : List.of(Field.OTHER, Field.DESCRIPTION)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Matcher m = ROLE_IN_TEXT.matcher(value);
        if (m.find()) {
          return m.group();
        }
      }
    }
    return null;
  }

  private static Integer teamSize(Map<Field, List<String>> fields) {
    for (Field f : List.of(Field.TEAM, Field.OTHER, Field.DESCRIPTION, Field.ROLE)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Integer n = teamSize(value, f == Field.TEAM);
        if (n != null) {
          return n;
        }
      }
    }
    return null;
  }

  static Integer teamSize(String text, boolean bareNumberCounts) {
    Matcher m = TEAM_SIZE.matcher(text);
    Integer first = null;
    while (m.find()) {
      for (String g : List.of("t", "e", "p")) {
        if (m.group(g) != null) {
          return valid(Integer.parseInt(m.group(g)));
        }
      }
      if (first == null && m.group("n") != null) {
        first = valid(Integer.parseInt(m.group("n")));
      }
    }
    if (first == null && bareNumberCounts) {
      Matcher digits = Pattern.compile("\\d{1,4}").matcher(text);
      if (digits.find()) {
        first = valid(Integer.parseInt(digits.group()));
      }
    }
    return first;
  }

  private static Integer valid(int n) {
    return n >= 1 && n <= 10_000 ? n : null;
  }

  private static boolean isTeamOnly(String text) {
    return text.matches("^(?:全体)?\\s*\\d{1,4}\\s*(?:名|人)(?:\\s*[(（].*[)）])?$");
  }

  private List<String> technologies(String text) {
    Set<String> tech = new LinkedHashSet<>();
    for (SkillTaxonomy.Match m : taxonomy.find(text)) {
      tech.add(m.canonical());
    }
    return List.copyOf(tech);
  }

  private static String company(Map<Field, List<String>> fields) {
    for (String value : fields.getOrDefault(Field.CLIENT, List.of())) {
      return value;
    }
    for (Field f : List.of(Field.DESCRIPTION, Field.OTHER)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Matcher m = CLIENT_IN_TEXT.matcher(value);
        if (m.find()) {
          return m.group().strip();
        }
      }
    }
    return null;
  }

  private static String limit(String v, int limit) {
    return v.codePointCount(0, v.length()) > limit
        ? v.substring(0, v.offsetByCodePoints(0, limit))
        : v;
  }
}
