package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillCategory;
import io.proxima.profile.domain.SkillLevel;
import io.proxima.profile.domain.SkillTaxonomy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillTableReaderTest {

  private final SkillTableReader reader = new SkillTableReader(SkillTaxonomy.standard());

  private Map<String, Skill> read(String text) {
    return reader.read(SheetLines.of(text));
  }

  @Test
  void readsTabSeparatedSkillTable() {
    Map<String, Skill> skills =
        read("スキル\t経験年数\t評価\nJava\t5年\t◎\nPostgreSQL\t2年\t○\nDocker\t6ヶ月\t△");
    assertThat(skills.get("Java"))
        .isEqualTo(
            new Skill("Java", SkillCategory.LANGUAGE, new BigDecimal("5"), SkillLevel.EXPERT));
    assertThat(skills.get("PostgreSQL").level()).isEqualTo(SkillLevel.ADVANCED);
    assertThat(skills.get("Docker").years()).isEqualByComparingTo("0.5");
    assertThat(skills.get("Docker").level()).isEqualTo(SkillLevel.PRACTICAL);
  }

  @Test
  void readsInlineYearsForSeveralSkillsOnALine() {
    Map<String, Skill> skills =
        read("# Skills\nJava 3年、Spring Boot 1.5年、PostgreSQL (2 years), Go: 1年6ヶ月 初級");
    assertThat(skills.get("Java").years()).isEqualByComparingTo("3");
    assertThat(skills.get("Spring Boot").years()).isEqualByComparingTo("1.5");
    assertThat(skills.get("PostgreSQL").years()).isEqualByComparingTo("2");
    assertThat(skills.get("Go").years()).isEqualByComparingTo("1.5");
    assertThat(skills.get("Go").level()).isEqualTo(SkillLevel.PRACTICAL);
  }

  @Test
  void proseYearsAreNotASkillsYears() {
    Map<String, Skill> skills = read("自己PR\nKotlinでのアプリ開発を6年経験しています。");
    assertThat(skills.get("Kotlin").years()).isNull();
  }

  @Test
  void skipsCertificationsAndCountsTheServiceNotItsProvider() {
    // Matching credits AWS through the taxonomy's implied parents; the sheet named AWS Lambda.
    Map<String, Skill> skills = read("資格\nAWS Certified Solutions Architect\nスキル\nAWS Lambda 2年");
    assertThat(skills.keySet()).containsExactly("AWS Lambda");
    assertThat(skills.get("AWS Lambda").years()).isEqualByComparingTo("2");
  }

  @ParameterizedTest
  @CsvSource({
    "◎,EXPERT",
    "○,ADVANCED",
    "〇,ADVANCED",
    "△,PRACTICAL",
    "上級,EXPERT",
    "中級,ADVANCED",
    "初級,PRACTICAL",
    "Expert,EXPERT",
    "Advanced,ADVANCED",
    "Intermediate,PRACTICAL",
    "Beginner,BASIC"
  })
  void mapsLevelMarks(String mark, SkillLevel level) {
    assertThat(SkillTableReader.level(mark)).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({"5年,5", "1.5年,1.5", "6ヶ月,0.5", "6か月,0.5", "1年6ヶ月,1.5", "3 years,3", "18 months,1.5"})
  void readsYears(String text, String years) {
    assertThat(SkillTableReader.years(text)).isEqualByComparingTo(years);
  }

  @Test
  void servicesInBracketsAfterTheirCloudAreTheServices() {
    assertThat(read("インフラ：Azure（Virtual Machines、Azure Monitor、Log Analytics）").keySet())
        .contains("Azure Virtual Machines", "Azure Monitor", "Azure Log Analytics");
    assertThat(read("データ基盤：Azure（Data Factory、Databricks）").keySet())
        .contains("Azure Data Factory", "Azure Databricks")
        .doesNotContain("Databricks");
    assertThat(read("ツール：Azure DevOps（Pipelines）").keySet()).contains("Azure Pipelines");
    assertThat(read("負荷分散：BIG-IP（LTM）").keySet()).contains("F5 BIG-IP LTM");
    assertThat(read("MLOps：GCP (Vertex AI, Cloud Run)").keySet())
        .contains("Vertex AI", "Cloud Run");
    // Items that compose to nothing stay what they are.
    assertThat(read("言語：Java（Spring Boot、MyBatis）").keySet())
        .contains("Java", "Spring Boot", "MyBatis");
  }

  @Test
  void aModuleAfterASlashSharesTheFirstOnesPrefix() {
    assertThat(read("・SAP FI/CO の要件定義").keySet()).contains("SAP FI", "SAP CO");
    assertThat(read("環境：SAP SD／MM").keySet()).contains("SAP SD", "SAP MM");
  }

  @Test
  void anEraInitialBeforeADateIsNoLanguage() {
    assertThat(read("2\tR3.10～R 5.3\t保険会社 基幹システム\tSE\t5名\tJava").keySet()).containsExactly("Java");
    assertThat(read("H28.4～R1.6\t補助金申請システム\tVB.NET").keySet()).containsExactly("VB.NET");
    assertThat(read("言語：R、Python").keySet()).contains("R", "Python");
    assertThat(read("氏名\tR.M（ムラカミ）\t年齢\t31").keySet()).isEmpty();
  }

  @Test
  void aClientServerSystemIsNoC() {
    assertThat(read("卸売業向け 販売管理 C/S システム開発\tDelphi").keySet()).containsExactly("Delphi");
  }
}
