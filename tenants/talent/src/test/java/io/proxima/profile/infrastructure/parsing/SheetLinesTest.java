package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetLinesTest {

  @Test
  void tagsSectionsByTheirHeadingsInManyStyles() {
    List<Line> lines =
        SheetLines.of(
            "職務経歴書\n■自己ＰＲ\nよろしくお願いします\n【保有スキル】\nJava\n## Work History\n"
                + "2023/08〜現在\n使用技術：Java\n資格：基本情報技術者");
    assertThat(lines)
        .extracting(Line::section)
        .containsExactly(
            Section.HEADER,
            Section.SUMMARY,
            Section.SUMMARY,
            Section.SKILLS,
            Section.SKILLS,
            Section.HISTORY,
            Section.HISTORY,
            Section.HISTORY,
            Section.CERTIFICATIONS);
    assertThat(lines.get(1).heading()).isTrue();
    assertThat(lines.get(7).heading()).isFalse();
  }

  @Test
  void aSkillTableHeaderStartsTheSkillsSection() {
    List<Line> lines = SheetLines.of("得意分野\t上流工程\n技術名\t経験\tレベル\nC#\t8年\t上級");
    assertThat(lines.get(2).section()).isEqualTo(Section.SKILLS);
  }

  @Test
  void keepsEmptyLeadingCellsAndTurnsMarkdownTablesIntoCells() {
    assertThat(SheetLines.of("\t\t・改善\t\tPostgreSQL").get(0).cells())
        .containsExactly("", "", "・改善", "", "PostgreSQL");
    List<Line> md = SheetLines.of("| スキル | 年数 |\n|---|---|\n| **Java** | 5年 |");
    assertThat(md.get(2).cells()).containsExactly("Java", "5年");
    assertThat(md.get(1).blank()).isTrue();
  }

  @Test
  void normalisesFullWidthAndKeepsCircledNumbersApart() {
    assertThat(SheetLines.of("①２０２１年１０月～現在").get(0).text()).isEqualTo("1. 2021年10月~現在");
    // "１．２０２５年４月": a list number glued to a year is kept apart too; a version is left alone.
    assertThat(SheetLines.of("１０．２００８年４月～２０１２年３月").get(0).text()).isEqualTo("10. 2008年4月~2012年3月");
    assertThat(SheetLines.of("Java 1.2023").get(0).text()).isEqualTo("Java 1.2023");
  }

  @Test
  void aLabelWithItsValueBesideItHoldsOnlyItsOwnRows() {
    List<SheetLines.Line> lines =
        SheetLines.of(
            "氏名\tR.M\n"
                + "資格\tAWS SAA（2021/09）\n"
                + "\tCKA（2023/04）\n"
                + "学歴\t九州工業大学 修了（2018/03）\n"
                + "#\t期間\tプロジェクト\n"
                + "1\t2024.02～継続中\t決済API\n"
                + "資格\n"
                + "応用情報技術者\n");
    assertThat(lines.stream().map(SheetLines.Line::section).toList())
        .containsExactly(
            Section.HEADER,
            Section.CERTIFICATIONS,
            Section.CERTIFICATIONS,
            Section.EDUCATION,
            Section.HEADER,
            Section.HEADER,
            Section.CERTIFICATIONS,
            Section.CERTIFICATIONS,
            Section.CERTIFICATIONS);
  }
}
