package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillLevel;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the skills a sheet names, with years and level where a skill table or line gives them:
 * "Java\t5年\t◎", "Java 3年", "PostgreSQL (2 years)", "1年6ヶ月", "Go: 6か月 初級".
 */
final class SkillTableReader {

  private static final String MONTH_UNIT = "(?:ヶ月|か月|ヵ月|カ月|ケ月|箇月|months?|mos?)";
  private static final Pattern YEARS =
      Pattern.compile(
          "(?<![\\d.])(?<y>\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:年|years?|yrs?|y)(?![a-z])"
              + "(?:\\s*(?<ym>\\d{1,2})\\s*"
              + MONTH_UNIT
              + ")?"
              + "|(?<![\\d.])(?<m>\\d{1,2})\\s*"
              + MONTH_UNIT,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LEVEL =
      Pattern.compile(
          "[◎○〇◯△]|上級|中級|初級|expert|advanced|intermediate|beginner|basic", Pattern.CASE_INSENSITIVE);

  private final SkillTaxonomy taxonomy;

  SkillTableReader(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** A years or level mark and where it stands. */
  private record Mark(int at, BigDecimal years, SkillLevel level) {}

  /**
   * Every skill named outside the certification and education sections, keyed by canonical name in
   * order of first mention.
   */
  Map<String, Skill> read(List<Line> lines) {
    Map<String, Skill> skills = new LinkedHashMap<>();
    for (Line line : lines) {
      if (line.section() == Section.CERTIFICATIONS
          || line.section() == Section.EDUCATION
          || CertificationReader.looksLikeCertification(line.text())) {
        continue;
      }
      List<SkillTaxonomy.Match> matches = SkillMentions.find(taxonomy, line.text());
      if (matches.isEmpty()) {
        continue;
      }
      boolean table = line.section() != Section.HISTORY && PeriodParser.find(line.text()).isEmpty();
      Map<SkillTaxonomy.Match, List<Mark>> marks = table ? marks(line.text(), matches) : Map.of();
      for (SkillTaxonomy.Match match : matches) {
        List<Mark> own = marks.getOrDefault(match, List.of());
        BigDecimal years =
            own.stream().map(Mark::years).filter(y -> y != null).findFirst().orElse(null);
        SkillLevel level =
            own.stream().map(Mark::level).filter(l -> l != null).findFirst().orElse(null);
        Skill existing = skills.get(match.canonical());
        if (existing == null) {
          skills.put(
              match.canonical(),
              new Skill(match.canonical(), match.entry().category(), years, level));
        } else if ((existing.years() == null && years != null)
            || (existing.level() == null && level != null)) {
          skills.put(
              match.canonical(),
              new Skill(
                  existing.name(),
                  existing.category(),
                  existing.years() != null ? existing.years() : years,
                  existing.level() != null ? existing.level() : level));
        }
      }
    }
    return skills;
  }

  // Each mark belongs to the nearest skill named before it: "Java 5年 ◎ Python 2年 ○", as long
  // as only separators and other marks stand between them: in "Kotlinでの開発を6年" the 6 years
  // are the sentence's, not Kotlin's.
  private static Map<SkillTaxonomy.Match, List<Mark>> marks(
      String text, List<SkillTaxonomy.Match> matches) {
    List<Mark> marks = new ArrayList<>();
    Matcher years = YEARS.matcher(text);
    while (years.find()) {
      BigDecimal y = years(years);
      if (y != null && !insideMatch(years.start(), matches)) {
        marks.add(new Mark(years.start(), y, null));
      }
    }
    Matcher level = LEVEL.matcher(text);
    while (level.find()) {
      if (!insideMatch(level.start(), matches)) {
        marks.add(new Mark(level.start(), null, level(level.group())));
      }
    }
    Map<SkillTaxonomy.Match, List<Mark>> byMatch = new LinkedHashMap<>();
    for (Mark mark : marks) {
      SkillTaxonomy.Match owner = null;
      for (SkillTaxonomy.Match m : matches) {
        // An implied skill ("AWS" from "AWS Lambda") shares its mention and takes no marks.
        if (m.end() <= mark.at() && (owner == null || m.start() > owner.start())) {
          owner = m;
        }
      }
      if (owner != null && onlySeparators(text, owner.end(), mark.at())) {
        byMatch.computeIfAbsent(owner, k -> new ArrayList<>()).add(mark);
      }
    }
    return byMatch;
  }

  private static boolean onlySeparators(String text, int from, int to) {
    String gap = text.substring(from, to);
    gap = YEARS.matcher(gap).replaceAll("");
    gap = LEVEL.matcher(gap).replaceAll("");
    gap = gap.replaceAll("(?i)経験|実務|以上|約|程度|level|exp\\.?", "");
    return gap.matches("[\\s:()\\[\\]\\-–—,、/|=・]*");
  }

  private static boolean insideMatch(int at, List<SkillTaxonomy.Match> matches) {
    return matches.stream().anyMatch(m -> at >= m.start() && at < m.end());
  }

  static BigDecimal years(Matcher m) {
    BigDecimal value;
    if (m.group("y") != null) {
      value = new BigDecimal(m.group("y"));
      if (m.group("ym") != null) {
        value = value.add(months(Integer.parseInt(m.group("ym"))));
      }
    } else {
      value = months(Integer.parseInt(m.group("m")));
    }
    return value.compareTo(BigDecimal.valueOf(60)) > 0 ? null : value;
  }

  /** The years in a text such as "1年6ヶ月" or "6か月"; null when it gives none. */
  static BigDecimal years(String text) {
    Matcher m = YEARS.matcher(text);
    return m.find() ? years(m) : null;
  }

  private static BigDecimal months(int months) {
    return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
  }

  static SkillLevel level(String mark) {
    switch (mark.toLowerCase(Locale.ROOT)) {
      case "◎":
      case "上級":
      case "expert":
        return SkillLevel.EXPERT;
      case "○":
      case "〇":
      case "◯":
      case "中級":
      case "advanced":
        return SkillLevel.ADVANCED;
      case "△":
      case "初級":
      case "intermediate":
        return SkillLevel.PRACTICAL;
      default:
        return SkillLevel.BASIC;
    }
  }
}
