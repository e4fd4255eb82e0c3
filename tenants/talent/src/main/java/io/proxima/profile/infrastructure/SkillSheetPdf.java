package io.proxima.profile.infrastructure;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.pdf.JapaneseDocument;
import io.proxima.platform.pdf.JapaneseFont;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.ContractType;
import io.proxima.profile.domain.DesiredConditions;
import io.proxima.profile.domain.Education;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillCategory;
import io.proxima.profile.domain.WorkHistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The profile as a printable A4 skill sheet (スキルシート) in the layout Japanese agencies expect: basic
 * information, desired conditions, skills by category with years and ◎○△, then each engagement. The
 * Japanese font is embedded as a subset, so the sheet prints the same anywhere.
 */
final class SkillSheetPdf {

  private final JapaneseFont font;

  SkillSheetPdf(JapaneseFont font) {
    this.font = font;
  }

  byte[] render(Profile profile) {
    try (JapaneseDocument writer = JapaneseDocument.open(font, "proxima.profile.pdf.font")) {
      writer.title("スキルシート", profile.name(), profile.title());
      writer.heading("基本情報");
      writer.field("氏名", profile.name());
      writer.field("職種", profile.title());
      if (profile.links().githubUsername() != null) {
        writer.field("GitHub", "https://github.com/" + profile.links().githubUsername());
      }
      writer.field("ポートフォリオ", profile.links().portfolioUrl());
      if (profile.summary() != null) {
        writer.heading("自己PR");
        writer.paragraph(profile.summary(), 10);
      }
      desired(writer, profile.desired());
      skills(writer, profile.skills());
      history(writer, profile.workHistory());
      if (!profile.certifications().isEmpty()) {
        writer.heading("資格");
        for (Certification certification : profile.certifications()) {
          writer.paragraph(
              (certification.acquired() == null ? "" : acquired(certification.acquired()) + "　")
                  + certification.name(),
              10);
        }
      }
      if (!profile.education().isEmpty()) {
        writer.heading("学歴");
        for (Education school : profile.education()) {
          String line =
              (school.period() == null ? "" : period(school.period()) + "　")
                  + school.school()
                  + (school.field() == null ? "" : "　" + school.field())
                  + (school.degree() == null ? "" : "（" + school.degree() + "）");
          writer.paragraph(line, 10);
        }
      }
      return writer.toPdf();
    } catch (IOException e) {
      throw new UncheckedIOException("the skill sheet could not be rendered", e);
    }
  }

  private static void desired(JapaneseDocument writer, DesiredConditions desired)
      throws IOException {
    writer.heading("希望条件");
    if (desired.monthlyRateMinYen() != null || desired.monthlyRateMaxYen() != null) {
      writer.field(
          "単価",
          manYen(desired.monthlyRateMinYen()) + "〜" + manYen(desired.monthlyRateMaxYen()) + "/月");
    }
    if (desired.daysPerWeek() != null) {
      writer.field("稼働日数", "週" + desired.daysPerWeek() + "日");
    }
    if (desired.workStyle() != null) {
      writer.field("勤務形態", workStyle(desired.workStyle()));
    }
    if (!desired.locations().isEmpty()) {
      writer.field("勤務地", String.join("、", desired.locations()));
    }
    if (desired.startDate() != null) {
      LocalDate start = desired.startDate();
      writer.field(
          "開始可能日",
          start.getYear() + "年" + start.getMonthValue() + "月" + start.getDayOfMonth() + "日");
    }
    if (!desired.contractTypes().isEmpty()) {
      writer.field(
          "契約形態",
          desired.contractTypes().stream()
              .sorted()
              .map(SkillSheetPdf::contractType)
              .collect(Collectors.joining("、")));
    }
    if (!desired.paymentTermsDays().isEmpty()) {
      writer.field(
          "支払いサイト",
          desired.paymentTermsDays().stream()
              .sorted()
              .map(days -> days + "日")
              .collect(Collectors.joining("、")));
    }
  }

