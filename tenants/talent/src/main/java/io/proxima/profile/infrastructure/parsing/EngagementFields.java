package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.EngagementPhase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an engagement that sheets write in many ways: the stages taken part in (担当工程, as a
 * ◯/● matrix, a list or a range "基本設計～結合テスト"), the client and the 商流 leading to it, and the role.
 * Text here is NFKC-normalised already ({@link SheetLines}).
 */
final class EngagementFields {

  private EngagementFields() {}

  // Longest first within each phase; short words ("単体", "PG", "IT") are read only where the
  // sheet says it lists phases (a 担当工程 field or column), never in prose.
  private static final Map<EngagementPhase, String> PHASE_WORDS = new LinkedHashMap<>();

  static {
    PHASE_WORDS.put(
        EngagementPhase.REQUIREMENTS,
        "要件定義|要求定義|要件分析|要求分析|要件調整|requirements?(?: definition| analysis)?|RD");
    PHASE_WORDS.put(
        EngagementPhase.BASIC_DESIGN,
        "基本設計|外部設計|概要設計|方式設計|basic design|high[- ]level design|external design|BD");
    PHASE_WORDS.put(
        EngagementPhase.DETAILED_DESIGN,
        "詳細設計|内部設計|detailed design|low[- ]level design|internal design|DD");
    PHASE_WORDS.put(EngagementPhase.UNIT_TEST, "単体テスト|単体試験|単体|unit tests?|unit testing|UT");
    PHASE_WORDS.put(
        EngagementPhase.INTEGRATION_TEST,
        "結合テスト|結合試験|結合|連結テスト|integration tests?|integration testing|IT");
    PHASE_WORDS.put(
        EngagementPhase.SYSTEM_TEST,
        "総合テスト|総合試験|総合|システムテスト|システム試験|受入テスト|受け入れテスト|受入試験|system tests?"
            + "|system testing|acceptance tests?|UAT|ST");
    PHASE_WORDS.put(
        EngagementPhase.IMPLEMENTATION,
        "構築・実装|実装・構築|設計・構築|製造|実装|開発|コーディング|プログラミング|構築|implementation|development|coding|build|PG|CD|PT");
    PHASE_WORDS.put(
        EngagementPhase.OPERATION,
        "運用保守|保守運用|運用・保守|保守・運用|運用|保守|operations?(?: and maintenance)?|maintenance|O&M");
    PHASE_WORDS.put(EngagementPhase.TEST, "テスト|試験|testing|test");
  }

  private static final Pattern PHASE;
  private static final List<EngagementPhase> PHASE_OF_GROUP = new ArrayList<>();

