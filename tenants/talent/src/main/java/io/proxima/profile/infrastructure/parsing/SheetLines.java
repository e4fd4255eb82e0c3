package io.proxima.profile.infrastructure.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sheet as normalised lines, each tagged with the section it stands in. Normalising once (NFKC:
 * full-width digits, letters and "：" become ASCII) lets every reader use plain patterns.
 */
final class SheetLines {

  enum Section {
    HEADER,
    SUMMARY,
    SKILLS,
    HISTORY,
    CERTIFICATIONS,
    EDUCATION,
    OTHER
  }

  /**
   * One line of the sheet.
   *
   * @param cells the tab-separated cells (one cell for a line of prose)
   * @param heading the line names a section and holds nothing else worth reading
   */
  record Line(int index, String text, List<String> cells, Section section, boolean heading) {
    boolean blank() {
      return text.isBlank();
    }
  }

  private static final Pattern MARKUP_PREFIX =
      Pattern.compile("^(?:#{1,6}\\s*|[■□◆◇●○▼▽▶►・*\\-+]\\s+|[■□◆◇●▼▽▶►・]|\\d{1,2}[.)]\\s+)");
  private static final Pattern BRACKETS = Pattern.compile("^[【\\[\\(<《〔](.*?)[】\\]\\)>》〕]");

  private SheetLines() {}

  static List<Line> of(String text) {
    List<Line> lines = new ArrayList<>();
    Section section = Section.HEADER;
    Section inlineFrom = null;
    String[] raw =
        rowsRunOn(
            Normalizer.normalize(circledNumbers(htmlTables(text)), Normalizer.Form.NFKC)
                .split("\\R", -1));
    for (int i = 0; i < raw.length; i++) {
      String line = clean(raw[i]);
      List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
      Section named = sectionNamed(cells.get(0));
      // Inside a project, "概要", "言語" or "期間" label the project's own fields.
      if (named != null && section == Section.HISTORY && isWeak(cells.get(0))) {
        named = null;
      }
      boolean heading = false;
      // "資格 | AWS SAA（2021/09）" in a grid's header rows: a label with its value beside it holds
      // only its own row and the rows that continue it (first cell empty); the next labelled row
      // or table is back in the section before it.
      if (inlineFrom != null && named == null && !cells.get(0).isEmpty()) {
        section = inlineFrom;
        inlineFrom = null;
      }
      if (named != null) {
        Section before = inlineFrom != null ? inlineFrom : section;
        section = named;
        heading = isBareHeading(cells);
        boolean inline =
            !heading
                && (named == Section.CERTIFICATIONS || named == Section.EDUCATION)
                && cells.size() > 1
                && !cells.get(1).isEmpty()
                && before != Section.HISTORY;
        inlineFrom = inline ? before : null;
      } else if (isSkillTableHeader(cells)) {
        section = Section.SKILLS;
        heading = true;
      } else if (cells.size() == 1 && looksLikeOtherHeading(line)) {
        section = Section.OTHER;
        heading = true;
      }
      lines.add(new Line(i, line, cells, section, heading));
    }
    return lines;
  }

  /**
   * A PDF's text may run a table row on from the paragraph above it: "…Amazon RDS Oct 2019 – Mar
   * 2022\tBackend Engineer\t…". A period that starts a row (a cell follows it) after a run of
   * untabbed text starts a line of its own, so the paragraph stays with the engagement above.
   */
  private static String[] rowsRunOn(String[] raw) {
    List<String> out = new ArrayList<>(raw.length);
    for (String line : raw) {
      int tab = line.indexOf('\t');
      String split = null;
      if (tab > 20) {
        for (PeriodParser.Found found : PeriodParser.findAll(line.substring(0, tab))) {
          if (found.start() >= 20
              && line.substring(found.end(), tab).isBlank()
              && Character.isWhitespace(line.charAt(found.start() - 1))) {
            out.add(line.substring(0, found.start()).stripTrailing());
            split = line.substring(found.start());
            break;
          }
        }
      }
      out.add(split == null ? line : split);
    }
    return out.toArray(String[]::new);
  }

