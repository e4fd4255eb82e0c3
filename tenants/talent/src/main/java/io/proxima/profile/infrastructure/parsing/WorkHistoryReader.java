package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.EngagementPhase;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
    PROJECT,
    PHASES,
    VIA,
    DESCRIPTION,
    ROLE,
    TEAM,
    TECH,
    CLIENT,
    /** The client's industry only (業種): a client when nothing else on the engagement names one. */
    INDUSTRY,
    EMPLOYER,
    OTHER,
    /**
     * An English job heading over the period ("Senior Mobile Engineer — X K.K."), also in OTHER.
     */
    JOB_HEADING
  }

  private static final Map<Field, Pattern> LABELS = new EnumMap<>(Field.class);

  static {
    LABELS.put(
        Field.PERIOD,
        Pattern.compile(
            // "自 | 至": the from and to columns of older Excel templates
            "期間|参画期間|稼働期間|作業期間|従事期間|在籍期間|開発期間|時期|年月|開始|開始年月|終了|終了年月|自|至"
                + "|period|duration|dates?|term|from|to",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.PROJECT,
        Pattern.compile(
            "案件名|プロジェクト名|案件|プロジェクト|システム名|project|project name|project title",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.PHASES,
        Pattern.compile(
            "担当工程|工程|作業工程|担当フェーズ|フェーズ|担当範囲|対応工程|phases?|scope", Pattern.CASE_INSENSITIVE));
    LABELS.put(Field.VIA, Pattern.compile("商流|契約商流|元請|元請け|上位会社", Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.ROLE,
        Pattern.compile(
            "役割|役職|ポジション|担当|立場|役割/ポジション|職種|職務|担当役割|役割・ポジション|role|position|title",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.TEAM,
        Pattern.compile(
            "規模|人数|体制|チーム|チーム規模|チーム人数|チーム構成|プロジェクト規模|メンバー数|人員|要員|team|team size|size",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.TECH,
        Pattern.compile(
            "使用技術|技術|開発環境|環境|言語|使用言語|言語/FW|os/db|db|os|fw|ツール|技術スタック|使用ツール"
                + "|technologies|tech|tech stack|stack|environment|tools|skills",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.CLIENT,
        Pattern.compile(
            "顧客|顧客名|クライアント|クライアント名|エンド|エンドユーザー|エンドクライアント|客先|常駐先|発注元|発注者|取引先|参画先"
                + "|就業先|派遣先|案件先|お客様|顧客・案件|顧客/案件"
                + "|企業|会社|client|client name|end client|customer|company|employer",
            Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.INDUSTRY, Pattern.compile("業種|業界|顧客業種|業種・業界|industry", Pattern.CASE_INSENSITIVE));
    // The engineer's own employer at the time: never the client.
    LABELS.put(Field.EMPLOYER, Pattern.compile("所属|所属会社|所属企業|在籍企業|雇用形態", Pattern.CASE_INSENSITIVE));
    LABELS.put(
        Field.DESCRIPTION,
        Pattern.compile(
            "業務内容|作業内容|案件概要|概要|内容|業務|詳細|担当業務|作業"
                + "|description|summary|details|responsibilities|work",
            Pattern.CASE_INSENSITIVE));
  }

  private static final String ROLE_WORD =
      // "PL/SQL" is a language, not a project leader
      "(?:PMO|PM|PL(?!/SQL)|SE|PG|TL|SL|BSE|CE|QA)(?:補佐|リーダー)?|サブリーダー|リーダー|メンバー|テックリード|アーキテクト"
          + "|スクラムマスター|プロジェクトマネージャー?|プロジェクトリーダー|プログラマー?|システムエンジニア"
          + "|[A-Za-z]{0,8}[ァ-ヶー]{0,12}(?:エンジニア|リード|リーダー|デベロッパー|コーダー|テスター|アナリスト|コンサルタント"
          + "|プログラマー?"
          + "|デザイナー|アーキテクト|マネージャー|マネジャー|オペレーター|スペシャリスト)(?:\\s*[(（]リード[)）])?"
          + "|開発担当|開発メンバー|運用担当|保守担当|運用保守担当|社内SE|研修生"
          + "|Tech Lead|Team Lead|Team Leader|[Ss]ub-?[Ll]eader|[Ll]eader|[Mm]ember|Scrum Master|(?:(?:Senior|Staff|Lead|Principal)\\s+)?SRE|DevOps Engineer"
          + "|(?:(?:Senior|Junior|Lead|Principal|Staff|Chief|Head|Associate)\\s+)?"
          + "(?:[a-z]{0,2}[A-Z][A-Za-z.+#\\-]*\\s+){0,2}"
          + "(?:Engineer|Developer|Architect|Analyst|Tester|Consultant|Designer|Administrator|Scientist"
          + "|Manager|Programmer|Leader|Lead|Operator)";
  private static final Pattern ROLE_CELL =
      Pattern.compile("(?:" + ROLE_WORD + ")(?:\\s*[/・,、→]\\s*(?:" + ROLE_WORD + "))*");
  private static final Pattern ROLE_IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z])(?:" + ROLE_WORD + ")(?:\\s*[/・→]\\s*(?:" + ROLE_WORD + "))*(?![A-Za-z])");
  private static final Pattern TEAM_SIZE =
      Pattern.compile(
          // "全体20名（うちiOSチーム4名）", "全体12名、うちデータ基盤3名": the engineer's own part
          "うち[^\\d、,。()（）]{0,12}?(?<u>\\d{1,4})\\s*(?:名|人)"
              + "|チーム\\s*:?\\s*(?<t>\\d{1,4})\\s*(?:名|人)"
              + "|(?:team of|team size:?)\\s*(?<e>\\d{1,4})"
              + "|(?<p>\\d{1,4})[- ](?:person|people|member)s?\\s*team"
              + "|(?<n>\\d{1,4})\\s*(?:名|人|people|members|persons|engineers|developers)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The kinds of organisation a client is named by ("大手損保会社", "地方自治体", "専門商社"): one list for every
   * pattern that recognises a client by its kind. Each pattern adds the words that are safe only
   * where it reads — a short word such as 業, 社 or 局 ends many ordinary words, so it counts only at
   * the end of a name already placed as a client's (before 向け, as a title's first word).
   */
  private static final String CLIENT_KINDS = "会社|企業|メーカー|銀行|金融機関|病院|自治体|官公庁|省庁|事業者|キャリア|商社";

  private static final Pattern CLIENT_IN_TEXT =
      Pattern.compile(
          "[^\\s\\t,、。/:()「」【】\\[\\]]{0,16}(?:"
              + CLIENT_KINDS
              // longer words before the shorter ones they start with (証券会社 before 証券)
              + "|証券会社|証券|保険会社|生命保険|損害保険|通信会社|通信キャリア|小売|百貨店|法人|ベンダー|SIer)"
              + "|(?:(?i:a |an )(?:(?:major|large|leading|global|mid-sized|Japanese|national|regional)\\s+)*"
              + "|(?:major|large|leading|global|mid-sized|Japanese|national|regional)\\s+)"
              + "[A-Za-z\\- ]{0,30}?(?:bank|insurer|company|manufacturer|retailer|carrier|firm|startup"
              + "|agency|provider|operator|group|maker|wholesaler|university|chain)");
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
          // "(3) 家電メーカー 炊飯器制御ソフト開発": a bracketed number heads a project as well
          "^(?:[■□◆◇●▼▶【#\\[]|\\d{1,2}[.)]|[(（]\\d{1,2}[)）]|案件\\s*\\d|プロジェクト\\s*\\d|project\\s*\\d)|向け",
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
    List<Integer> employerHeadings = new ArrayList<>();
    anchors = withoutEmployerHeadings(lines, anchors, employerHeadings);
    List<WorkHistoryEntry> entries = new ArrayList<>();
    Map<Integer, Field> columns = new HashMap<>();
    Map<Integer, EngagementPhase> phaseColumns = new HashMap<>();
    int headerAt = -1;
    for (int a = 0; a < anchors.size(); a++) {
      Anchor anchor = anchors.get(a);
      int previousAnchor = a == 0 ? -1 : anchors.get(a - 1).line();
      int start = startOf(lines, anchor, previousAnchor);
      int end =
          a + 1 < anchors.size()
              ? startOf(lines, anchors.get(a + 1), anchor.line())
              : endOfHistory(lines, anchor.line());
      for (int heading : employerHeadings) {
        if (heading > anchor.line() && heading < end) {
          end = heading; // the next employer's heading and its company profile are no part of it
        }
      }
      // The latest table header above this engagement names the columns.
      for (int i = Math.max(headerAt + 1, previousAnchor + 1); i < anchor.line(); i++) {
        // The next employer's projects are laid out anew: the last employer's table is behind.
        if (employerHeadings.contains(i)) {
          columns = new HashMap<>();
          phaseColumns = new HashMap<>();
        }
        Map<Integer, Field> header = header(lines.get(i));
        if (header != null) {
          columns = header;
          headerAt = i;
        }
        Map<Integer, EngagementPhase> phases = phaseHeader(lines.get(i));
        if (phases != null) {
          phaseColumns = phases;
        }
      }
      Read read = entry(lines.subList(start, end), anchor, columns, phaseColumns);
      WorkHistoryEntry entry = read.entry();
      // A client cell merged over the rows of several engagements names them all; one that says
      // 自社 names none.
      if (entry.company() == null
          && !read.inHouse()
          && (columns.containsValue(Field.CLIENT) || columns.containsValue(Field.INDUSTRY))
          && !entries.isEmpty()) {
        WorkHistoryEntry above = entries.get(entries.size() - 1);
        entry =
            new WorkHistoryEntry(
                above.company(),
                entry.via().isEmpty() ? above.via() : entry.via(),
                entry.project(),
                entry.period(),
                entry.role(),
                entry.teamSize(),
                entry.phases(),
                entry.technologies(),
                entry.description());
      }
      entries.add(entry);
      for (int i = start; i < end; i++) {
        used.add(i);
      }
    }
    return mergedRepeats(entries);
  }

  /**
   * A sheet that lists its projects in a summary table and then describes each again under 「案件詳細」
   * names each engagement twice with the same period: one engagement, its fields taken from
   * wherever the sheet gives them.
   */
  static List<WorkHistoryEntry> mergedRepeats(List<WorkHistoryEntry> entries) {
    List<WorkHistoryEntry> merged = new ArrayList<>();
    for (WorkHistoryEntry e : entries) {
      int same = -1;
      for (int i = 0; i < merged.size(); i++) {
        WorkHistoryEntry m = merged.get(i);
        if (m.period().equals(e.period())
            && (m.company() == null || e.company() == null || m.company().equals(e.company()))) {
          same = i;
          break;
        }
      }
      if (same < 0) {
        merged.add(e);
        continue;
      }
      WorkHistoryEntry m = merged.get(same);
      List<String> via = new ArrayList<>(m.via());
      e.via().stream().filter(v -> !via.contains(v)).forEach(via::add);
      Set<EngagementPhase> phases = EnumSet.noneOf(EngagementPhase.class);
      phases.addAll(m.phases());
      phases.addAll(e.phases());
      Set<String> tech = new java.util.LinkedHashSet<>(m.technologies());
      tech.addAll(e.technologies());
      String description =
          m.description() == null
              ? e.description()
              : e.description() == null
                  ? m.description()
                  : m.description() + "\n" + e.description();
      if (description != null
          && description.codePointCount(0, description.length())
              > WorkHistoryEntry.DESCRIPTION_LIMIT) {
        description =
            description.substring(
                0, description.offsetByCodePoints(0, WorkHistoryEntry.DESCRIPTION_LIMIT));
      }
      merged.set(
          same,
          new WorkHistoryEntry(
              m.company() != null ? m.company() : e.company(),
              via.stream().limit(5).toList(),
              m.project() != null ? m.project() : e.project(),
              m.period(),
              m.role() != null ? m.role() : e.role(),
              m.teamSize() != null ? m.teamSize() : e.teamSize(),
              List.copyOf(phases),
              List.copyOf(tech),
              description));
    }
    return merged;
  }

  // "■株式会社X（2021年4月～2023年3月）" over "事業内容：… 資本金：… 従業員数：…": the employer and the
  // time spent there, with its engagements listed below, each with its own period.
  private static final Pattern COMPANY_PROFILE = Pattern.compile("事業内容|資本金|従業員数|設立|売上高|本社");
  // A line of the employer's profile: its business, capital or staff given as labelled values.
  private static final Pattern COMPANY_PROFILE_LINE =
      Pattern.compile("^\\s*(?:事業内容|資本金|従業員数|設立|売上高)\\s*[:：]");

  private static List<Anchor> withoutEmployerHeadings(
      List<Line> lines, List<Anchor> anchors, List<Integer> headings) {
    List<Anchor> kept = new ArrayList<>();
    for (int a = 0; a < anchors.size(); a++) {
      Anchor anchor = anchors.get(a);
      if (a + 1 < anchors.size() && employerHeading(lines, anchor, anchors.get(a + 1))) {
        int at = anchor.line();
        // its title line above ("Project Leader — X Co., Ltd.") is no part of the job before
        headings.add(at > 0 && dashedTitle(lines.get(at - 1).text()) ? at - 1 : at);
      } else {
        kept.add(anchor);
      }
    }
    return kept;
  }

  // "Sakura Systems Co., Ltd. (system integrator), Tokyo — " before the period: a company, a note
  // on it and its city, nothing else.
  private static final Pattern ENGLISH_EMPLOYER_LINE =
      Pattern.compile(
          "^[#*\\s]*[A-Z][\\w&.\\- ]{1,60}?(?:Inc\\.?|K\\.K\\.|Co\\.,? Ltd\\.?|Ltd\\.?|LLC|Corporation"
              + "|Corp\\.?|JSC|GmbH)(?:\\s*\\([^()]{1,40}\\))?(?:,\\s*[A-Z][A-Za-z .]{1,30})?\\s*[—–\\-|,]?\\s*$");

  private static final Pattern EMPLOYMENT_NOTE_AFTER =
      Pattern.compile("^[*_]*\\s*(?:[·|,]\\s*[^·|()]{1,40}|\\([^()]{1,40}\\))\\s*[*_]*\\s*$");

  private static final Pattern SELF_EMPLOYED =
      Pattern.compile("(?i)フリーランス|個人事業主?|独立|freelancer?|self-employed");

  private static boolean employerHeading(List<Line> lines, Anchor anchor, Anchor next) {
    Period outer = anchor.period();
    Period inner = next.period();
    boolean within =
        !inner.from().isBefore(outer.from())
            && (outer.to() == null || inner.to() != null && !inner.to().isAfter(outer.to()));
    boolean profile = false;
    for (int i = anchor.line() + 1; within && i < Math.min(next.line(), anchor.line() + 4); i++) {
      profile |= COMPANY_PROFILE.matcher(lines.get(i).text()).find();
    }
    String text = lines.get(anchor.line()).text();
    if (text.contains("\t")) {
      return false;
    }
    // "株式会社X（2009年4月～2017年3月）" right over "【2009年4月～2017年3月】社内システムの…": a line
    // that is nothing but a company and its period heads the engagements below it.
    boolean bare = false;
    if (within && !profile && next.line() - anchor.line() <= 2) {
      String rest =
          (text.substring(0, anchor.found().start()) + text.substring(anchor.found().end()))
              .replaceAll("[\\s()（）\\[\\]【】■□◆◇●:：]", "");
      bare =
          EngagementFields.legalEntity(rest)
                  .map(name -> rest.equals(name.replaceAll("[\\s()（）]", "")))
                  .orElse(false)
              || ENGLISH_EMPLOYER_LINE
                  .matcher(text.substring(0, anchor.found().start()).strip())
                  .matches();
      // "◇フリーランス（2017年10月～現在）" over the table of that time's projects: no company at all.
      // "3. 個人事業主（2016年4月～現在）": a numbered one too.
      if (!bare
          && next.line() - anchor.line() <= 3
          && SELF_EMPLOYED.matcher(rest.replaceFirst("^\\d{1,2}[.)]", "")).matches()) {
        return true;
      }
    }
    // "Project Leader — Daiwa Sogo Systems Co., Ltd." over "2008/04 - 2020/03" alone on its line,
    // with that company's projects tabled below: the employer, not an engagement.
    if (within && !profile && !bare && next.line() - anchor.line() <= 3 && anchor.line() > 0) {
      String above = lines.get(anchor.line() - 1).text();
      // "*Oct 2019 – Mar 2023 · contract development*", "Apr 2014 – Mar 2018 (SIer)": a note on
      // the employment after the period leaves it alone all the same.
      // One project over the whole employment is the engagement itself, its place noted.
      String after = text.substring(anchor.found().end());
      if (!inner.equals(outer)) {
        after = EMPLOYMENT_NOTE_AFTER.matcher(after).replaceFirst("");
      }
      String rest =
          (text.substring(0, anchor.found().start()) + after).replaceAll("[\\s*_()\\[\\]]", "");
      if (rest.isEmpty() && dashedTitle(above) && EngagementFields.legalEntity(above).isPresent()) {
        return true;
      }
    }
    return (profile || bare) && EngagementFields.legalEntity(text).isPresent();
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
      int next = nextNonBlank(lines, i + 1);
      if ((found.isEmpty() || found.get().dangling()) && next < lines.size()) {
        Optional<PeriodParser.Found> wrapped =
            wrapped(line, lines.get(next), lines.subList(next + 1, lines.size()));
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
  private static Optional<PeriodParser.Found> wrapped(Line line, Line next, List<Line> after) {
    List<PeriodParser.Month> months = PeriodParser.months(line.text());
    String tail = firstCell(next);
    // "2018/10" | "～" | "2021/03": three rows of one merged period cell.
    if (tail.matches("[~〜～\\-–—]")) {
      int then = nextNonBlank(after, 0);
      if (then < after.size()) {
        tail += firstCell(after.get(then));
      }
    }
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
    // "2017/04" over "2019/06" in the same column: a grid's start row and end row, no sign between.
    if ((joined.isEmpty() || joined.get().start() != 0 || joined.get().end() <= head.length())
        && wholeCell(text, start, end)
        && sameColumn(text, start, next)
        && next.cells().stream().filter(c -> !c.isBlank()).findFirst().orElse("").equals(tail)
        && PeriodParser.months(head).size() == 1
        && PeriodParser.months(tail).size() == 1
        && PeriodParser.months(tail).get(0).start() == 0
        && PeriodParser.months(tail).get(0).end() == tail.length()
        && !PeriodParser.months(tail).get(0).month().isBefore(months.get(0).month())) {
      joined = PeriodParser.find(head + "~" + tail);
    }
    if (joined.isEmpty() || joined.get().start() != 0 || joined.get().end() <= head.length()) {
      return Optional.empty();
    }
    return Optional.of(new PeriodParser.Found(joined.get().period(), start, end, false));
  }

  private static boolean wholeCell(String text, int start, int end) {
    return (start == 0 || text.charAt(start - 1) == '\t')
        && (end == text.length() || text.charAt(end) == '\t');
  }

  // Whether the next line's first filled cell is the column the text's offset stands in.
  private static boolean sameColumn(String text, int offset, Line next) {
    int column = (int) text.substring(0, offset).chars().filter(c -> c == '\t').count();
    for (int c = 0; c < next.cells().size(); c++) {
      if (!next.cells().get(c).isBlank()) {
        return c == column;
      }
    }
    return false;
  }

  private static String firstCell(Line line) {
    return line.cells().stream()
        .filter(c -> !c.isBlank())
        .findFirst()
        .map(c -> firstWord(c))
        .orElse("");
  }

  // PDF text puts an empty line between wrapped lines of one table row.
  private static int nextNonBlank(List<Line> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).blank() && i - from < 2) {
      i++;
    }
    return i;
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
    // "Oct 2022 – Present · Tokyo (hybrid)": a place after it leaves it alone all the same.
    boolean alone =
        (before + PLACE_AFTER.matcher(after).replaceFirst(""))
            .replaceAll("[\\s*_|()\\[\\]]", "")
            .isEmpty();
    if (!labelled && !alone) {
      return anchor.line();
    }
    int floor = Math.max(previousAnchor + 1, anchor.line() - 3);
    for (int i = anchor.line() - 1; i >= floor; i--) {
      Line line = lines.get(i);
      // "事業内容：飲食・小売業向け…" under the employer's heading describes the employer.
      if (line.blank()
          || line.heading()
          || header(line) != null
          || COMPANY_PROFILE_LINE.matcher(line.text()).find()) {
        return i + 1;
      }
      if (TITLE_LIKE.matcher(line.text()).find() || dashedTitle(line.text())) {
        return i;
      }
    }
    return anchor.line();
  }

  // "· Tokyo (hybrid)", "* · Role: Backend Developer · Team: 8": a place or the project's own
  // labelled details after the period.
  private static final Pattern PLACE_AFTER =
      Pattern.compile(
          "^[*_]*\\s*[·•]\\s*(?:[^\\t]{0,40}|(?:role|team|client|position|scope)\\s*:[^\\t]*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DASH = Pattern.compile("\\s[—–―]\\s");

  /**
   * "Senior Mobile Engineer — Kiraboshi Pay K.K.", "Project Leader — X Co., Ltd. (large SIer)": an
   * English résumé's heading of one job, the title on one side of the dash.
   */
  static boolean dashedTitle(String text) {
    if (text.contains("\t")) {
      return false;
    }
    // "### Senior Backend Engineer — Rakuda Tech Inc.": a Markdown heading's marks are no title.
    String[] sides = DASH.split(text.strip().replaceFirst("^[#*_\\s]+", ""), 2);
    return sides.length == 2
        && (ROLE_CELL.matcher(sides[0].strip()).matches()
            || ROLE_CELL.matcher(sides[1].replaceAll("\\s*[(（].*$", "").strip()).matches());
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

  // A ◯/● matrix names the stages in its header row (often the row under a merged "担当工程").
  private static Map<Integer, EngagementPhase> phaseHeader(Line line) {
    if (line.cells().size() < 3) {
      return null;
    }
    Map<Integer, EngagementPhase> columns = new HashMap<>();
    for (int i = 0; i < line.cells().size(); i++) {
      int column = i;
      EngagementFields.phaseColumn(line.cells().get(i)).ifPresent(p -> columns.put(column, p));
    }
    return columns.size() >= 3 ? columns : null;
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
    // "案件概要・担当業務", "言語・FW", "インフラ/ツール": a joined header names its first known part.
    String[] parts = l.split("[・/／&＆]");
    if (parts.length > 1) {
      for (String part : parts) {
        for (Map.Entry<Field, Pattern> e : LABELS.entrySet()) {
          if (!part.isBlank() && e.getValue().matcher(part.strip()).matches()) {
            return e.getKey();
          }
        }
      }
    }
    return null;
  }

  /** An engagement as read, and whether the sheet says it was in-house work (no client). */
  private record Read(WorkHistoryEntry entry, boolean inHouse) {}

  private Read entry(
      List<Line> lines,
      Anchor anchor,
      Map<Integer, Field> columns,
      Map<Integer, EngagementPhase> phaseColumns) {
    Map<Field, List<String>> fields = new EnumMap<>(Field.class);
    Set<EngagementPhase> phases = EnumSet.noneOf(EngagementPhase.class);
    for (Line line : lines) {
      if (line.blank() || line.heading()) {
        continue;
      }
      boolean isAnchor = line.index() == anchor.line();
      String text = line.text();
      if (isAnchor) {
        // Cut the period out, keeping the cells where they are for the column mapping.
        // A period over two cells ("2024/07 | 現在") leaves its tab behind.
        String period = text.substring(anchor.found().start(), anchor.found().end());
        text =
            text.substring(0, anchor.found().start())
                + "\t".repeat((int) period.chars().filter(c -> c == '\t').count())
                + text.substring(anchor.found().end());
      }
      List<String> cells = List.of(text.split("\t", -1));
      if (!columns.isEmpty() && line.cells().size() > 1) {
        List<String> original = line.cells();
        for (int i = 0; i < original.size(); i++) {
          String cell = original.get(i);
          if (isAnchor && i < cells.size()) {
            cell = cells.get(i);
          }
          if (phaseColumns.containsKey(i)) {
            if (EngagementFields.marked(cell)) {
              phases.add(phaseColumns.get(i));
            }
            continue;
          }
          Field f = columns.getOrDefault(i, Field.OTHER);
          if (cell.isBlank() || f != Field.TEAM && cell.strip().matches("\\d{1,3}\\.?")) {
            continue; // a row number ("No" column)
          }
          add(fields, f == Field.PERIOD ? Field.OTHER : f, cell);
        }
        continue;
      }
      // A two-column table of label and value ("| 役割 | PL |"), as Word and HTML sheets write it.
      if (cells.size() == 2 && !cells.get(1).isBlank() && !isAnchor) {
        String first = cells.get(0).strip();
        boolean bareLabel = SheetLines.firstColon(first) < 0 || first.matches(".*[:：]\\s*$");
        Field labelled = bareLabel && first.length() <= 20 ? fieldOf(first) : null;
        if (labelled != null) {
          if (labelled != Field.PERIOD) {
            add(fields, labelled, cells.get(1));
          }
          continue;
        }
      }
      // "顧客 | 医療法人青葉会 | 規模 | 4名": a Word table of label and value pairs, two to a row.
      if (cells.size() >= 4 && cells.size() % 2 == 0 && pairedLabels(cells)) {
        for (int i = 0; i < cells.size(); i += 2) {
          Field labelled = fieldOf(cells.get(i).strip());
          if (labelled != Field.PERIOD && !cells.get(i + 1).isBlank()) {
            add(fields, labelled, cells.get(i + 1));
          }
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
          // "Mobile Developer — Nexora Software Pvt. Ltd." over the period names the title; one
          // below it ("AWS Certified Developer – Associate") is no job.
          if (line.index() <= anchor.line() && dashedTitle(c)) {
            add(fields, Field.JOB_HEADING, c);
          }
        } else {
          String value = c.substring(colon + 1).strip();
          if (!value.isEmpty() && labelled != Field.PERIOD) {
            add(fields, labelled, value);
          }
        }
      }
    }
    String all =
        String.join(
            "\n",
            fields.entrySet().stream()
                .filter(e -> e.getKey() != Field.JOB_HEADING)
                .flatMap(e -> e.getValue().stream())
                .toList());
    for (String value : fields.getOrDefault(Field.PHASES, List.of())) {
      phases.addAll(EngagementFields.phasesIn(value));
    }
    // "担当: 詳細設計～結合テスト" names stages, not a role; a cell of nothing but stages likewise.
    for (Field f : List.of(Field.ROLE, Field.OTHER, Field.DESCRIPTION)) {
      List<String> values = fields.getOrDefault(f, List.of());
      for (String value : List.copyOf(values)) {
        if (!ROLE_CELL.matcher(value.strip()).matches() && EngagementFields.onlyPhases(value)) {
          phases.addAll(EngagementFields.phasesIn(value));
          values.remove(value);
        }
      }
    }
    String role = role(fields);
    Integer team = teamSize(fields);
    List<String> tech = technologies(all);
    EngagementFields.Client client = company(fields);
    String project = project(fields);
    List<String> description = new ArrayList<>();
    description.addAll(fields.getOrDefault(Field.DESCRIPTION, List.of()));
    description.addAll(fields.getOrDefault(Field.EMPLOYER, List.of()));
    for (String other : fields.getOrDefault(Field.OTHER, List.of())) {
      if (!other.equals(role) && !isTeamOnly(other)) {
        description.add(other);
      }
    }
    String text = String.join("\n", description).strip();
    if (text.codePointCount(0, text.length()) > WorkHistoryEntry.DESCRIPTION_LIMIT) {
      text = text.substring(0, text.offsetByCodePoints(0, WorkHistoryEntry.DESCRIPTION_LIMIT));
    }
    // "Client: a Japanese online bank; prime contractor: …": the label's value ends at the ";".
    String company =
        client.company() == null
            ? null
            : EngagementFields.withoutNote(client.company().replaceFirst("\\s*[;；]+$", ""));
    WorkHistoryEntry entry =
        new WorkHistoryEntry(
            company == null ? null : limit(company, 200),
            client.via().stream()
                .filter(v -> !v.isBlank())
                .map(v -> limit(v, 200))
                .limit(5)
                .toList(),
            project == null ? null : limit(project, 200),
            anchor.period(),
            role == null ? null : limit(role, 200),
            team,
            List.copyOf(phases),
            tech,
            text);
    return new Read(entry, company == null && client.endNamed());
  }

  private static boolean pairedLabels(List<String> cells) {
    for (int i = 0; i < cells.size(); i += 2) {
      String label = cells.get(i).strip();
      if (label.isEmpty() || label.length() > 12 || fieldOf(label) == null) {
        return false;
      }
    }
    return true;
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

  // "S E", "P G→S E": a PDF that spaced out the letters of a role's abbreviation.
  private static final Pattern SPACED_LETTERS =
      Pattern.compile("(?<![A-Za-z])([A-Z]) (?=[A-Z](?![A-Za-z]))");

  static String joinedLetters(String value) {
    return SPACED_LETTERS.matcher(value).replaceAll("$1");
  }

  private static String role(Map<Field, List<String>> fields) {
    List<String> labelled =
        fields.getOrDefault(Field.ROLE, List.of()).stream()
            .map(WorkHistoryReader::joinedLetters)
            .toList();
    // "担当：当初PM補佐として参画し…" then "役割：PM補佐 → PM": the field that is nothing but the role
    // says it better than a sentence that mentions one.
    if (labelled.size() > 1) {
      for (String value : labelled) {
        String whole = roleCell(value);
        if (!whole.isEmpty() && ROLE_CELL.matcher(whole).matches()) {
          return whole;
        }
      }
    }
    for (String value : labelled) {
      String role = roleValue(value);
      if (role != null) {
        return role;
      }
    }
    // "Sakuragi Net Solutions Co., Ltd. — Infrastructure Engineer": a company cell with the title.
    // "Senior Mobile Engineer — Kiraboshi Pay K.K.": the title before the dash.
    for (String value : fields.getOrDefault(Field.JOB_HEADING, List.of())) {
      String title = DASH.split(value.strip(), 2)[0].strip();
      if (ROLE_CELL.matcher(title).matches()) {
        return title;
      }
    }
    for (Field f : List.of(Field.CLIENT, Field.EMPLOYER, Field.PROJECT)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Matcher titled = TITLE_AFTER_DASH.matcher(value);
        if (titled.find()) {
          // "— Operator / Junior Engineer": a title of two roles, or of its first line only
          String title = titled.group(1).strip();
          String tail =
              TITLE_TAIL.matcher(value.substring(titled.start(1))).replaceFirst("").strip();
          if (ROLE_CELL.matcher(tail).matches()) {
            return tail;
          }
          if (ROLE_CELL.matcher(title).matches()) {
            return title;
          }
          String first = title.split("\\s/\\s")[0].strip();
          if (ROLE_CELL.matcher(first).matches()) {
            return first;
          }
        }
      }
    }
    for (String other : fields.getOrDefault(Field.OTHER, List.of())) {
      String cell = joinedLetters(withoutTeam(TEAM_NOTE.matcher(other).replaceAll("").strip()));
      if (ROLE_CELL.matcher(cell).matches()) {
        return cell;
      }
    }
    for (Field f : List.of(Field.OTHER, Field.DESCRIPTION)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Matcher m = ROLE_IN_TEXT.matcher(value);
        if (m.find()) {
          return m.group().strip();
        }
      }
    }
    return null;
  }

  // "Co., Ltd. — Operator / Junior Engineer", "— Staff SRE Client: a bank": the title ends at a
  // bracket, a line break or the next label.
  private static final Pattern TITLE_TAIL =
      Pattern.compile("\\s*(?:[(（]|(?:End\\s+)?Client\\s*:).*$", Pattern.DOTALL);
  private static final Pattern TITLE_AFTER_DASH =
      Pattern.compile(
          "\\s[—–―]\\s*([^()（）—–―]{2,40}?)\\s*(?:[(（]|\\s/\\s|(?<=[A-Za-z])(?=\\s*(?:End\\s+)?Client\\s*:)|$)");

  // "Network Architect (team of 4, whole project 25)", "リーダー（5名）": the size is the team's field.
  private static final Pattern TEAM_NOTE =
      Pattern.compile(
          "\\s*[(（][^)）]*(?:\\d|名|人|team|people|members)[^)）]*[)）]\\s*$", Pattern.CASE_INSENSITIVE);

  // "PL／8名", "SE / チーム6名": a role cell that gives the team size too.
  // "ABAP開発者10名", "FIリードFIチーム8名", "PG【規模】3~5名", "Android Engineer, team of 4": a PDF
  // that ran the role and team cells together.
  private static String withoutTeam(String value) {
    String v = roleThenTeam(value).map(split -> split[0]).orElse(value).strip();
    v = v.replaceAll(",?\\s*\\(?(?i:team of|team size:?)\\s*\\d{1,4}\\)?$", "").strip();
    String glued =
        v.replaceAll(
                "(?:【(?:規模|体制|人数)】|[A-Za-z/]{0,8}チーム|全体|計|体制|開発)?\\s*[:：]?\\s*\\d{1,4}"
                    + "(?:\\s*[~〜\\-]\\s*\\d{1,4})?\\s*(?:名|人)(?:体制|規模)?$",
                "")
            .strip();
    return glued.codePointCount(0, glued.length()) < 2 ? v : glued;
  }

  // One member of a team written as its make-up: "PG3名", "PM1", "リーダー1", "DS3".
  private static final String TEAM_ITEM =
      "[A-Za-zァ-ヶー一-龯]{1,12}\\s*\\d{1,3}\\s*(?:名|人)?(?:\\s*[(（][^()（）]{1,8}[)）])?";
  private static final Pattern TEAM_MAKE_UP =
      Pattern.compile(
          TEAM_ITEM + "(?:\\s*[、,・/／]\\s*|\\s+)(?:" + TEAM_ITEM + "(?:\\s*[、,・/／]\\s*|\\s+)?)+");

  // What may follow a role in the same cell and is all about the team: "8～10名", "チーム6名",
  // "QA3名", "PM1名、PL1名（本人）、PG3名", "不明", "team of 3–4", "managed 3 engineers".
  private static final Pattern TEAM_TAIL =
      Pattern.compile(
          "(?:[A-Za-z]{0,8}(?:チーム|全体|計|規模|体制)\\s*[:：]?\\s*)?約?\\s*\\d{1,4}(?:\\s*[~〜～\\-–—]\\s*\\d{1,4})?"
              + "\\s*(?:名|人)(?:程度|前後|体制|規模)?(?:\\s*[(（][^()（）]*[)）])?"
              + "|不明|非公開"
              + "|"
              + TEAM_MAKE_UP.pattern()
              + "|[A-Za-zァ-ヶー一-龯]{1,12}\\s*\\d{1,3}\\s*(?:名|人)"
              + "|(?:team of|team size:?|managed|managing|leading|led)\\s*(?:a team of\\s*)?\\d{1,4}"
              + "(?:\\s*[~〜\\-–—]\\s*\\d{1,4})?"
              + "(?:\\s*(?:engineers?|developers?|people|members?|persons|devs|staff))?"
              + "|\\d{1,4}(?:\\s*[~〜\\-–—]\\s*\\d{1,4})?\\s*(?:engineers?|developers?|people|members?|persons)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAIL_SEPARATOR =
      // "FI/CO" is one word: a slash between two Latin letters separates only a counted member
      // ("PL/PM1名、PG3名").
      Pattern.compile(
          "(?:\\s*(?:[／·|\\n]|(?<![A-Za-z])/|/(?![A-Za-z])|/(?=[A-Za-z]{1,4}\\s*\\d)"
              + "|(?<=[A-Za-z])\\.\\s+|,|、)\\s*)+");
  // "MLエンジニアPM1、DS3": a PDF ran the role into the team's first member.
  private static final Pattern FIRST_MEMBER_GLUED =
      Pattern.compile("(?<=[ァ-ヶー一-龯a-z])[A-Z]{1,4}\\s*\\d{1,3}(?:名|人)?$");

  /**
   * A role cell that goes on to its team ("QAリード／QA3名", "MLエンジニア / PM1、DS3、エンジニア2", "Flutter
   * Engineer. Team of 3."): the role, then the team, split where the rest is all team.
   */
  static Optional<String[]> roleThenTeam(String value) {
    Matcher separator = TAIL_SEPARATOR.matcher(value);
    while (separator.find()) {
      String role = value.substring(0, separator.start()).strip();
      String team = value.substring(separator.end()).strip().replaceAll("[.。]$", "").strip();
      // "PM1名、PL1名、メンバー4名" is all team and names no role.
      if (TEAM_TAIL.matcher(role).matches()) {
        return Optional.empty();
      }
      if (!role.isEmpty() && TEAM_TAIL.matcher(team).matches()) {
        Matcher glued = FIRST_MEMBER_GLUED.matcher(role);
        if (glued.find() && TEAM_MAKE_UP.matcher(glued.group() + "、" + team).matches()) {
          return Optional.of(
              new String[] {role.substring(0, glued.start()), glued.group() + "、" + team});
        }
        return Optional.of(new String[] {role, team});
      }
    }
    return Optional.empty();
  }

  private static final Pattern MEMBER_COUNT = Pattern.compile("\\d{1,3}");

  // A team's make-up counts its members, with or without 名 ("PM1、DS3、エンジニア2" is 6).
  private static Integer tailTeamSize(String team) {
    if (TEAM_MAKE_UP.matcher(team).matches()) {
      Matcher number = MEMBER_COUNT.matcher(team.replaceAll("[(（][^()（）]*[)）]", ""));
      int sum = 0;
      while (number.find()) {
        sum += Integer.parseInt(number.group());
      }
      return valid(sum);
    }
    return teamSize(team, true);
  }

  // "1名で担当", "単独", "一人で対応": how many did the work, not in what role.
  private static final Pattern HEAD_COUNT_ONLY =
      Pattern.compile("^(?:\\d{1,3}\\s*(?:名|人)|単独|一人|ひとり|独力)\\s*(?:で|のみ)?\\s*(?:担当|対応|開発|作業|実施)?$");

  // A role field without its team notes: "SE / サブリーダー" whole, else the line that is no team.
  private static String roleCell(String value) {
    String v = roleThenTeam(value.strip()).map(split -> split[0]).orElse(value.strip());
    String whole = withoutTeam(TEAM_NOTE.matcher(v).replaceAll("").strip());
    if (!ROLE_CELL.matcher(whole).matches()) {
      // "テックリード / チーム6名": the cell's other lines give the team, not the role.
      for (String segment : v.split(" / ")) {
        if (teamSize(segment, false) == null || ROLE_CELL.matcher(segment.strip()).lookingAt()) {
          v = segment.strip();
          break;
        }
      }
    }
    v = TEAM_NOTE.matcher(v).replaceAll("").strip();
    v = withoutTeam(v);
    return v.replaceAll("^[■□◆◇●・*\\-]+\\s*", "").replaceAll("\\s*[。.、,·•|]$", "").strip();
  }

  // The value of a role field: as written when short, else the role named inside the sentence.
  private static String roleValue(String value) {
    String v = roleCell(value);
    if (v.isEmpty()
        || !ROLE_CELL.matcher(v).matches() && EngagementFields.onlyPhases(v)
        || HEAD_COUNT_ONLY.matcher(v).matches()) {
      return null;
    }
    // "Java、Struts1、Db2" under a 役割 header the PDF's columns slid onto: a list with no role word.
    boolean list = v.matches(".*[、,].*") && !ROLE_IN_TEXT.matcher(v).find();
    if (v.codePointCount(0, v.length()) <= 30 && !v.contains("。") && !list) {
      return v;
    }
    Matcher m = ROLE_IN_TEXT.matcher(v);
    return m.find() ? m.group().strip() : null;
  }

  private static Integer teamSize(Map<Field, List<String>> fields) {
    for (String value : fields.getOrDefault(Field.TEAM, List.of())) {
      // "PM1 / コンサル4 / 開発6": a make-up without 名 (one with it is read below, 全体 and うち apart).
      Integer n =
          value.matches(".*(?:名|人).*") ? teamSize(value, true) : tailTeamSize(value.strip());
      if (n != null) {
        return n;
      }
    }
    for (String value : fields.getOrDefault(Field.ROLE, List.of())) {
      Optional<String[]> split = roleThenTeam(value);
      if (split.isPresent()) {
        Integer n = tailTeamSize(split.get()[1]);
        if (n != null) {
          return n;
        }
      }
    }
    for (Field f : List.of(Field.OTHER, Field.DESCRIPTION, Field.ROLE)) {
      for (String value : fields.getOrDefault(f, List.of())) {
        Integer n = teamSize(value, f == Field.TEAM);
        if (n != null) {
          return n;
        }
      }
    }
    return null;
  }

  // "PM1名、モバイル3名、サーバー2名": a team written as its make-up is the sum.
  private static final Pattern COMPOSITION_PART =
      Pattern.compile("([A-Za-zァ-ヶー一-龯/]{1,12})\\s*:?\\s*(\\d{1,3})\\s*(?:名|人)");

  private static final Pattern OWN_SIDE_COUNT =
      Pattern.compile("(?:当社|弊社|自社)側?\\s*[:：]?\\s*(\\d{1,4})\\s*(?:名|人)");
  private static final Pattern OTHER_PARTY = Pattern.compile("側|顧客|先方|お客様|ベンダー");
  private static final Pattern COUNTED = Pattern.compile("\\d{1,4}\\s*(?:名|人)");

  static Integer teamSize(String text, boolean bareNumberCounts) {
    // "事業内容：… 従業員数：45名" under an employer's heading counts the company, not a team.
    text = COMPANY_HEADCOUNT.matcher(text).replaceAll("");
    // "3～5名", "team of 4–6", "5-6 developers": a range counts its upper bound.
    text =
        RANGE
            .matcher(text)
            .replaceAll(
                r -> {
                  int low = Integer.parseInt(r.group(1));
                  int high = Integer.parseInt(r.group(2));
                  return low < high && high < 1000 ? r.group(2) : r.group();
                });
    // "当社3名／顧客インフラチーム10名": the engineer's own side is the team.
    Matcher own = OWN_SIDE_COUNT.matcher(text);
    if (own.find()) {
      return valid(Integer.parseInt(own.group(1)));
    }
    if (!text.contains("全体") && !text.contains("チーム")) {
      // "QA 3名（開発20名）": the bracket notes the others beside the team, no member of it.
      String outside = text.replaceAll("[(（][^()（）]*[)）]", "");
      Matcher part = COMPOSITION_PART.matcher(COUNTED.matcher(outside).find() ? outside : text);
      int parts = 0;
      int sum = 0;
      while (part.find()) {
        // "PMO2名、ベンダー側15名": the other party's people are not the engineer's team.
        if (OTHER_PARTY.matcher(part.group(1)).find()) {
          continue;
        }
        parts++;
        sum += Integer.parseInt(part.group(2));
      }
      if (parts >= 2 || parts == 1 && OTHER_PARTY.matcher(text).find()) {
        return valid(sum);
      }
    }
    Matcher m = TEAM_SIZE.matcher(text);
    Integer first = null;
    while (m.find()) {
      for (String g : List.of("u", "t", "e", "p")) {
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

  private static final Pattern RANGE =
      Pattern.compile(
          "(\\d{1,4})\\s*[~〜～\\-–—]\\s*(\\d{1,4})(?=\\s*(?:名|人|engineers?|developers?|people|members?"
              + "|persons|devs)|\\s*[)）]?\\s*$)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COMPANY_HEADCOUNT =
      Pattern.compile(
          "(?:従業員数|従業員|社員数|職員数|employees)\\s*[:：]?\\s*(?:約|連結)?\\s*[\\d,]+\\s*(?:名|人)?",
          Pattern.CASE_INSENSITIVE);

  private static Integer valid(int n) {
    return n >= 1 && n <= 10_000 ? n : null;
  }

  private static boolean isTeamOnly(String text) {
    return text.matches("^(?:全体)?\\s*\\d{1,4}\\s*(?:名|人)(?:\\s*[(（].*[)）])?$");
  }

  private List<String> technologies(String text) {
    return SkillMentions.canonical(taxonomy, text);
  }

  // "大手SIer経由、大手損害保険会社向け": the chain and the client in the project's summary.
  private static final Pattern VIA_IN_TEXT =
      Pattern.compile("([^\\s\\t、,。/:()「」【】]{2,20})(?:経由|からの(?:二次|三次)?請け|の(?:一次|二次)?請け)");
  // "A社（元請）経由で": a company reached through, with a note on where it stands.
  private static final Pattern VIA_WITH_NOTE =
      Pattern.compile("([^\\s\\t、,。/:()「」【】]{2,20})(?:[(（][^()（）]{1,12}[)）])?経由");

  private static List<String> viaBefore(String value, int end) {
    List<String> found = new ArrayList<>();
    Matcher m = VIA_WITH_NOTE.matcher(value.substring(0, end));
    while (m.find()) {
      found.add(m.group(1).replaceAll("^[■□◆◇●・※*\\-]+", ""));
    }
    return found;
  }

  private static final Pattern FOR_CLIENT =
      Pattern.compile("([^\\s\\t、,。/:()「」【】■◆●・]{2,24}?)(?:様)?向け");

  // What comes before 向け is a client when it reads like one ("大手アパレル", "製造業"), not a user
  // group ("配達員向けアプリ").
  private static final Pattern CLIENTISH =
      Pattern.compile(
          "^(?:大手|中堅|国内|外資|地方|某|大規模|中小|全国|首都圏|関西)|(?:"
              + CLIENT_KINDS
              + "|業|社|機関|大学|グループ|スタートアップ|小売|アパレル|通販|EC|SIer|ベンダー|局|塾|学校|協会|団体|組合)$");

  private static final Pattern CLIENT_LABEL =
      Pattern.compile(
          // "…（SIer経由）エンド：中堅生命保険会社": a label right after a bracket or a sentence
          "(?:(?:^|[\\s/|、(（)）。])(?:エンド(?:ユーザー|クライアント)?|顧客|クライアント|客先|発注元|常駐先|客先常駐|参画先|就業先"
              // "業種：生命保険（大手） / 基幹システム…": a client named by its industry alone
              + "|派遣先|業種|業界|client|end client"
              + "|customer)\\s*[:：]|【(?:エンド(?:ユーザー|クライアント)?|顧客|クライアント|客先|発注元|常駐先)】\\s*[:：]?)\\s*"
              + "([^/|\\t【]{2,60})",
          Pattern.CASE_INSENSITIVE);

  // "クライアントは大手ドラッグストアチェーン。", "顧客 地方テレビ局（受託）": the label in a sentence or
  // before a space; only a name that reads like a client counts.
  private static final Pattern CLIENT_IN_SENTENCE =
      Pattern.compile(
          "(?:^|[\\s/|、。(（】])(?:エンド(?:ユーザー|クライアント)?|顧客|クライアント|客先|お客様)(?:は|\\s+)\\s*"
              // "商流: エンド ← 大手SIer ← 自社": a chain's unnamed end, not a sentence naming it
              + "(?![←→<>])([^/|\\t、。,:：「」【】・]{2,40}?(?:[(（][^()（）]{1,40}[)）])?)(?=[/|\\t、。,・]|$|に|で|の|\\s+[/(（])");

  private static final Pattern SIZE_ONLY = Pattern.compile("(?:大手|中堅|中小|某|国内|外資系?|地方|地元|都内|全国)");

  // "A社（元請）経由でB社に常駐", "大手SIer経由で物流会社へ常駐": where the engineer worked is the client.
  private static final Pattern STATIONED_AT =
      Pattern.compile("(?:^|[\\s、。,・/)）]|経由で|経由、)([^\\s、。,・/:()（）「」【】]{2,30}?)(?:様)?(?:に|へ|で)常駐");

  // "エージェント（株式会社X）経由で株式会社Yに参画": after the company it came through, the client.
  private static final Pattern JOINED_THROUGH =
      Pattern.compile("経由(?:で|、)?\\s*([^\\s、。,/:()（）「」【】]{2,30}?)(?:様)?(?:に|へ)(?:参画|参加|配属|アサイン)");

  // "… (contract design house), assigned to a major home appliance maker": the English 常駐.
  private static final Pattern ASSIGNED_TO =
      Pattern.compile(
          // "Through Nexa Staffing K.K. at a major Japanese game publisher": the agency, then the
          // client
          "(?<![A-Za-z])(?:(?:assigned|seconded|dispatched|on[- ]site)\\s+(?:to|at)"
              + "|(?:through|via)\\s+[A-Z][^,;()]{1,60}?\\s+at)\\s+(?:an?\\s+|the\\s+)?"
              + "([A-Za-z][A-Za-z0-9&.,\\- ]{2,60}?)(?=\\s*[(;/|]|\\.\\s|\\.?$|\\s+(?:for|as|to|via)\\s)",
          Pattern.CASE_INSENSITIVE);

  // "地方銀行の稟議ワークフロー刷新", 「大手製薬会社の基幹システム…」: a title or sentence that opens with
  // the client's kind in the genitive.
  private static final Pattern GENITIVE_CLIENT =
      Pattern.compile(
          "^(?:[■□◆◇●○・*\\-]\\s*)?((?:大手|中堅|某|地方|国内|外資系?|全国|首都圏)?[^\\s/、。,:()「」【】の]{0,16}?"
              + "(?:"
              + CLIENT_KINDS
              + "|証券|生保|損保|法人|組合|大学|チェーン|放送局|テレビ局|学習塾|協会|団体|(?<![事作営授])業))の(?=\\S)");

  // "Kiraboshi Pay K.K. (in-house product)": the employer's own product, wherever it is written.
  private static final Pattern IN_HOUSE_ENTITY =
      Pattern.compile(
          "(?:K\\.K\\.|Inc\\.?|Co\\.,? Ltd\\.?|Ltd\\.?|LLC|Corp\\.?|株式会社\\S{0,20}|\\S{1,20}株式会社)\\s*"
              + "[(（]\\s*(?:in-house|自社開発|自社サービス|自社プロダクト)");

  // "Backend for our own booking app", "In-house product; no client": an English entry saying the
  // work was the employer's own, whose name the heading gives.
  private static final Pattern IN_HOUSE_WORK =
      Pattern.compile(
          "(?<![\\w-])(?:in-house (?:[\\w-]+ ){0,2}?(?:product|platform|service|app|r&d|tool|system)"
              + "|our own|no client)(?![\\w-])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NAME_BEFORE_BRACKET =
      Pattern.compile("(?:^|\\s/\\s)\\s*([^\\s/、。,:()（）「」【】]{2,30})\\s*[(（]$");

  private static EngagementFields.Client company(Map<Field, List<String>> fields) {
    EngagementFields.Client read = companyAndChain(fields);
    // "大手SIer" beside "大手SIer(J社)": one company, read twice.
    List<String> via =
        read.via().stream()
            .filter(
                v ->
                    read.via().stream()
                        .noneMatch(
                            o -> !o.equals(v) && o.startsWith(v) && o.charAt(v.length()) == '('))
            .toList();
    return via.size() == read.via().size()
        ? read
        : new EngagementFields.Client(read.company(), via, read.endNamed());
  }

  private static EngagementFields.Client companyAndChain(Map<Field, List<String>> fields) {
    List<String> via = new ArrayList<>();
    String named = null;
    for (String value : fields.getOrDefault(Field.VIA, List.of())) {
      // "【…／元請：大手SIer】Web取引…": a label inside a bracketed head ends with the bracket.
      value = value.replaceFirst("】.*$", "");
      EngagementFields.Client chain = EngagementFields.client(value);
      if (chain.via().isEmpty() && chain.company() != null && !chain.endNamed()) {
        via.add(chain.company());
      } else {
        via.addAll(chain.via());
        // "商流: エンド: 国内自動車メーカー / 発注元: …" names the client in the chain.
        if (chain.endNamed() && named == null) {
          named = chain.company();
        }
      }
    }
    for (String value : fields.getOrDefault(Field.CLIENT, List.of())) {
      // "自社受託 物流会社向け販売管理システム開発": the own company's contract names its client.
      Optional<String> contracted = contractedFor(value);
      if (contracted.isPresent()) {
        return new EngagementFields.Client(contracted.get(), via);
      }
      if (EngagementFields.ownSide(value)
          || NO_CLIENT.matcher(value).lookingAt()
          || FORMER_EMPLOYER.matcher(value).lookingAt()
          || IN_HOUSE_NOTE.matcher(value).find()) {
        return new EngagementFields.Client(null, via, true); // "自社（受託開発）": in-house work
      }
      if (SAME_AS_ABOVE.matcher(value).lookingAt()) {
        return new EngagementFields.Client(null, via); // the engagement above names it
      }
      if (EMPLOYMENT_NOTE.matcher(value).find()) {
        continue; // "株式会社X（正社員・SIer）": the engineer's employer, not a client
      }
      value = SELF_EMPLOYED_LINE.matcher(value).replaceFirst("");
      // "Hokuto Electric Co., Ltd. (contract design house), assigned to a major maker": the
      // employer, and where it sent the engineer.
      Matcher assigned = ASSIGNED_TO.matcher(value);
      if (assigned.find() && !clean(assigned.group(1)).isEmpty()) {
        return new EngagementFields.Client(clean(assigned.group(1)), via);
      }
      EngagementFields.Client client = EngagementFields.client(value);
      if (client.company() != null && MANY_CLIENTS.matcher(client.company()).find()) {
        return new EngagementFields.Client(null, via, true); // "金融・EC・官公庁など多数": no one client
      }
      // "食品卸売業 会計システム保守" in a 顧客／案件名 column: the client, then the project's title.
      if (client.company() != null
          && client.company().matches("\\S+\\s+\\S.*")
          && !client.company().matches("[\\x00-\\x7F]+")) {
        Optional<EngagementFields.Client> leading = leadingClient(client.company());
        if (leading.isPresent()) {
          List<String> all = new ArrayList<>(client.via());
          leading.get().via().stream().filter(v -> !all.contains(v)).forEach(all::add);
          via.stream().filter(v -> !all.contains(v)).forEach(all::add);
          return new EngagementFields.Client(leading.get().company(), all);
        }
      }
      if (client.company() != null) {
        List<String> all = new ArrayList<>(client.via());
        all.addAll(via);
        // "大手物流会社（エンド） ※元請：大手SIer": the note names the company in between.
        for (String prime : EngagementFields.labelledPrimes(value)) {
          if (!all.contains(prime) && !EngagementFields.ownSide(prime)) {
            all.add(prime);
          }
        }
        return new EngagementFields.Client(client.company(), all);
      }
    }
    if (named != null) {
      return new EngagementFields.Client(named, via);
    }
    List<String> texts = new ArrayList<>();
    for (Field f : List.of(Field.PROJECT, Field.DESCRIPTION, Field.OTHER)) {
      texts.addAll(fields.getOrDefault(f, List.of()));
    }
    // "… / エンド:外食チェーン / …", "クライアント:株式会社X(元請:Y)" inside a description cell,
    // or beside the team size ("8名（エンド：ネット証券会社、元請：X）").
    List<String> labelledTexts = new ArrayList<>(texts);
    labelledTexts.addAll(fields.getOrDefault(Field.TEAM, List.of()));
    // "所属：株式会社X（SES）→ 客先常駐：Y": the employer's line names where the work was.
    labelledTexts.addAll(fields.getOrDefault(Field.EMPLOYER, List.of()));
    for (String value : labelledTexts) {
      Matcher labelled = CLIENT_LABEL.matcher(value);
      if (labelled.find()) {
        String labelledName = labelled.group(1);
        // "【顧客】某メガバンク・FortiGateによる…": a ・ ends the name unless a legal name holds it
        // ("株式会社ハルモニア・データ").
        int dot = labelledName.indexOf('・');
        String afterDot = dot > 0 ? labelledName.substring(dot + 1).split("[(（、,\\s]")[0] : "";
        if (dot > 0
            && !CLIENTISH.matcher(afterDot).find()
            && !afterDot.matches(".*(?:各社|業)$")
            && !labelledName.substring(0, dot).matches(".*(?:株式会社|有限会社|合同会社|\\(株\\)).*")) {
          labelledName = labelledName.substring(0, dot);
        }
        if (EngagementFields.ownSide(labelledName)) {
          return new EngagementFields.Client(null, via, true); // "【顧客】自社"
        }
        // "客先：株式会社X（元請）経由で大学病院に常駐": the label's value says where the work was.
        Matcher stationed = STATIONED_AT.matcher(labelledName);
        if (stationed.find()) {
          String at = clean(stationed.group(1).replaceFirst("^.*経由(?:で|、)?", ""));
          if (!at.isEmpty() && !EngagementFields.ownSide(at)) {
            List<String> all = new ArrayList<>(via);
            viaBefore(labelledName, stationed.end(1)).stream()
                .filter(v -> !all.contains(v))
                .forEach(all::add);
            return new EngagementFields.Client(at, all);
          }
        }
        EngagementFields.Client client = EngagementFields.client(labelledName);
        if (client.company() != null) {
          List<String> all = new ArrayList<>(client.via());
          // "損保系システム会社（エンド：大手損保）": the company the bracket hangs on stands between.
          Matcher between = NAME_BEFORE_BRACKET.matcher(value.substring(0, labelled.start() + 1));
          if (between.find()
              && !EngagementFields.ownSide(between.group(1))
              && teamSize(between.group(1), true) == null
              && !all.contains(between.group(1))) {
            all.add(between.group(1));
          }
          all.addAll(via);
          return new EngagementFields.Client(client.company(), all);
        }
      }
    }
    for (String value : labelledTexts) {
      Matcher sentence = CLIENT_IN_SENTENCE.matcher(value);
      while (sentence.find()) {
        String said = sentence.group(1);
        // "エンドは中堅の介護サービス事業者。": a size or place before の opens the name, it is not all of it.
        if (SIZE_ONLY.matcher(said.strip()).matches() && value.startsWith("の", sentence.end(1))) {
          int from = sentence.start(1);
          said = value.substring(from, Math.min(value.length(), from + 40)).split("[、。,/|\\t]")[0];
        } else if (value.startsWith("の", sentence.end(1))) {
          // "クライアントは大手出版社の株式会社X様": the description, then the client's own name.
          String after = value.substring(sentence.end(1) + 1);
          Optional<String> own = EngagementFields.legalEntity(after);
          if (own.isPresent() && after.startsWith(own.get())) {
            said = own.get();
          }
        }
        EngagementFields.Client client = EngagementFields.client(said);
        String name = client.company();
        if (name != null
            && !EngagementFields.ownSide(name)
            && !MANY_CLIENTS.matcher(name).find()
            && (CLIENTISH.matcher(name).find()
                || LEADING_CLIENTISH.matcher(name).find()
                || EngagementFields.legalEntity(name).isPresent())) {
          List<String> all = new ArrayList<>(client.via());
          via.stream().filter(v -> !all.contains(v)).forEach(all::add);
          return new EngagementFields.Client(name, all);
        }
      }
    }
    for (String value : texts) {
      Matcher joined = JOINED_THROUGH.matcher(value);
      if (joined.find()) {
        String name = clean(joined.group(1));
        if (!EngagementFields.ownSide(name)
            && (EngagementFields.legalEntity(name).filter(name::equals).isPresent()
                || CLIENTISH.matcher(name).find())) {
          List<String> all = new ArrayList<>(via);
          // "エージェント（株式会社X）経由": the agent by its own name when it gives one.
          String before = value.substring(0, joined.start());
          Optional<String> agent =
              EngagementFields.legalEntity(before.substring(Math.max(0, before.length() - 40)));
          List<String> through =
              agent.isPresent() ? List.of(agent.get()) : viaBefore(value, joined.start() + 2);
          through.stream().filter(v -> !all.contains(v)).forEach(all::add);
          return new EngagementFields.Client(name, all);
        }
      }
      Matcher stationed = STATIONED_AT.matcher(value);
      if (stationed.find()) {
        String name = clean(stationed.group(1).replaceFirst("^.*経由(?:で|、)?", ""));
        if (!EngagementFields.ownSide(name) && !MANY_CLIENTS.matcher(name).find()) {
          List<String> all = new ArrayList<>(via);
          for (String v : viaBefore(value, stationed.end(1))) {
            if (!all.contains(v)) {
              all.add(v);
            }
          }
          return new EngagementFields.Client(name, all);
        }
      }
      Matcher assigned = ASSIGNED_TO.matcher(value);
      if (assigned.find()) {
        String name = clean(assigned.group(1));
        if (!name.isEmpty() && !EngagementFields.ownSide(name)) {
          List<String> all = new ArrayList<>(via);
          EngagementFields.englishVia(value).stream()
              .filter(v -> !all.contains(v))
              .forEach(all::add);
          return new EngagementFields.Client(name, all);
        }
      }
    }
    for (String value : texts) {
      if (IN_HOUSE_ENTITY.matcher(value).find() || IN_HOUSE_WORK.matcher(value).find()) {
        return new EngagementFields.Client(null, via, true);
      }
    }
    // "商流：エンド→大手SIer→(株)X→当社" on a line of the project's cell: the chain, and the client
    // when the chain names it.
    for (String value : texts) {
      Matcher flow = FLOW_IN_TEXT.matcher(value);
      if (flow.find()) {
        EngagementFields.Client chain = EngagementFields.client("商流:" + flow.group(1));
        for (String v : chain.via()) {
          if (!via.contains(v)) {
            via.add(v);
          }
        }
        if (chain.endNamed() && chain.company() != null) {
          return new EngagementFields.Client(chain.company(), via);
        }
      }
    }
    // "元請：大手SIer", "（元請：大手SIer C社）" in the project's text: the company above the engineer's.
    for (String value : texts) {
      for (String name : EngagementFields.labelledPrimes(value)) {
        if (!via.contains(name) && !EngagementFields.ownSide(name)) {
          via.add(name);
        }
      }
    }
    for (String value : texts) {
      Matcher m = VIA_IN_TEXT.matcher(value);
      while (m.find()) {
        String name = m.group(1).replaceAll("^[■□◆◇●・※*\\-]+", "");
        if (!via.contains(name)) {
          via.add(name);
        }
      }
      // "C社（大手SIer）経由 D社": the company with a note on what it is, unless the chain has it.
      Matcher noted = VIA_WITH_NOTE.matcher(value);
      while (noted.find()) {
        String name = noted.group(1).replaceAll("^[■□◆◇●・※*\\-]+", "");
        if (via.stream().noneMatch(v -> v.startsWith(name) || name.startsWith(v))) {
          via.add(name);
        }
      }
    }
    for (String value : texts) {
      for (String name : EngagementFields.englishVia(value)) {
        if (!via.contains(name)) {
          via.add(name);
        }
      }
    }
    // "自社（Web制作会社）受託", "自社サービス「X」開発": the engineer's own company's work — unless the
    // project's name opens with its client ("案件名：通販会社 ECサイトリプレイス" over "概要：自社開発の
    // ECサイトを…", the client's own site).
    List<String> projectNames = fields.getOrDefault(Field.PROJECT, List.of());
    for (String value : texts) {
      if (!OWN_WORDS.matcher(value).find()) {
        continue;
      }
      if (!projectNames.contains(value)) {
        Optional<EngagementFields.Client> fromTitle =
            projectNames.stream()
                .map(WorkHistoryReader::leadingClient)
                .flatMap(Optional::stream)
                .filter(c -> !via.contains(c.company()))
                .findFirst();
        if (fromTitle.isPresent()) {
          List<String> all = new ArrayList<>(fromTitle.get().via());
          via.stream().filter(v -> !all.contains(v)).forEach(all::add);
          return new EngagementFields.Client(fromTitle.get().company(), all);
        }
      }
      for (String line : value.split(" / ")) {
        // "店舗向け管理画面の開発（自社サービス）": a note that the work was the company's own.
        if (EngagementFields.ownSide(line) || ownWorkNoted(line)) {
          return new EngagementFields.Client(null, via, true);
        }
      }
    }
    // "製造業 生産管理システム開発", "EC事業会社（SES / 一次請け：X）": a title that opens with the
    // client, as project lists in 職務経歴書 write it.
    // The period line's "… / client" first, then titles that open with one.
    List<String> byPlace = new ArrayList<>();
    texts.stream()
        .filter(t -> AFTER_PERIOD_SLASH.matcher(t.strip()).lookingAt())
        .forEach(byPlace::add);
    texts.stream().filter(t -> !byPlace.contains(t)).forEach(byPlace::add);
    for (String value : byPlace) {
      Optional<EngagementFields.Client> leading = leadingClient(value);
      if (leading.isPresent() && !via.contains(leading.get().company())) {
        List<String> all = new ArrayList<>(leading.get().via());
        via.stream().filter(v -> !all.contains(v)).forEach(all::add);
        return new EngagementFields.Client(leading.get().company(), all);
      }
    }
    for (String value : byPlace) {
      String first = value.strip().replaceFirst("^(?:\\d{1,2}[.)]?\\s*)?/\\s+", "");
      Matcher genitive = GENITIVE_CLIENT.matcher(first);
      if (genitive.find()) {
        String name = genitive.group(1);
        if (!via.contains(name)
            && !EngagementFields.ownSide(name)
            && !MANY_CLIENTS.matcher(name).find()) {
          return new EngagementFields.Client(name, via);
        }
      }
    }
    for (String value : texts) {
      Optional<String> legal = EngagementFields.clientEntity(value, via);
      if (legal.isPresent()) {
        return new EngagementFields.Client(legal.get(), via);
      }
    }
    for (String value : texts) {
      Matcher forClient = FOR_CLIENT.matcher(value);
      while (forClient.find()) {
        String name = clean(forClient.group(1).replaceAll("^(?:\\d{1,2}\\.|【[^】]*】)", ""));
        // "金融・製造業向け", "官公庁・自治体向け": several kinds of client, so no one client.
        if (forClient.start() > 0 && "・、,".indexOf(value.charAt(forClient.start() - 1)) >= 0) {
          continue;
        }
        if (CLIENTISH.matcher(name).find()
            && !via.contains(name)
            && !MANY_CLIENTS.matcher(name).find()) {
          return new EngagementFields.Client(name, via);
        }
      }
    }
    // "業種：化学" beside a 顧客 cell or a description naming the client is a note on it; alone, it is
    // all the sheet says of the client.
    for (String value : fields.getOrDefault(Field.INDUSTRY, List.of())) {
      String industry = clean(value.split("\\s/\\s")[0]);
      if (MANY_CLIENTS.matcher(industry).find()) {
        return new EngagementFields.Client(null, via, true); // "製造・流通ほか": no one client
      }
      if (!industry.isEmpty()
          && !EngagementFields.ownSide(industry)
          && !MANY_CLIENTS.matcher(industry).find()
          && !NO_CLIENT.matcher(industry).lookingAt()) {
        return new EngagementFields.Client(industry, via);
      }
    }
    for (String value : texts) {
      Matcher m = CLIENT_IN_TEXT.matcher(value);
      while (m.find()) {
        String name = clean(m.group());
        // A legal name is read above or not at all; a bare "企業" names no one.
        if (name.matches(".*(?:株式会社|有限会社|合同会社)|企業|会社|法人|事業者|メーカー")) {
          continue;
        }
        // "協力会社との調整", "5名チームのリーダーとして協力会社…": the engineer's own subcontractors or
        // a sentence running into the word, not the client.
        if (name.matches(".*(?:協力|パートナー|取引先|\\d名|として|との).*")) {
          continue;
        }
        // "(via a major SIer)": the company in between, however shortened, is no client.
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (!name.isEmpty()
            && via.stream().noneMatch(v -> v.toLowerCase(java.util.Locale.ROOT).endsWith(key))
            && !EngagementFields.ownSide(name)
            && !MANY_CLIENTS.matcher(name).find()) {
          return new EngagementFields.Client(name, via);
        }
      }
    }
    return new EngagementFields.Client(null, via);
  }

  private static final Pattern CONTRACTED = Pattern.compile("^\\s*(?:自社|当社|弊社)受託\\s+(?=\\S)");

  /** "自社受託 物流会社向け…": work the engineer's company took on for the client it names. */
  static Optional<String> contractedFor(String value) {
    Matcher m = CONTRACTED.matcher(value);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    Matcher forClient = FOR_CLIENT.matcher(value.substring(m.end()));
    if (forClient.lookingAt()) {
      String name = clean(forClient.group(1));
      if (CLIENTISH.matcher(name).find() && !MANY_CLIENTS.matcher(name).find()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  // "…管理画面の開発（自社サービス）" notes the work as the employer's own; "HRテック系SaaS企業（自社
  // サービス）" notes a client that builds its own service.
  private static boolean ownWorkNoted(String line) {
    Matcher note = IN_HOUSE_NOTE.matcher(line);
    return note.find() && !line.substring(0, note.start()).strip().matches(".*(?:企業|会社|社)$");
  }

  // "株式会社X（自社開発・BtoB SaaS）": the employer's own product.
  private static final Pattern IN_HOUSE_NOTE =
      Pattern.compile(
          "[(（]\\s*(?:自社開発|自社サービス|自社プロダクト|自社製品|社内SE|in-house)", Pattern.CASE_INSENSITIVE);
  // "なし（自社）", "none (internal)", "(internal product)": the sheet says there was no client.
  private static final Pattern NO_CLIENT =
      Pattern.compile(
          "^\\s*(?:(?:なし|無し|該当なし|none|n/a)\\s*(?:$|[(（])|[(（]\\s*(?:internal|in-house|自社))",
          Pattern.CASE_INSENSITIVE);
  // "フリーランス / 某大手ゲーム会社 …": the engineer's own status on the first line of a client cell.
  private static final Pattern SELF_EMPLOYED_LINE =
      Pattern.compile("^\\s*(?:フリーランス|個人事業主?|業務委託|freelance)\\s*/\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern SAME_AS_ABOVE =
      Pattern.compile("^\\s*(?:同上|同社|〃)(?:顧客|客先|クライアント|企業)?\\s*(?:$| / )");
  private static final Pattern EMPLOYMENT_NOTE = Pattern.compile("[(（]\\s*(?:正社員|契約社員|派遣社員|正規雇用)");

  // "前職（株式会社X）", "前職：株式会社X" in the client column: work at the engineer's former employer.
  private static final Pattern FORMER_EMPLOYER = Pattern.compile("^\\s*(?:前職|前々職|所属|在籍)\\s*[(（:：]");

  private static final Pattern FLOW_IN_TEXT =
      Pattern.compile("(?:^|\\s/\\s|\\n)\\s*(?:商流|契約商流)\\s*:\\s*([^\\n]+?)(?=\\s/\\s|\\n|$)");

  // The first word of a title, when it names a client: the industry or the kind of company
  // ("製造業", "大手アパレル", "県庁", "ISP"), anonymised or not.
  private static final Pattern MASKED_AFTER = Pattern.compile("^\\s+([A-Z○〇]{1,2}社)");
  private static final Pattern LEADING_CLIENT =
      Pattern.compile(
          // "(兼務) 同保険会社グループ会社 …": a short tag in brackets before the title is no name
          "^(?:【[^】]{1,12}】|\\d{1,2}[.)]\\s*|\\([0-9]{1,2}\\)\\s*|\\((?:兼務|並行|継続|新規|追加)\\)\\s*)?\\s*"
              + "([^\\s/、。,:()「」【】\\[\\]]{2,24}?)(?:様)?(?:向け)?"
              + "(?:\\s*([(][^()]{1,60}[)]))?(?=\\s+\\S|\\s*$|\\s/\\s|(?<=[)])/)");
  private static final Pattern LEADING_CLIENTISH =
      Pattern.compile(
          "^(?:大手|中堅|国内|外資|地方|某|中小|全国|首都圏|関西)\\S{2,}|(?:"
              + CLIENT_KINDS
              + "|業|機関|大学|庁|役所|法人|組合|グループ|アパレル|SIer|ベンダー|代理店|ISP|サービス|チェーン|卸"
              + "|スタートアップ|局|塾|学校|協会|団体|信用金庫|信用組合|共済|証券|生保|損保)$"
              // "某市", "B県", "市町村": a local government, however short
              + "|^(?:某|[A-Z]|[^\\s]{1,4})?(?:市|県|町|村|区|市町村|都道府県)$");

  // The first " / " (a line break inside a cell) outside parentheses.
  private static int lineBreak(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && text.startsWith(" / ", i)) {
        return i;
      }
    }
    return -1;
  }

  private static final Pattern OWN_WORDS = Pattern.compile("自社|社内|当社|弊社");
  private static final Pattern SCHOOLING = Pattern.compile("卒業|入学|修了|中退|学部|研究科");
  // Work for many clients, or for the engineer's own company, names no one client.
  private static final Pattern MANY_CLIENTS =
      Pattern.compile(
          "^(?:自社|社内|当社|弊社|受託|前職|各種|複数|多数|中小企業|一般企業|various|multiple)"
              + "|(?:など|等)?(?:多数|複数社?|各社)$|^(?:案件|プロジェクト|project)\\s*\\d{1,2}$"
              // "製造・流通ほか": kinds of client, and others
              + "|[・、].*(?:ほか|他|など|等)$|[(（]複数(?:顧客|社|の顧客)[)）]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern EMPTIED_BRACKETS =
      Pattern.compile("^\\s*(?:【\\s*】|\\[\\s*\\])\\s*(?=\\S)");
  private static final Pattern AFTER_PERIOD_SLASH = Pattern.compile("^(?:\\d{1,2}[.)]?\\s*)?/\\s+");

  static Optional<EngagementFields.Client> leadingClient(String value) {
    // A title is short; the rest of a long description says nothing about it.
    String head = value.length() > 200 ? value.substring(0, 200) : value;
    String first =
        head.strip()
            .replaceAll("^(?:[■□◆◇●▼▽▶►・*\\-#\\s]|○(?!○))+", "")
            .replaceFirst("^(?:クライアント|顧客|エンド|客先)\\s*:?\\s+", "");
    // "4. 2022年4月～ / 大手SIer経由 官公庁" with its period cut out: the list number is no title,
    // and what follows the period's slash is the client, even alone ("… / メーカー系SIer").
    // "【R2.10～R4.3】Web広告代理店（社名非公開）" with its period cut out: the heading after the
    // period's brackets names the client, even alone.
    Matcher emptied = EMPTIED_BRACKETS.matcher(first);
    boolean afterBrackets = emptied.lookingAt();
    if (afterBrackets) {
      first = first.substring(emptied.end());
    }
    Matcher afterPeriod = AFTER_PERIOD_SLASH.matcher(first);
    boolean periodLine = afterPeriod.lookingAt() || afterBrackets;
    if (afterPeriod.lookingAt()) {
      first = first.substring(afterPeriod.end());
    }
    // "【大手製造業 全社ネットワーク更改】": the bracket holds the title itself.
    // "【ネット証券（エンド）／元請：大手SIer】Web取引システム…": a PDF ran the bracketed head into the
    // text after it; the bracket ends its line.
    first = first.replaceFirst("^【([^】]{2,40}[/:][^】]{2,40})】(?=[^\\s/])", "$1 / ");
    // "【ネット証券（エンド）／" when a label inside the bracket took the rest of it away.
    first = first.replaceFirst("^【(?![^】]*】)", "");
    first = first.replaceFirst("^【([^】]{13,})】", "$1");
    int cut = lineBreak(first);
    String rest = cut > 0 ? first.substring(cut) : "";
    first = cut > 0 ? first.substring(0, cut) : first;
    if (SCHOOLING.matcher(first).find()) {
      return Optional.empty();
    }
    // "大手SIer経由 物流会社 倉庫管理…": the client follows the company it was reached through.
    List<String> through = new ArrayList<>();
    Optional<EngagementFields.Through> reached = EngagementFields.leadingVia(first);
    if (reached.isPresent()) {
      through.add(reached.get().through());
      first = reached.get().rest();
    }
    // "＜大手証券会社＞ ※外資系ベンダー経由 …": a client set apart in angle brackets.
    Optional<EngagementFields.Client> angled = EngagementFields.angledClient(first);
    if (angled.isPresent()
        && !EngagementFields.ownSide(angled.get().company())
        && !MANY_CLIENTS.matcher(angled.get().company()).find()) {
      through.addAll(angled.get().via());
      return Optional.of(new EngagementFields.Client(angled.get().company(), through));
    }
    Matcher m = LEADING_CLIENT.matcher(first);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1);
    // "スマホゲーム開発会社 B社": the description, then the client's masked name.
    Matcher masked = MASKED_AFTER.matcher(first.substring(m.end()));
    if (masked.lookingAt() && LEADING_CLIENTISH.matcher(name).find()) {
      name = masked.group(1);
    }
    // "社会福祉法人みどり会様 kintone…": a title that opens with a legal name names all of it.
    Optional<String> legal = EngagementFields.legalEntity(first);
    if (legal.isPresent()
        && first.startsWith(legal.get())
        && legal.get().startsWith(name)
        && legal.get().length() > name.length()) {
      name = legal.get();
    }
    // After "X経由" the client is named, whatever follows it.
    boolean more = first.length() > m.end() || !rest.isBlank() || !through.isEmpty() || periodLine;
    if (!more
        || EngagementFields.ownSide(name)
        || MANY_CLIENTS.matcher(name).find()
        || !LEADING_CLIENTISH.matcher(name).find()) {
      return Optional.empty();
    }
    List<String> via = new ArrayList<>(through);
    if (m.group(2) != null) {
      List<String> noted = EngagementFields.client("x" + m.group(2)).via();
      via.addAll(noted);
      // "製造業（自動車部品）", "官公庁（外郭団体）", "生命保険（大手）": a note on what the client is
      // belongs to its name; one on the chain or the contract ("（元請：X）", "（受託）") does not.
      String note = m.group(2).strip();
      // "大手電機メーカー（株式会社X）": the described client's own name.
      String inside = note.replaceAll("^[(（]|[)）]$", "").strip();
      if (noted.isEmpty() && EngagementFields.namesTheDescribed(name, inside)) {
        name = inside;
      } else if (noted.isEmpty() && !CONTRACT_NOTE.matcher(note).find()) {
        name = name + note;
      }
    }
    return Optional.of(new EngagementFields.Client(name, via));
  }

  private static final Pattern CONTRACT_NOTE =
      Pattern.compile(
          "請|受託|委託|経由|エンド|直|SES|派遣|常駐|準委任|社名|非公開|匿名|[A-Z]社|株式会社|SIer|ベンダー|\\d"
              + "|正社員|契約社員|入社|新卒|中途|在籍|退職|転職|出向|自社|社内"
              + "|[:：、,/]|contract|client|prime",
          Pattern.CASE_INSENSITIVE);

  private static String clean(String name) {
    return name.replaceAll("^(?:[■□◆◇●・*\\-\\s]|○(?!○))+", "")
        .replaceFirst("^(?i:an?|the)\\s+", "")
        .replaceAll("\\s*※.*$", "")
        .strip();
  }

  // The engagement's name: its labelled field, else the first short line of the description.
  private static String project(Map<Field, List<String>> fields) {
    for (String value : fields.getOrDefault(Field.PROJECT, List.of())) {
      String v = clean(value);
      if (!v.isEmpty()) {
        return firstSegment(v);
      }
    }
    return null;
  }

  private static String firstSegment(String value) {
    int cut = value.indexOf(" / ");
    return (cut > 0 ? value.substring(0, cut) : value).strip();
  }

  private static String limit(String v, int limit) {
    return v.codePointCount(0, v.length()) > limit
        ? v.substring(0, v.offsetByCodePoints(0, limit))
        : v;
  }
}
