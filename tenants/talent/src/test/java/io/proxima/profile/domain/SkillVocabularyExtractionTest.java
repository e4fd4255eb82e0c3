package io.proxima.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the generated vocabulary beneath the curated taxonomy is read from sheet text. */
class SkillVocabularyExtractionTest {

  private final SkillTaxonomy taxonomy = SkillTaxonomy.standard();

  private List<String> found(String text) {
    return taxonomy.find(text).stream().map(SkillTaxonomy.Match::canonical).toList();
  }

  @Test
  void shipsThousandsOfTechnologiesFromTheGeneratedVocabulary() {
    assertThat(taxonomy.entries()).hasSizeGreaterThan(3000);
    // From Linguist, the AWS SDK's service list, simple-icons and the library list.
    assertThat(taxonomy.lookup("Elixir")).map(e -> e.category()).hasValue(SkillCategory.LANGUAGE);
    assertThat(taxonomy.lookup("Amazon Simple Queue Service"))
        .map(SkillTaxonomy.TaxonomyEntry::canonical)
        .hasValue("Amazon SQS");
    assertThat(taxonomy.lookup("AWS Step Functions").orElseThrow().implies()).contains("AWS");
    assertThat(found("Pinia/Vuex と Zustand")).containsExactly("Pinia", "Vuex", "Zustand");
    assertThat(found("SendGridでメール配信、Redashで分析")).containsExactly("SendGrid", "Redash");
  }

  @Test
  void aMoreSpecificNameExplainsTheGenericOne() {
    assertThat(found("AWS Lambda/SAM でバッチ")).containsExactly("AWS Lambda");
    assertThat(found("ユーティリティCSSで画面を作成")).isEmpty();
    assertThat(found("GitHub連携の機能を実装")).isEmpty();
    assertThat(found("GitHubでレビュー")).containsExactly("GitHub");
  }

  @Test
  void readsSlashCommaAndParenthesisedLists() {
    assertThat(found("AWS(EC2、RDS、S3)"))
        .containsExactly("AWS", "Amazon EC2", "Amazon RDS", "Amazon S3");
    assertThat(found("ECS(Fargate), SQS, Lambda"))
        .containsExactly("Amazon ECS", "AWS Fargate", "Amazon SQS", "AWS Lambda");
    assertThat(found("Go・gRPC・sqlc")).containsExactly("Go", "gRPC", "sqlc");
    assertThat(found("sqlc, mockgen, wire, ent")).containsExactly("sqlc", "mockgen", "Wire", "ent");
  }

  @Test
  void ordinaryWordBrandsCountOnlyInATechnologyContext() {
    assertThat(found("GitHub / Slack / Notion / Jira"))
        .containsExactly("GitHub", "Slack", "Notion", "Jira");
    assertThat(found("ツール: Notion")).containsExactly("Notion");
    assertThat(found("Notion")).containsExactly("Notion");
    // In prose the same words are words.
    assertThat(found("I had no notion of the Line, the Square or the Box at Google")).isEmpty();
    assertThat(found("The Notion of a clean wire protocol")).isEmpty();
    assertThat(found("SES契約で常駐")).isEmpty();
    assertThat(found("Apple と Amazon の案件")).isEmpty();
    // The caller may know a cell is a technology cell.
    assertThat(taxonomy.find("Notion", true)).hasSize(1);
  }

  @Test
  void keepsTheTokenRulesAndJapaneseAliases() {
    assertThat(found("Google と MongoDB")).containsExactly("MongoDB");
    assertThat(found("C社向け")).isEmpty();
    assertThat(found("Cisco IOS, iOSアプリ")).containsExactly("Cisco IOS", "iOS");
    assertThat(found("ゴー言語とジャバとポスグレ")).containsExactly("Go", "Java", "PostgreSQL");
    assertThat(found("golang, k8s, postgres, TS"))
        .containsExactly("Go", "Kubernetes", "PostgreSQL", "TypeScript");
  }

  @Test
  void loadsAndFindsQuickly() {
    long start = System.nanoTime();
    SkillTaxonomy fresh = SkillTaxonomy.load("/profile/skills.tsv", "/profile/vocabulary.tsv");
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    String sheet = "使用技術: Java, Spring Boot, AWS(EC2、RDS)、Notion\t5年\n".repeat(500);
    fresh.find(sheet); // warm up
    start = System.nanoTime();
    int found = 0;
    for (String line : sheet.split("\n")) {
      found += fresh.find(line).size();
    }
    long findMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(found).isEqualTo(500 * 6);
    System.out.printf("taxonomy load %d ms, find on 500 lines %d ms%n", loadMillis, findMillis);
    assertThat(loadMillis).as("load ms").isLessThan(3_000);
    assertThat(findMillis).as("find ms for a 500-line sheet").isLessThan(1_000);
  }
}