  private static final Pattern TABLE =
      Pattern.compile("<table\\b.*?</table\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ROW =
      Pattern.compile(
          "<tr\\b[^>]*>(.*?)(?=<tr\\b|</table|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CELL =
      Pattern.compile(
          "<t[dh]\\b([^>]*)>(.*?)(?=<t[dh]\\b|</tr|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BREAK =
      Pattern.compile("<br\\s*/?>|</p>|</li>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");

  /**
   * Markdown sheets embed HTML tables; each row becomes a tab-separated line like a spreadsheet
   * row, so the same readers see the same columns. Line breaks inside a cell become " / ".
   */
  static String htmlTables(String text) {
    if (text.toLowerCase(Locale.ROOT).indexOf("<table") < 0) {
      return text;
    }
    var tables = TABLE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (tables.find()) {
      out.append(text, last, tables.start());
      var rows = ROW.matcher(tables.group());
      // Cells spanning rows below (rowspan) hold their column in those rows, as the grid shows it.
      java.util.Map<Integer, Integer> spanningDown = new java.util.HashMap<>();
      while (rows.find()) {
        List<String> cells = new ArrayList<>();
        var cell = CELL.matcher(rows.group(1));
        while (cell.find()) {
          while (spanningDown.getOrDefault(cells.size(), 0) > 0) {
            spanningDown.merge(cells.size(), -1, Integer::sum);
            cells.add("");
          }
          int column = cells.size();
          cells.add(cellText(cell.group(2)));
          int across = span(cell.group(1), COLSPAN);
          for (int i = 1; i < across; i++) {
            cells.add("");
          }
          int down = span(cell.group(1), ROWSPAN);
          if (down > 1) {
            for (int i = 0; i < across; i++) {
              spanningDown.put(column + i, down - 1);
            }
          }
        }
        while (spanningDown.getOrDefault(cells.size(), 0) > 0) {
          spanningDown.merge(cells.size(), -1, Integer::sum);
          cells.add("");
        }
        if (!cells.isEmpty()) {
          out.append('\n').append(String.join("\t", cells)).append('\n');
        }
      }
      last = tables.end();
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  private static String cellText(String html) {
    String value = BREAK.matcher(html).replaceAll(" / ");
    value = TAG.matcher(value).replaceAll(" ");
    return value
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .replaceAll("^(?:\\s*/\\s*)+|(?:\\s*/\\s*)+$", "")
        .strip();
  }

  private static final Pattern COLSPAN =
      Pattern.compile("colspan\\s*=\\s*[\"']?(\\d{1,2})", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROWSPAN =
      Pattern.compile("rowspan\\s*=\\s*[\"']?(\\d{1,2})", Pattern.CASE_INSENSITIVE);

  private static int span(String attributes, Pattern span) {
    var m = span.matcher(attributes);
    return m.find() ? Math.max(1, Math.min(Integer.parseInt(m.group(1)), 30)) : 1;
  }

  // NFKC turns "①2021年10月" into "12021年10月", a year no pattern can read; a list marker
  // keeps the number apart.
  private static String circledNumbers(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u2460' && c <= '\u2473') {
        out.append(c - '\u2460' + 1).append(". ");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // NFKC turns "１．２０２５年４月" into "1.2025年4月": the list number is glued to the year, which
  // then reads as a version number's tail. A space keeps the number apart.
  private static final Pattern NUMBER_ON_YEAR =
      Pattern.compile("^([ \\u3000]*\\d{1,2}\\.)(?=(?:19|20)\\d{2}\\s*(?:年|[/.\\-]\\d))");

  // A PDF whose column edge cuts a month in two: "2020年1\t0月～2022年12月" is October.
  // "2021/0<tab>4～2023/06": the same in a month written with a slash, before the range's sign.
  private static final Pattern SPLIT_MONTH =
      Pattern.compile(
          "((?:19|20)\\d{2}\\s*年\\s*1)[\\t ]+([0-2]\\s*月)"
              + "|((?:19|20)\\d{2}[/.][01])\\t(\\d(?=\\s*[~〜～\\-–]))");

  // Markdown tables become tab-separated rows like a spreadsheet's; emphasis is dropped.
  private static String clean(String line) {
    line = NUMBER_ON_YEAR.matcher(line).replaceFirst("$1 ");
    line =
        SPLIT_MONTH
            .matcher(line)
            .replaceAll(
                m -> m.group(1) != null ? m.group(1) + m.group(2) : m.group(3) + m.group(4));
    // Leading tabs are empty cells: stripping them would move every cell one column left.
    String l = line.replaceAll("^[ \\u3000]+|[ \\u3000\\t]+$", "");
    if (l.isBlank()) {
      return "";
    }
    if (l.strip().startsWith("|") && l.strip().endsWith("|") && l.strip().length() > 1) {
      l = l.strip();
      if (l.matches("^\\|[\\s:\\-|]+\\|$")) {
        return "";
      }
      // "フリーランス<br>某大手ゲーム会社": a line break inside a Markdown cell, as in HTML tables
      String inner = BREAK.matcher(l.substring(1, l.length() - 1)).replaceAll(" / ");
      l = String.join("\t", Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList());
    }
    l = l.replace("**", "").replace("__", "").replace("`", "");
    return l.replaceAll("^[ ]+|[ ]+$", "");
  }

  /** The part of a cell that names a section, without list markers, brackets and a colon. */
  static String label(String cell) {
    String c = MARKUP_PREFIX.matcher(cell.strip()).replaceFirst("");
    var bracket = BRACKETS.matcher(c);
    if (bracket.find()) {
      c = bracket.group(1) + c.substring(bracket.end());
    }
    c = c.strip();
    int colon = firstColon(c);
    return (colon >= 0 ? c.substring(0, colon) : c).strip();
  }

  static int firstColon(String text) {
    int a = text.indexOf(':');
    int b = text.indexOf('：');
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }

  /** The section a heading or table header names, or null when the cell is no heading. */
  static Section sectionNamed(String cell) {
    String label = label(cell);
    if (label.isEmpty() || label.length() > 30) {
      return null;
    }
    String l = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (l.matches(
        "(自己pr|自己紹介|自己アピール|アピールポイント|pr|職務要約|経歴要約|概要|サマリー|summary"
            + "|professional summary|profile summary|profile|about me|about|得意分野|強み)")) {
      return Section.SUMMARY;
    }
    if (l.matches(
        "(スキル|スキル一覧|スキルセット|保有スキル|テクニカルスキル|技術スキル|経験技術|技術|開発スキル"
            + "|スキル・経験|skills?|technical skills|skill set|skillset|tech stack|技術スタック"
            + "|言語|開発言語|スキル名|技術要素|skill / tool|経験スキル|.{0,6}(?:技術|スキル))")) {
      return Section.SKILLS;
    }
    if (l.matches(
        "(職務経歴|職務経歴詳細|業務経歴|経歴詳細|プロジェクト経歴|プロジェクト実績|案件経歴|参画案件|参画実績"
            + "|開発実績|主な経歴|経歴|職歴|業務実績|実績|プロジェクト|案件|案件一覧|work history|work experience|experience|professional experience"
            + "|projects|project history|employment history|career history|期間|no|no\\.)")) {
      return Section.HISTORY;
    }
    if (l.matches(
        "(資格|保有資格|資格・免許|免許・資格|取得資格|認定資格|certifications?|certificates?"
            + "|licenses? (?:and|&) certifications?|qualifications)")) {
      return Section.CERTIFICATIONS;
    }
    if (l.matches("(学歴|最終学歴|education|academic background)")) {
      return Section.EDUCATION;
    }
    return null;
  }

  // "技術名 | 経験 | レベル": a table of skills needs no heading above it.
  private static boolean isSkillTableHeader(List<String> cells) {
    if (cells.size() < 2) {
      return false;
    }
    boolean measure = false;
    for (String cell : cells) {
      String c = label(cell).toLowerCase(Locale.ROOT);
      if (c.matches("期間|業務内容|案件|period")) {
        return false;
      }
      measure |=
          c.matches("経験年数|経験|年数|期間\\(年\\)|レベル|評価|習熟度|自己評価|years?|level|proficiency|experience");
    }
    return measure;
  }

  private static boolean isWeak(String cell) {
    String l = label(cell).toLowerCase(Locale.ROOT);
    // "使用技術:" or "開発環境・技術" inside a project name the project's technologies.
    if (l.matches(".{1,6}(?:技術|スキル)")
        && !l.matches("保有スキル|テクニカルスキル|技術スキル|経験技術|経験スキル|開発スキル|スキル一覧")) {
      return true;
    }
    return l.matches(
        "(概要|期間|言語|技術|開発言語|技術要素|得意分野|強み|pr|profile|about|experience|projects" + "|no|no\\.)");
  }

  // A heading naming a section no reader consumes ("希望条件", "Languages", "趣味") ends the
  // previous section so its lines are not mistaken for that section's.
  private static boolean looksLikeOtherHeading(String line) {
    String l = label(line).toLowerCase(Locale.ROOT);
    return l.matches(
        "(希望条件|希望単価|稼働条件|趣味|備考|その他|連絡先|languages|spoken languages|interests"
            + "|hobbies|references|contact|語学|稼働可能日|ポートフォリオ)");
  }

  private static boolean isBareHeading(List<String> cells) {
    String first = cells.get(0).strip();
    int colon = firstColon(first);
    boolean inlineValue = colon >= 0 && !first.substring(colon + 1).isBlank();
    return !inlineValue && cells.stream().skip(1).allMatch(String::isBlank);
  }

  /** The text after "label:" on a line, or the next non-empty cell after a label cell. */
  static String valueAfterLabel(Line line) {
    List<String> cells = line.cells();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      int colon = firstColon(cell);
      if (colon >= 0) {
        String value = cell.substring(colon + 1).strip();
        if (!value.isEmpty()) {
          return joinRest(value, cells, i + 1);
        }
        return joinRest("", cells, i + 1);
      }
      if (i == 0 && cells.size() > 1) {
        return joinRest("", cells, 1);
      }
    }
    return "";
  }

  private static String joinRest(String first, List<String> cells, int from) {
    StringBuilder out = new StringBuilder(first);
    for (int i = from; i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        if (out.length() > 0) {
          return out.toString();
        }
        out.append(cells.get(i));
      }
    }
    return out.toString().strip();
  }
}
