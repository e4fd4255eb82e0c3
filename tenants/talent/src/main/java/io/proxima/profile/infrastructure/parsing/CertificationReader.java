package io.proxima.profile.infrastructure.parsing;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads certifications (資格): every item of the certification section, and lines elsewhere that name
 * a well-known certification. "応用情報技術者試験 (2019年10月取得)", "2021/03 AWS Certified Developer –
 * Associate".
 */
final class CertificationReader {

  private static final Pattern KNOWN =
      Pattern.compile(
          "情報技術者|情報処理安全確保支援士|スペシャリスト試験|ネットワークスペシャリスト|データベーススペシャリスト"
              + "|ITパスポート|情報セキュリティマネジメント|システムアーキテクト試験|プロジェクトマネージャ試験"
              + "|AWS Certified|AWS認定|Google Cloud Certified|Professional Cloud|Microsoft Certified"
              + "|AZ-\\d{3}|Certified|LPIC|LinuC|CCNA|CCNP|ORACLE MASTER|Oracle Certified|Java (?:Silver|Gold)"
              + "|(?:Silver|Gold) SE|TOEIC|TOEFL|英検|簿記|PMP|ITIL|G検定|E資格|CKA|CKAD|Python3エンジニア"
              + "|認定資格|Scrum Master|CSM|PSM",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NOISE =
      Pattern.compile(
          "(取得|合格|取得済み?|認定|\\(\\s*\\)|（\\s*）|年月|acquired|obtained|passed)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COLUMN_LABEL =
      Pattern.compile(
          "資格|資格名|名称|取得年月|取得年|取得年度|取得日|取得時期|年月|保有資格|certifications?|name|date" + "|obtained",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> NOT_CERTIFICATIONS = Set.of("なし", "特になし", "none", "-");

  // "ITパスポート（2021年）／基本情報技術者試験（2023年6月）", "JLPT N1 (2021) · Ruby Silver (2020)":
  // a slash or a middle dot after a bracket closes one certification and opens the next.
  private static final Pattern AFTER_BRACKET =
      Pattern.compile("(?<=[)）])\\s*[/／·・]\\s*(?=\\S)|\\s+·\\s+");

  // A year without its month: "（2019年）", "(2018)", "（令和3年）", "（H24）", "平成29年", "— 2023",
  // "PMP, 2021", "2019年 取得", a leading "令和3年 基本情報技術者" and a date cell holding only "2019".
  // The profile keeps it as a year alone, never as a made-up month.
  private static final Pattern YEAR_ONLY =
      Pattern.compile(
          "\\s*[(（]\\s*(?:(?:19|20)\\d{2}\\s*年?|(?:令和|平成|昭和|[RHSrhs])\\s*(?:\\d{1,2}|元)\\s*年?"
              + "|(?:令和|平成|昭和)\\s*(?:\\d{1,2}|元)\\s*年度?)\\s*(?:取得|合格|登録)?\\s*[)）]"
              + "|\\s*[—–,]\\s*(?:19|20)\\d{2}\\s*$"
              + "|(?<![\\dA-Za-z.])(?:(?:19|20)\\d{2}\\s*年|(?:令和|平成|昭和)\\s*(?:\\d{1,2}|元)\\s*年度?)"
              + "\\s*(?:取得|合格|登録)?\\s*(?:[(（]\\s*(?:失効|更新|登録)\\s*[)）])?\\s*$"
              + "|^\\s*(?:(?:19|20)\\d{2}\\s*年|(?:令和|平成|昭和|[RHS])\\s*(?:\\d{1,2}|元)\\s*年)度?"
              + "\\s*(?:取得|合格|登録)?[\\s:]*(?=\\S)"
              + "|^\\s*(?:19|20)\\d{2}\\s*$");

  // The year inside what YEAR_ONLY matched: Western, or an era year read by PeriodParser's table.
  private static final Pattern YEAR =
      Pattern.compile(
          "(?<!\\d)(?<y>(?:19|20)\\d{2})(?!\\d)"
              + "|(?<![A-Za-z])(?<era>令和|平成|昭和|[RHSrhs])\\s*(?<ey>\\d{1,2}|元)(?!\\d)");

  // "(登録番号第012345号)", "(失効)" and leaders or dashes left where a date stood.
  private static final Pattern NOTE =
      Pattern.compile(
          "[(（]\\s*(?:登録番号[^)）]*|失効|登録)\\s*[)）]|\\s*[—–]\\s*(?:registered)?\\s*$|[.…]{2,}\\s*$");

  static boolean looksLikeCertification(String text) {
    return KNOWN.matcher(text).find();
  }

  List<Certification> read(List<Line> lines, Set<Integer> used) {
    List<Certification> certifications = new ArrayList<>();
    for (Line line : lines) {
      if (line.blank() || line.heading()) {
        continue;
      }
      boolean inSection = line.section() == Section.CERTIFICATIONS;
      boolean elsewhere =
          !inSection
              && line.section() != Section.HISTORY
              && line.section() != Section.SUMMARY
              && looksLikeCertification(line.text())
              && line.text().length() < 120;
      if (!inSection && !elsewhere) {
        continue;
      }
      String text = line.text();
      int colon = SheetLines.firstColon(text);
      if (colon >= 0) {
        String label = text.substring(0, colon);
        if (SheetLines.sectionNamed(label) != Section.CERTIFICATIONS
            && !looksLikeCertification(label)) {
          if (!looksLikeCertification(text)) {
            continue; // "最寄駅: 渋谷" after an inline "資格:" line
          }
        } else if (SheetLines.sectionNamed(label) == Section.CERTIFICATIONS) {
          text = text.substring(colon + 1);
        }
      }
      Items fromLine = items(text);
      if (!fromLine.found().isEmpty()) {
        certifications.addAll(fromLine.found());
        // A date the profile cannot hold (1949, next decade) stays in the notes, for the reviewer.
        if (!fromLine.dateLeftOut()) {
          used.add(line.index());
        }
      }
    }
    return certifications;
  }

  /**
   * The certifications of one line.
   *
   * @param dateLeftOut a date was written that no certification could take (out of range)
   */
  private record Items(List<Certification> found, boolean dateLeftOut) {}

  private static Items items(String text) {
    List<String> parts = new ArrayList<>();
    for (String cell : text.split("\t")) {
      // ASCII commas stay: they belong to names ("Oracle Certified Java Programmer, Silver SE 11").
      for (String part : AFTER_BRACKET.matcher(cell).replaceAll("、").split("\\s*(?:、| / |;)\\s*")) {
        if (!part.isBlank() && !COLUMN_LABEL.matcher(part.strip()).matches()) {
          parts.add(part.strip());
        }
      }
    }
    List<Certification> found = new ArrayList<>();
    boolean dateLeftOut = false;
    Acquired pendingDate = null;
    for (String part : parts) {
      List<PeriodParser.Month> months = PeriodParser.months(part);
      boolean dated = !months.isEmpty();
      Acquired acquired = dated ? acquired(months.get(0)) : null;
      String name = part;
      for (int i = months.size() - 1; i >= 0; i--) {
        PeriodParser.Month m = months.get(i);
        name = name.substring(0, m.start()) + name.substring(m.end());
      }
      Matcher yearOnly = YEAR_ONLY.matcher(name);
      if (!dated && yearOnly.find()) {
        dated = true;
        acquired = yearAlone(yearOnly.group());
      }
      dateLeftOut |= dated && acquired == null;
      name = clean(YEAR_ONLY.matcher(name).replaceAll(""));
      if (name.isEmpty() || NOT_CERTIFICATIONS.contains(name.toLowerCase())) {
        // A date cell on its own dates the name next to it.
        pendingDate = acquired != null ? acquired : pendingDate;
        if (acquired != null
            && !found.isEmpty()
            && found.get(found.size() - 1).acquired() == null) {
          Certification last = found.remove(found.size() - 1);
          found.add(new Certification(last.name(), acquired));
          pendingDate = null;
        }
        continue;
      }
      if (acquired == null && pendingDate != null) {
        acquired = pendingDate;
        pendingDate = null;
      }
      if (name.length() <= 200) {
        found.add(new Certification(name, acquired));
      }
    }
    return new Items(found, dateLeftOut);
  }

  private static Acquired acquired(PeriodParser.Month month) {
    try {
      return Acquired.of(month.month());
    } catch (DomainException.InvalidValue e) {
      return null; // a month the parser reads (up to 2100) but no certification can have been in
    }
  }

  private static Acquired yearAlone(String matched) {
    Matcher year = YEAR.matcher(matched);
    if (!year.find()) {
      return null;
    }
    try {
      return Acquired.inYear(
          year.group("y") != null
              ? Integer.parseInt(year.group("y"))
              : PeriodParser.eraYear(year.group("era"), year.group("ey")));
    } catch (DomainException.InvalidValue e) {
      return null;
    }
  }

  private static String clean(String name) {
    String n = name.strip();
    String previous;
    do {
      previous = n;
      n = NOISE.matcher(n).replaceAll("").strip();
      n = NOTE.matcher(n).replaceAll("").strip();
      n = n.replaceAll("^[\\s:・\\-*]+|[\\s:、,。(（—–]+$", "").strip();
      n = n.replaceAll("[(（]\\s*(?:取得|合格|取得済み?)?\\s*[)）]", "").strip();
      n = n.replaceAll(",?\\s*(?:19|20)\\d{2}\\s*$", "").strip();
    } while (!n.equals(previous));
    return n;
  }
}