  static {
    StringBuilder regex = new StringBuilder();
    for (Map.Entry<EngagementPhase, String> e : PHASE_WORDS.entrySet()) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      regex.append("(?<p").append(PHASE_OF_GROUP.size()).append(">").append(e.getValue());
      regex.append(')');
      PHASE_OF_GROUP.add(e.getKey());
    }
    PHASE = Pattern.compile("(?<![A-Za-z])(?:" + regex + ")(?![A-Za-z])", Pattern.CASE_INSENSITIVE);
  }

  // The order the stages run in, for ranges; TEST alone has no place in it.
  private static final List<EngagementPhase> SEQUENCE =
      List.of(
          EngagementPhase.REQUIREMENTS,
          EngagementPhase.BASIC_DESIGN,
          EngagementPhase.DETAILED_DESIGN,
          EngagementPhase.IMPLEMENTATION,
          EngagementPhase.UNIT_TEST,
          EngagementPhase.INTEGRATION_TEST,
          EngagementPhase.SYSTEM_TEST,
          EngagementPhase.OPERATION);

  private static final Pattern RANGE = Pattern.compile("^\\s*(?:[~〜～\\-–—→]|から|to)\\s*$");
  private static final Pattern FILLER =
      Pattern.compile(
          "[\\s、,/・~〜～\\-–—→()（）\\[\\]【】:。.&+]|から|まで|および|及び|and|to|担当工程|工程|フェーズ"
              + "|phases?|の|を|担当|全般",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MARK = Pattern.compile("^[◯○〇●◎■✔✓☑レvVxX✕*★◆1]$|^済$");
  private static final Pattern ALL_PHASES = Pattern.compile("全工程|全フェーズ|all phases");

  private record Found(EngagementPhase phase, int start, int end) {}

  private static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = PHASE.matcher(text);
    while (m.find()) {
      for (int g = 0; g < PHASE_OF_GROUP.size(); g++) {
        if (m.group("p" + g) != null) {
          found.add(new Found(PHASE_OF_GROUP.get(g), m.start(), m.end()));
          break;
        }
      }
    }
    return found;
  }

  // Narrow matrix columns shorten the stage names; only a header cell is read this way.
  private static final Map<String, EngagementPhase> COLUMN_ABBREVIATIONS =
      Map.of(
          "要件", EngagementPhase.REQUIREMENTS,
          "要求", EngagementPhase.REQUIREMENTS,
          "基設", EngagementPhase.BASIC_DESIGN,
          "基本", EngagementPhase.BASIC_DESIGN,
          "詳設", EngagementPhase.DETAILED_DESIGN,
          "詳細", EngagementPhase.DETAILED_DESIGN);

  /** The phase a column header names ("要件定義", "単体", "UT"), if the whole cell is one. */
  static Optional<EngagementPhase> phaseColumn(String header) {
    String h = SheetLines.label(header).strip();
    EngagementPhase abbreviated = COLUMN_ABBREVIATIONS.get(h);
    if (abbreviated != null) {
      return Optional.of(abbreviated);
    }
    List<Found> found = find(h);
    if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == h.length()) {
      return Optional.of(found.get(0).phase());
    }
    return Optional.empty();
  }

  /** A matrix cell that marks its column as done ("●", "◯", "✔"). */
  static boolean marked(String cell) {
    return MARK.matcher(cell.strip()).matches();
  }

  /**
   * The phases a 担当工程 value lists, ranges filled in: "基本設計～結合テスト" is the five stages from basic
   * design to integration test.
   */
  static Set<EngagementPhase> phasesIn(String text) {
    Set<EngagementPhase> phases = EnumSet.noneOf(EngagementPhase.class);
    if (ALL_PHASES.matcher(text).find()) {
      phases.addAll(SEQUENCE);
      return phases;
    }
    List<Found> found = find(text);
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      phases.add(f.phase());
      if (i + 1 < found.size()) {
        Found next = found.get(i + 1);
        String between = text.substring(f.end(), next.start());
        int a = SEQUENCE.indexOf(f.phase());
        int b = SEQUENCE.indexOf(next.phase());
        if (RANGE.matcher(between).matches() && a >= 0 && b > a) {
          phases.addAll(SEQUENCE.subList(a, b + 1));
        }
      }
    }
    return phases;
  }

  /** True when the text is nothing but phases: a list of stages, not a sentence mentioning one. */
  static boolean onlyPhases(String text) {
    if (ALL_PHASES.matcher(text).find() && text.strip().length() <= 12) {
      return true;
    }
    List<Found> found = find(text);
    if (found.isEmpty()) {
      return false;
    }
    String rest = PHASE.matcher(text).replaceAll("");
    rest = FILLER.matcher(rest).replaceAll("");
    return rest.length() <= 1;
  }

  // --- clients and the 商流

  private static final String NAME_CHARS = "[^\\s\\t、。,/:()「」『』【】\\[\\]→⇒>＞|■□◆◇●○▼▽▶►・]";
  // "社会福祉法人みどり会", "独立行政法人 X機構": the legal forms of bodies that are not companies.
  static final String PUBLIC_INTEREST_FORMS =
      "社会福祉法人|医療法人(?:社団|財団)?|学校法人|国立大学法人|地方独立行政法人|独立行政法人|国立研究開発法人"
          + "|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|NPO法人|宗教法人";

  private static final Pattern LEGAL_ENTITY =
      Pattern.compile(
          // "株式会社ハルモニア・データ": a ・ inside a legal name joins its words
          // "独立行政法人 X機構", not "独立行政法人 研究助成管理システム…": such a body's name ends as one.
          "(?:"
              + PUBLIC_INTEREST_FORMS
              + ")\\s?"
              + NAME_CHARS
              + "{1,30}?(?:機構|機関|会|財団|学園|学院|大学|病院|センター|協会|研究所|基金|事業団|組合|園)"
              + "|(?:株式会社|有限会社|合同会社|\\(株\\)|\\(有\\))\\s?"
              + NAME_CHARS
              + "{1,30}(?:・"
              + NAME_CHARS
              + "{1,15})*"
              + "|"
              + "(?:[A-Za-z][\\w&.\\-]*\\s){1,3}[A-Za-z][\\w&.\\-]*(?:株式会社|合同会社|有限会社)"
              + "|(?<![\\w.])"
              + NAME_CHARS
              + "{2,30}?(?:株式会社|有限会社|合同会社|\\(株\\)|\\(有\\))"
              + "|「[^」]{1,20}社」|(?<![A-Za-z0-9])[A-Z]社"
              + "|(?:[A-Z][\\w&.\\-]*\\s){0,4}[A-Z][\\w&.\\-]*\\s(?:Inc\\.?|K\\.K\\.|Co\\.,? Ltd\\.?|Ltd\\.?"
              + "|LLC|Corporation|Corp\\.?|GmbH)");
  private static final Pattern END_CLIENT =
      Pattern.compile(
          "(?:エンド(?:ユーザー|クライアント)?|end client|end user)\\s*[:は]?\\s*", Pattern.CASE_INSENSITIVE);
  // The words that name the company above the engineer's: "元請: X", "一次請けは X", "上位会社：X".
  private static final String PRIME_WORDS =
      "(?:元請け?|一次請け?|二次請け?|上位(?:会社)?|発注元|prime contractor|via)";
  private static final Pattern PRIME =
      Pattern.compile(
          PRIME_WORDS + "\\s*[:はの]?\\s*(" + NAME_CHARS + "{2,30})", Pattern.CASE_INSENSITIVE);
  // In running text only a labelled one counts ("元請：大手SIer"): "上位" or "via" alone is a word.
  private static final Pattern PRIME_LABELLED =
      Pattern.compile(
          PRIME_WORDS + "\\s*:\\s*(" + NAME_CHARS + "{2,30})", Pattern.CASE_INSENSITIVE);
  // Chains are written either way round; the order of the items, not the arrow, says which end
  // is the client.
  private static final Pattern ARROW = Pattern.compile("\\s*(?:→|⇒|->|>|＞|－>|←|⇐|<-)\\s*");
  private static final Pattern OWN_SIDE =
      Pattern.compile(
          "^(?:当社|弊社|自社|当方|私|本人|自分|所属会社|我々|us|me|my company)$", Pattern.CASE_INSENSITIVE);

  /**
   * A client and the companies in between, as one engagement names them.
   *
   * @param endNamed the value labels the company as the end client ("エンド: X"), so it is not one of
   *     the companies in between
   */
  record Client(String company, List<String> via, boolean endNamed) {
    Client(String company, List<String> via) {
      this(company, via, false);
    }
  }

  private static final Pattern OWN_COMPANY =
      Pattern.compile("^(?:自社|社内|当社|弊社)(?:$|[(（\\s:：]|内|受託|開発|サービス|プロダクト|製品|パッケージ|アプリ|メディア)");

  /** "自社（受託開発）", "社内", "自社受託": the engineer's own company, so no client. */
  static boolean ownSide(String value) {
    String v = value.strip().replaceAll("^[■□◆◇●○・*\\-\\s]+", "");
    return OWN_COMPANY.matcher(v).find() || OWN_SIDE.matcher(v).matches();
  }

  // "前職：株式会社X", "株式会社X（正社員）", "株式会社Xに入社", "株式会社X ※SES": the engineer's employer.
  private static final String EMPLOYED_BEFORE =
      "(?:前職|前々職|所属|在籍|出向元|入社|転職)\\s*[:：]?\\s*(?:先\\s*[:：]?\\s*)?$";
  private static final Pattern EMPLOYED_AFTER =
      Pattern.compile(
          "^\\s*(?:[(（]\\s*(?:正社員|契約社員|派遣社員|正規雇用|在籍|入社|新卒|中途)|[(（]?\\s*※|に入社|へ入社|へ転職|に転職"
              + "|に在籍|を退職|で(?:は)?(?:正社員|勤務|従事)|[(（]\\s*\\d{4}年)");
  private static final Pattern EMPLOYED_BEFORE_PATTERN = Pattern.compile(EMPLOYED_BEFORE);

  /** True when the text names the company as the engineer's employer, not a client. */
  static boolean employer(String text, String name) {
    int at = text.indexOf(name);
    if (at < 0) {
      return false;
    }
    String before = text.substring(Math.max(0, at - 8), at);
    String after = text.substring(at + name.length());
    return EMPLOYED_BEFORE_PATTERN.matcher(before).find() || EMPLOYED_AFTER.matcher(after).find();
  }

  /**
   * The first legal-entity or anonymised company name in the text that the text does not name as
   * the engineer's employer and that is not one of the companies in between.
   */
  static Optional<String> clientEntity(String text, List<String> via) {
    Matcher m = LEGAL_ENTITY.matcher(text);
    while (m.find()) {
      Optional<String> name = legalName(m.group());
      if (name.isPresent() && !via.contains(name.get()) && !employer(text, name.get())) {
        return name;
      }
    }
    return Optional.empty();
  }

  // The note may hold a legal form in brackets of its own: "大手化学メーカー((株)X)".
  private static final String NOTE = "(?:[^()（）]|\\([株有]\\)){1,40}";
  private static final Pattern NOTED = Pattern.compile("^(.+?)\\s*[(（](" + NOTE + ")[)）]$");
  private static final Pattern NOTE_ONLY = Pattern.compile(NOTE);
  private static final Pattern ANONYMISED =
      Pattern.compile("^[A-Za-zＡ-Ｚａ-ｚ○◯●□×＊*]{1,3}(?:社|銀行|信用金庫|生命|損保|証券|病院|大学|市|県|町|村|グループ)$");
  private static final Pattern LEGAL_FORM =
      Pattern.compile(
          "^(?:株式会社|有限会社|合同会社|\\(株\\)|（株）|㈱|\\(有\\)|"
              + PUBLIC_INTEREST_FORMS
              + ").+|.+(?:株式会社|有限会社|合同会社"
              + "|\\(株\\)|（株）|㈱|\\(有\\))$|.*\\b(?:Inc\\.?|K\\.K\\.|Co\\.,? ?Ltd\\.?|Ltd\\.?|Corporation"
              + "|Corp\\.?)$");

  /**
   * A client's name without the note beside it: 「Ｂ社（ネット証券）」 is Ｂ社 and 「株式会社X（決済サービス）」 is 株式会社X, a
   * note on what the named client does; 「ネット銀行（Ｇ銀行）」 and 「大手化学メーカー（㈱X）」 are the name in the
   * bracket, a description's name. A description with a note on it (「製造業（精密機器）」) names no one more
   * exactly and stays whole.
   */
  static String withoutNote(String company) {
    Matcher m = NOTED.matcher(company.strip());
    if (!m.matches()) {
      return company;
    }
    String name = m.group(1).strip();
    String note = m.group(2).strip();
    boolean nameIsNamed = named(name);
    boolean noteIsNamed = named(note);
    if (noteIsNamed && !nameIsNamed) {
      return note;
    }
    if (nameIsNamed && !noteIsNamed && !note.matches("株|有|合|同|社|財|医|学|福|独")) {
      return name;
    }
    return company;
  }

  /**
   * Whether the bracket beside a description is the described client's own name: 「大手化学メーカー（㈱X）」.
   */
  static boolean namesTheDescribed(String description, String note) {
    String n = note.strip();
    return NOTE_ONLY.matcher(n).matches() && named(n) && !named(description.strip());
  }

  private static boolean named(String text) {
    return ANONYMISED.matcher(text).matches() || LEGAL_FORM.matcher(text).matches();
  }

  /** A legal-entity or anonymised company name in the text ("株式会社サンプル商事", "(株)X", 「C社」). */
  static Optional<String> legalEntity(String text) {
    Matcher m = LEGAL_ENTITY.matcher(text);
    while (m.find()) {
      Optional<String> name = legalName(m.group());
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> legalName(String match) {
    String name =
        match
            .strip()
            .replaceAll("(?:経由|様|向け|から|より|にて|で|[にへ](?:転職|入社|在籍))$", "")
            // "Through Nexa Staffing K.K. at …": a sentence's first word is no part of the name
            .replaceFirst("^(?:Through|Via|At|For|With|From|By)\\s+(?=[A-Z])", "")
            .replaceAll(
                "^(?:(?:Senior|Junior|Lead|Principal|Staff|Chief|Head)\\s+)?(?:[A-Z][\\w\\-]*\\s+){0,2}"
                    + "(?:Engineer|Developer|Architect|Analyst|Manager|Consultant|Designer|Programmer)\\s+",
                "");
    if (name.startsWith("「") && name.endsWith("」")) {
      name = name.substring(1, name.length() - 1);
    }
    // "(株)ヒューマンリンク様派遣スタッフ管理アプリ": the honorific ends the client's name.
    int honorific = name.indexOf('様');
    if (honorific > 0) {
      name = name.substring(0, honorific);
    }
    // "株式会社" alone, or the engineer's own employer written as 当社
    if (name.matches("(?:株式会社|有限会社|合同会社|\\(株\\)|\\(有\\)|" + PUBLIC_INTEREST_FORMS + ")")
        || name.startsWith("当社")) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  // "(via Tokyo Cloud Partners Inc., SES)", "prime: large consulting firm", "via a Tier-1 SIer".
  private static final Pattern ENGLISH_VIA =
      Pattern.compile(
          "(?<![A-Za-z])(?:[Vv]ia|prime(?: contractor)?\\s*:|[Tt]hrough)\\s+(?:an?\\s+|the\\s+)?"
              // "via prime contractor Daito Information Systems": the word for its place, then its
              // name
              + "(?:(?:prime|primary|main) contractor,?\\s+(?=[A-Z]))?"
              + "([A-Za-z0-9][A-Za-z0-9&.\\- ]{1,60}?(?:,\\s*(?:Ltd|Inc)\\.?)?)(?=\\s*[(),;/]|\\s+at\\s|\\s*$)");
  private static final Pattern CONTRACTOR_NAMED =
      Pattern.compile("^\\s*\\((?:an?\\s+|the\\s+)?([^()]{2,40})\\)");
  // "project for a regional railway company (end client)".
  private static final Pattern ENGLISH_END =
      Pattern.compile(
          "(?:for\\s+)?(?:an?\\s+|the\\s+)?([A-Za-z][A-Za-z\\-]*(?:\\s+[A-Za-z\\-]+){0,5}?)\\s*\\(end"
              + " (?:client|user)\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGLISH_ARTICLE =
      Pattern.compile("^(?:.*\\s)?(?:for|at)\\s+(?:an?|the)\\s+", Pattern.CASE_INSENSITIVE);

  /** The companies an English value names as between the engineer and the client. */
  static List<String> englishVia(String value) {
    List<String> via = new ArrayList<>();
    Matcher m = ENGLISH_VIA.matcher(value);
    while (m.find()) {
      String name = m.group(1).strip();
      // "Through a prime contractor (a large SIer)": the bracket says who the contractor was.
      Matcher named = CONTRACTOR_NAMED.matcher(value.substring(m.end(1)));
      if (name.matches("(?i)(?:prime|primary|main) contractor") && named.lookingAt()) {
        name = named.group(1).strip();
      }
      if (!name.isEmpty() && !OWN_SIDE.matcher(name).matches()) {
        via.add(name);
      }
    }
    return via;
  }

  private static String englishEnd(String value) {
    Matcher m = ENGLISH_END.matcher(value);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).strip();
    // "Mid-size SIer — project for a regional railway company": the words after "for a".
    Matcher article = ENGLISH_ARTICLE.matcher(name);
    return article.lookingAt() ? name.substring(article.end()).strip() : name;
  }

  private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
  private static final Pattern SLASH_CHAIN =
      Pattern.compile(
          "(?:^|/)\\s*(?:エンド(?:ユーザー|クライアント)?|end client)\\s*:|/\\s*(?:当社|弊社|自社)\\s*$",
          Pattern.CASE_INSENSITIVE);
  // "発注元：X", "一次請け：X" inside a chain: the label says where X stands, the order says it too.
  private static final Pattern CHAIN_LABEL =
      Pattern.compile(
          "^(?:発注元|元請け?|一次請け?|二次請け?|三次請け?|上位(?:会社)?|仲介|prime|via)\\s*[:：]\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FLOW =
      Pattern.compile("[(（]?\\s*【?(?:商流|契約商流)】?\\s*[:：]?\\s*((?:[^()（）]|[(（][^()（）]*[)）])*)[)）]?");
  private static final Pattern CLIENT_DASH_TITLE = Pattern.compile("\\s[—–―]\\s");
  private static final Pattern PRIME_NAMED = Pattern.compile("^(?:元請け?|一次請け?|二次請け?|上位)");
  private static final Pattern END_ITEM =
      Pattern.compile(
          "^(?:エンド(?:ユーザー|クライアント)?|end client|end user|end)\\s*[:：(（]?\\s*([^)）]*)[)）]?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Reads a client value: "大手損保", "大手SIer → エンド: 大手損保", "大手損保（元請: 大手SIer）", "大手人材サービス会社 （商流：エンド →
   * 株式会社X → 弊社）". The end client is the company; the companies in between, from the engineer's side
   * towards it, are the 商流.
   */
  static Client client(String value) {
    // "Freelance. Client: Mizuho Agritech Co., Ltd.": an employer cell that names the client.
    Matcher labelledClient = ENGLISH_CLIENT_LABEL.matcher(value);
    if (labelledClient.find()) {
      value = value.substring(labelledClient.end());
    }
    List<String> noted = new ArrayList<>();
    // "大手SIer経由 大手旅行会社", "大手製造業（C社（大手SIer）経由）", "<大手証券会社> ※外資系ベンダー経由": the
    // company reached through another; that other is the 商流.
    Optional<Through> leadingVia = leadingVia(value);
    if (leadingVia.isPresent()) {
      noted.add(leadingVia.get().through());
      value = leadingVia.get().rest();
    }
    Matcher noteVia = NOTED_VIA.matcher(value);
    if (noteVia.find()) {
      noted.add(noted(noteVia));
      value = value.substring(0, noteVia.start()) + value.substring(noteVia.end());
    }
    Client read = clientWithoutNotes(value);
    if (noted.isEmpty()) {
      return read;
    }
    List<String> via = new ArrayList<>(noted);
    read.via().stream().filter(v -> !via.contains(v)).forEach(via::add);
    return new Client(read.company(), via, read.endNamed());
  }

  private static final Pattern ENGLISH_CLIENT_LABEL =
      Pattern.compile("(?:^|[\\s.—–\\-/|])(?:end\\s+)?client\\s*:\\s*", Pattern.CASE_INSENSITIVE);
  // "大手SIer経由 物流会社": the company reached through, written before the client.
  private static final Pattern LEADING_VIA =
      Pattern.compile("^\\s*([^\\s/、。,:()（）「」【】<>]{2,30}?(?:[(（][^()（）]{1,20}[)）])?)経由\\s+(?=\\S)");
  // "<大手証券会社>" (NFKC of "＜…＞"): a client set apart in angle brackets.
  private static final Pattern ANGLED = Pattern.compile("^\\s*<([^<>/]{2,40})>");

  /** A company reached through another, and what follows it. */
  record Through(String through, String rest) {}

  /** "大手SIer経由 物流会社 倉庫管理…": the company it was reached through, and the rest. */
  static Optional<Through> leadingVia(String value) {
    Matcher m = LEADING_VIA.matcher(value);
    return m.lookingAt()
        ? Optional.of(new Through(m.group(1).strip(), value.substring(m.end())))
        : Optional.empty();
  }

  /**
   * "<大手証券会社> ※外資系ベンダー経由 …": the client in angle brackets, and the company a note right after it
   * says it was reached through.
   */
  static Optional<Client> angledClient(String value) {
    Matcher m = ANGLED.matcher(value);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    List<String> via = new ArrayList<>();
    Matcher note = NOTED_VIA.matcher(value).region(m.end(), value.length());
    if (note.lookingAt()) {
      via.add(noted(note));
    }
    // "<暗号資産交換業者（エンド）>": the note on where it stands is no part of the name.
    String name = clean(m.group(1));
    return Optional.of(new Client(name.isEmpty() ? m.group(1).strip() : name, via));
  }

  /** The companies running text labels as above the engineer's ("元請：大手SIer", "発注元: X"). */
  static List<String> labelledPrimes(String text) {
    List<String> primes = new ArrayList<>();
    Matcher m = PRIME_LABELLED.matcher(text);
    while (m.find()) {
      primes.add(m.group(1));
    }
    return primes;
  }

  private static String noted(Matcher noteVia) {
    String through = noteVia.group(1) != null ? noteVia.group(1) : noteVia.group(2);
    return through.replaceAll("[(（][^()（）]*[)）]", "").strip();
  }

  private static final Pattern NOTED_VIA =
      Pattern.compile(
          "\\s*(?:[(（]((?:[^()（）]|[(（][^()（）]*[)）]){2,40}?)経由[)）]|※\\s*([^()（）\\s、。]{2,30}?)経由)");

  private static Client clientWithoutNotes(String value) {
    List<String> englishVia = englishVia(value);
    String english = ENGLISH_END.matcher(value).find() ? englishEnd(value) : null;
    if (english != null) {
      return new Client(english, englishVia, true);
    }
    String v = clean(ENGLISH_VIA.matcher(value).replaceAll(""));
    String chainText = null;
    Matcher flow = FLOW.matcher(v);
    if (flow.find()) {
      chainText = flow.group(1);
      v = clean(v.substring(0, flow.start()) + v.substring(flow.end()));
    }
    List<String> via = new ArrayList<>(englishVia);
    // A chain of labelled parts ("エンド: X / 発注元: Y（Tier1） / 当社") is read as a chain below.
    boolean labelledChain = chainText == null && SLASH_CHAIN.matcher(v).find();
    Matcher prime = PRIME.matcher(v);
    while (!labelledChain && prime.find()) {
      via.add(clean(prime.group(1)));
    }
    if (!labelledChain) {
      v = clean(PRIME.matcher(v).replaceAll("").replaceAll("[(（]\\s*[)）]", ""));
    }
    if (chainText == null && ARROW.split(v).length > 1) {
      chainText = v;
      v = "";
    }
    // "エンド：国内自動車メーカー ／ 発注元：X ／ 当社": a chain of labelled parts, slash-separated.
    if (chainText == null && SLASH_CHAIN.matcher(v).find() && SLASH.split(v).length > 1) {
      chainText = String.join(" → ", SLASH.split(v));
      v = "";
    }
    boolean endNamed = END_CLIENT.matcher(v).lookingAt();
    String company = v.isEmpty() ? null : clean(END_CLIENT.matcher(v).replaceFirst(""));
    if (chainText == null) {
      return new Client(company == null || company.isEmpty() ? null : company, via, endNamed);
    }
    List<String> items = new ArrayList<>();
    int endAt = -1;
    int ownAt = -1;
    String[] chain = ARROW.split(chainText);
    for (String part : chain) {
      String p = clean(part).replaceAll("^[(（](.*)[)）]$", "$1").strip();
      if (p.isEmpty()) {
        continue;
      }
      if (OWN_SIDE.matcher(p).matches()) {
        ownAt = items.size();
        items.add(null);
        continue;
      }
      p = CHAIN_LABEL.matcher(p).replaceFirst("");
      if (p.isEmpty() || OWN_SIDE.matcher(p).matches()) {
        ownAt = items.size();
        items.add(null);
        continue;
      }
      Matcher end = END_ITEM.matcher(p);
      if (end.matches()) {
        endAt = items.size();
        String named = clean(end.group(1));
        items.add(named.isEmpty() ? null : named);
        continue;
      }
      items.add(p);
    }
    // Written from the client's side ("エンド → 元請 → 当社") or from the engineer's.
    boolean clientFirst =
        endAt == 0 || (ownAt >= 0 && ownAt == items.size() - 1) || (endAt < 0 && ownAt < 0);
    if (endAt < 0 && !items.isEmpty() && (company == null || ownAt >= 0)) {
      endAt = clientFirst ? 0 : items.size() - 1;
      // "商流: 元請SIer → 弊社": a company the chain calls the prime is above the engineer, not the
      // client, which the chain leaves unnamed.
      if (items.get(endAt) != null && PRIME_NAMED.matcher(items.get(endAt)).lookingAt()) {
        endAt = -1;
      }
    }
    boolean named = endAt >= 0 && items.get(endAt) != null;
    if (named
        && (company == null
            || END_ITEM.matcher(chain[0].strip()).matches()
            || explicitEnd(chain))) {
      company = items.get(endAt);
    }
    List<String> between = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (i != endAt && items.get(i) != null) {
        between.add(items.get(i));
      }
    }
    if (clientFirst) {
      java.util.Collections.reverse(between);
    }
    between.addAll(via);
    return new Client(company, between, named);
  }

  private static boolean explicitEnd(String[] chain) {
    for (String part : chain) {
      if (END_ITEM.matcher(clean(part).replaceAll("^[(（](.*)[)）]$", "$1").strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String value) {
    // "外資系製薬会社の日本法人。（D社）からの再委託で…": the name ends with its sentence.
    int sentence = value.indexOf('。');
    if (sentence > 0) {
      value = value.substring(0, sentence);
    }
    // A client cell holds the name on its first line; what follows describes the work.
    int line = value.indexOf(" / ");
    if (line > 0 && !value.contains("商流") && !SLASH_CHAIN.matcher(value).find()) {
      value = value.substring(0, line);
    }
    // "Client: Kitakaze Logistics Co., Ltd. — Delivery demand forecasting": the project after a
    // dash.
    value = CLIENT_DASH_TITLE.split(value, 2)[0];
    String v =
        value
            .strip()
            .replaceAll("(?:様|経由|向け)$", "")
            .replaceAll(
                "\\s*[(（][^)）]*(?:正社員|契約社員|派遣|業務委託|SES|準委任|請負|常駐|リモート|直|エンド|contract|remote"
                    + "|NDA|confidential|非公開"
                    + "|[,、])[^)）]*[)）]$",
                "");
    v = v.replaceFirst("^(?i:an?|the)\\s+", "").replaceAll("\\s*※.*$", "");
    // "大手SIer（元請）", "「A社」（元請SIer）": the note says where the company stands in the chain.
    v = v.replaceAll("\\s*[(（][^()（）]*(?:請|受託|prime|tier-?\\d次)[^()（）]*[)）]", "").strip();
    // "Shield Gate Security K.K. (MSSP)": a business note after a Latin name.
    v = v.replaceAll("(?<=[A-Za-z.])\\s*\\([A-Z]{2,6}\\)$", "");
    if (v.startsWith("「") && v.endsWith("」") && v.indexOf('」') == v.length() - 1) {
      v = v.substring(1, v.length() - 1);
    }
    // "＜大手証券会社＞" (NFKC: "<…>"), "同上（大手損害保険会社）", a note emptied above: the name itself.
    v = ANGLED.matcher(v).replaceFirst("$1").replaceAll("^同上\\s*[(（](.+)[)）]$", "$1");
    v = v.replaceAll("\\s*[(（]\\s*[)）]", "").strip();
    if (v.matches("(?i)直|直請け|直契約|SES|業務委託|準委任|請負|direct|direct contract")) {
      return "";
    }
    // "○○銀行": a run of ○ masks the name, it is no bullet.
    v = v.replaceAll("^(?:[■□◆◇●▼▽▶►・*\\-+\\s]|○(?!○))+", "").replaceAll("[\\s、,。/]+$", "").strip();
    // "Hikari Securities Co., Ltd.)", "ネット証券会社、)": a bracket closed that this value never opened.
    while (v.endsWith(")")
        && v.chars().filter(c -> c == '(').count() < v.chars().filter(c -> c == ')').count()) {
      v = v.substring(0, v.length() - 1).replaceAll("[\\s、,。/]+$", "").strip();
    }
    return v;
  }
}