  private static void skills(JapaneseDocument writer, List<Skill> skills) throws IOException {
    if (skills.isEmpty()) {
      return;
    }
    writer.heading("スキル（◎ 指導可能　○ 独力で可能　△ 支援があれば可能）");
    Map<SkillCategory, List<Skill>> byCategory =
        skills.stream()
            .collect(
                Collectors.groupingBy(
                    Skill::category,
                    () -> new java.util.EnumMap<>(SkillCategory.class),
                    Collectors.toList()));
    for (var category : byCategory.entrySet()) {
      String line =
          category.getValue().stream()
              .map(
                  skill ->
                      skill.name()
                          + (skill.years() == null ? "" : " " + skill.years().toPlainString() + "年")
                          + (skill.level() == null ? "" : " " + level(skill)))
              .collect(Collectors.joining("　/　"));
      writer.field(category(category.getKey()), line);
    }
  }

  private static void history(JapaneseDocument writer, List<WorkHistoryEntry> history)
      throws IOException {
    if (history.isEmpty()) {
      return;
    }
    writer.heading("職務経歴");
    int number = 1;
    for (WorkHistoryEntry entry : history) {
      writer.subheading(
          number++
              + ".　"
              + period(entry.period())
              + (entry.company() == null ? "" : "　" + entry.company()));
      writer.field("案件", entry.project());
      if (!entry.via().isEmpty()) {
        writer.field("商流", String.join(" → ", entry.via()) + " → " + nonNull(entry.company()));
      }
      writer.field("役割", entry.role());
      if (!entry.phases().isEmpty()) {
        writer.field(
            "担当工程",
            entry.phases().stream()
                .map(io.proxima.profile.domain.EngagementPhase::japanese)
                .collect(java.util.stream.Collectors.joining("・")));
      }
      if (entry.teamSize() != null) {
        writer.field("チーム規模", entry.teamSize() + "名");
      }
      if (!entry.technologies().isEmpty()) {
        writer.field("使用技術", String.join(", ", entry.technologies()));
      }
      if (entry.description() != null) {
        writer.field("業務内容", entry.description());
      }
      writer.gap(6);
    }
  }

  private static String nonNull(String company) {
    return company == null ? "エンド企業" : company;
  }

  /** "2022年4月", or "2022年" when only the year is known — never a month the profile lacks. */
  static String acquired(Acquired acquired) {
    return acquired.year() + "年" + (acquired.month() == null ? "" : acquired.month() + "月");
  }

  static String period(Period period) {
    String from = period.from().getYear() + "年" + period.from().getMonthValue() + "月";
    String to =
        period.to() == null
            ? "現在"
            : period.to().getYear() + "年" + period.to().getMonthValue() + "月";
    return from + "〜" + to;
  }

  private static String manYen(Integer yen) {
    if (yen == null) {
      return "";
    }
    return yen % 10_000 == 0 ? yen / 10_000 + "万円" : String.format("%,d円", yen);
  }

  private static String level(Skill skill) {
    switch (skill.level()) {
      case EXPERT:
        return "◎";
      case ADVANCED:
        return "○";
      case PRACTICAL:
        return "△";
      default:
        return "（学習中）";
    }
  }

  private static String workStyle(WorkStyle style) {
    switch (style) {
      case REMOTE:
        return "フルリモート";
      case HYBRID:
        return "ハイブリッド（一部出社）";
      default:
        return "常駐";
    }
  }

  private static String contractType(ContractType type) {
    switch (type) {
      case QUASI_MANDATE:
        return "準委任";
      case CONTRACT_FOR_WORK:
        return "請負";
      default:
        return "派遣";
    }
  }

  private static String category(SkillCategory category) {
    switch (category) {
      case LANGUAGE:
        return "言語";
      case FRAMEWORK:
        return "フレームワーク";
      case CLOUD:
        return "クラウド";
      case DATABASE:
        return "データベース";
      case TOOL:
        return "ツール";
      case OS:
        return "OS";
      default:
        return "その他";
    }
  }
}
