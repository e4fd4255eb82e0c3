package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.Education;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the schools of the education section (学歴), or of a "最終学歴:" line. */
final class EducationReader {

  private static final Pattern SCHOOL =
      Pattern.compile(
          "[^\\s\\t,、]*(?:大学院|大学|高等専門学校|高専|専門学校|高等学校|高校)"
              + "|(?:[A-Z][\\w.&'\\-]*\\s+){0,5}(?:University|College|Institute|School|Academy)"
              + "(?:\\s+of(?:\\s+[A-Z][\\w.&'\\-]*){1,4})?");
  private static final Pattern DEGREE =
      Pattern.compile(
          "学士|修士|博士|Bachelor(?:'s)?(?: of [A-Z][a-z]+)?|Master(?:'s)?(?: of [A-Z][a-z]+)?"
              + "|Ph\\.?D\\.?|MBA|B\\.?Sc?\\.|M\\.?Sc?\\.");
  private static final Pattern FIELD =
      Pattern.compile(
          "[^\\s\\t,、]+(?:学部|学科|専攻|研究科)(?:\\s*[^\\s\\t,、]+(?:学科|専攻|コース))?"
              + "|(?:in|major(?:ing)? in)\\s+([A-Z][A-Za-z ]{2,40})");

  List<Education> read(List<Line> lines, Set<Integer> used) {
    List<Education> education = new ArrayList<>();
    for (Line line : lines) {
      if (line.blank() || line.heading() || line.section() != Section.EDUCATION) {
        continue;
      }
      Matcher school = SCHOOL.matcher(line.text());
      if (!school.find()) {
        continue;
      }
      String schoolName = school.group().strip();
      Matcher degree = DEGREE.matcher(line.text());
      Matcher field = FIELD.matcher(line.text());
      String fieldName = null;
      if (field.find()) {
        fieldName = field.group(1) != null ? field.group(1).strip() : field.group().strip();
      }
      var period = PeriodParser.find(line.text()).map(PeriodParser.Found::period).orElse(null);
      if (period == null) {
        // "2009年3月 東洋工科大学 工学部 卒業": one month on the line is when the school was finished.
        List<PeriodParser.Month> months = PeriodParser.months(line.text());
        if (months.size() == 1) {
          period =
              new io.proxima.profile.domain.Period(months.get(0).month(), months.get(0).month());
        }
      }
      if (schoolName.length() <= 200) {
        education.add(
            new Education(schoolName, degree.find() ? degree.group() : null, fieldName, period));
        used.add(line.index());
      }
    }
    return education;
  }
}
