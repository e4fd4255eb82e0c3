package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the freelancer's name, title and summary (自己PR) from the head of the sheet. */
final class ProfileFieldReader {

  record Fields(String name, String title, String summary) {}

  private static final Pattern NAME_LABEL =
      Pattern.compile(
          "氏名|名前|お名前|氏名\\s*\\(イニシャル\\)|イニシャル|name|full name|initials|candidate",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_LABEL =
      Pattern.compile(
          "職種|役職|肩書き?|ポジション|希望職種|現職種|title|job title|current title|role|position" + "|current role",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INITIALS = Pattern.compile("[A-Z]\\s*\\.\\s*[A-Z]\\.?");
  private static final Pattern PERSON =
      Pattern.compile(
          "\\p{Lu}[\\p{L}'’\\-]+(?:\\s+\\p{Lu}[\\p{L}'’\\-]+){1,3}"
              + "|[\\p{IsHan}]{1,4}\\s+[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,4}");
  // "2026年11月20日現在　氏名：松本 由美子", "2026年12月　木村 大輔": the name beside the date of writing.
  private static final Pattern NAME_IN_LINE =
      Pattern.compile(
          "(?:氏名|名前)\\s*[:：]?\\s*([\\p{IsHan}]{1,4}\\s+[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,4})\\s*$");
  private static final Pattern DATED_NAME =
      Pattern.compile(
          "^\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?(?:\\s*現在)?\\s+"
              + "([\\p{IsHan}]{1,4}\\s+[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,4})$");
  private static final int SUMMARY_LIMIT = 4000;
  // Title lines that look like two capitalised words: "Skill Sheet", "Curriculum Vitae".
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)sheet|resume|résumé|curriculum|vitae|profile|skills?|engineer|developer|experience"
              + "|summary|history|スキルシート|経歴書");
  private static final Pattern SPACED_LABEL = Pattern.compile("^(氏名|名前|職種|ポジション)\\s+(.+)$");
  private static final Pattern FOLLOWING_LABEL =
      Pattern.compile("\\s+(?:年齢|性別|生年月日|生年|最寄駅|最寄り駅|最寄|国籍|稼働|職種)(?:[\\s:：].*)?$");
  // "# Hiroshi Ito — Machine Learning Engineer"
  private static final Pattern NAME_THEN_TITLE = Pattern.compile("\\s+(?:[—–|/]|-{1,2})\\s+");

  Fields read(List<Line> lines, Set<Integer> used) {
    String name = null;
    String title = null;
    StringBuilder summary = new StringBuilder();
    for (Line line : lines) {
      if (line.blank()) {
        continue;
      }
      if (line.section() == Section.SUMMARY) {
        String text = line.heading() ? "" : summaryText(line);
        if (!text.isBlank() && summary.length() < SUMMARY_LIMIT) {
          if (summary.length() > 0) {
            summary.append('\n');
          }
          summary.append(text.strip());
        }
        used.add(line.index());
        continue;
      }
      if (line.section() != Section.HEADER && line.section() != Section.OTHER) {
        continue;
      }
      // Label and value share a cell ("氏名：山田") or sit in neighbouring cells (氏名 | 山田).
      String label = bilingual(SheetLines.label(line.cells().get(0)));
      if (name == null && NAME_LABEL.matcher(label).matches()) {
        name = cleanName(SheetLines.valueAfterLabel(line));
        used.add(line.index());
      } else if (title == null && TITLE_LABEL.matcher(label).matches()) {
        title = emptyToNull(SheetLines.valueAfterLabel(line));
        used.add(line.index());
      } else if (line.cells().size() == 1) {
        // A PDF loses the cell borders: "氏名 S.K 年齢 52歳".
        Matcher spaced = SPACED_LABEL.matcher(line.text());
        if (spaced.matches()) {
          String value = FOLLOWING_LABEL.matcher(spaced.group(2)).replaceFirst("").strip();
          if (name == null && NAME_LABEL.matcher(spaced.group(1)).matches()) {
            name = cleanName(value);
            used.add(line.index());
          } else if (title == null && TITLE_LABEL.matcher(spaced.group(1)).matches()) {
            title = emptyToNull(value);
            used.add(line.index());
          }
        }
      }
      // Spreadsheets put several labels on one row: 氏名 | T.Y | 職種 | SE
      for (int i = 1; i + 1 < line.cells().size(); i++) {
        String cellLabel = SheetLines.label(line.cells().get(i)).toLowerCase(Locale.ROOT);
        String next = line.cells().get(i + 1);
        if (title == null && TITLE_LABEL.matcher(cellLabel).matches() && !next.isBlank()) {
          title = next.strip();
          used.add(line.index());
        } else if (name == null && NAME_LABEL.matcher(cellLabel).matches() && !next.isBlank()) {
          name = cleanName(next);
          used.add(line.index());
        }
      }
    }
    if (name == null) {
      name = unlabelledName(lines, used);
    }
    String s = summary.toString().strip();
    if (s.codePointCount(0, s.length()) > SUMMARY_LIMIT) {
      s = s.substring(0, s.offsetByCodePoints(0, SUMMARY_LIMIT));
    }
    return new Fields(name, title == null ? null : limit(title, 200), s.isEmpty() ? null : s);
  }

  // "氏名 (Name)", "職種（Title）": a label in two languages names one field.
  private static String bilingual(String label) {
    return label
        .replaceAll("\\s*\\((?!イニシャル).*\\)$", "")
        .replaceAll("^(\\p{IsHan}{2,4})\\s+[A-Za-z ]{2,20}$", "$1")
        .toLowerCase(Locale.ROOT);
  }

  private static String summaryText(Line line) {
    String first = line.cells().get(0);
    if (SheetLines.sectionNamed(first) == Section.SUMMARY) {
      return SheetLines.valueAfterLabel(line);
    }
    return String.join(" ", line.cells()).strip();
  }

  // English CVs often open with the name alone: "Kenji Sato" or "K.S." as the first line.
  private static String unlabelledName(List<Line> lines, Set<Integer> used) {
    int looked = 0;
    for (Line line : lines) {
      if (line.blank()) {
        continue;
      }
      if (line.section() != Section.HEADER || ++looked > 4) {
        return null;
      }
      String whole = line.text().replace('\t', ' ').strip();
      Matcher inLine = NAME_IN_LINE.matcher(whole);
      if (inLine.find()) {
        used.add(line.index());
        return inLine.group(1).strip();
      }
      Matcher dated = DATED_NAME.matcher(whole);
      if (dated.matches()) {
        used.add(line.index());
        return dated.group(1).strip();
      }
      String text = NAME_THEN_TITLE.split(SheetLines.label(line.text()), 2)[0].strip();
      if ((PERSON.matcher(text).matches() || INITIALS.matcher(text).matches())
          && !NOT_A_NAME.matcher(text).find()) {
        used.add(line.index());
        return text;
      }
    }
    return null;
  }

  private static String cleanName(String value) {
    String v = value.replaceAll("[(（].*$", "").replaceAll("\\s*(様|さん|氏)$", "").strip();
    return emptyToNull(limit(v, 100));
  }

  private static String emptyToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String limit(String v, int limit) {
    return v.codePointCount(0, v.length()) > limit
        ? v.substring(0, v.offsetByCodePoints(0, limit))
        : v;
  }
}
