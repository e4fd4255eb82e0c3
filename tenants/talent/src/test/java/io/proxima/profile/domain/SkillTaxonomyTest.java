package io.proxima.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillTaxonomyTest {

  private final SkillTaxonomy taxonomy = SkillTaxonomy.standard();

  private List<String> found(String text) {
    return taxonomy.find(text).stream().map(SkillTaxonomy.Match::canonical).toList();
  }

  @Test
  void shipsAtLeast250SkillsInEveryCategory() {
    assertThat(taxonomy.entries()).hasSizeGreaterThanOrEqualTo(250);
    for (SkillCategory category : SkillCategory.values()) {
      if (category != SkillCategory.OTHER) {
        assertThat(taxonomy.entries()).anyMatch(e -> e.category() == category);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "JS|JavaScript",
        "Javascript|JavaScript",
        "ＪａｖａＳｃｒｉｐｔ|JavaScript",
        "TS|TypeScript",
        "Postgres|PostgreSQL",
        "ポスグレ|PostgreSQL",
        "postgresql|PostgreSQL",
        "k8s|Kubernetes",
        "Golang|Go",
        "Go言語|Go",
        "Ｃ＃|C#",
        "C++|C++",
        ".NET|.NET",
        "Node|Node.js",
        "React.js|React",
        "Vue|Vue.js",
        "springboot|Spring Boot",
        "GCP|Google Cloud",
        "Google Cloud|Google Cloud",
        "Oracle|Oracle Database",
        "MSSQL|SQL Server",
        "RHEL|Red Hat Enterprise Linux",
        "パイソン|Python",
        "ｼｪﾙｽｸﾘﾌﾟﾄ|Shell Script"
      })
  void looksUpAliases(String term, String canonical) {
    assertThat(taxonomy.lookup(term))
        .map(SkillTaxonomy.TaxonomyEntry::canonical)
        .hasValue(canonical);
  }

  @Test
  void shortNamesAreCaseSensitive() {
    assertThat(taxonomy.lookup("go")).isEmpty();
    assertThat(taxonomy.lookup("Go")).map(SkillTaxonomy.TaxonomyEntry::canonical).hasValue("Go");
    assertThat(taxonomy.lookup("unknown thing")).isEmpty();
  }

  @Test
  void compositeAliasYieldsTheServiceAndKeepsItsProviderAsImplied() {
    assertThat(found("AWS Lambda")).containsExactly("AWS Lambda");
    assertThat(taxonomy.lookup("AWS Lambda").orElseThrow().implies()).containsExactly("AWS");
    assertThat(found("CentOS 7")).containsExactly("CentOS");
    assertThat(taxonomy.lookup("CentOS").orElseThrow().implies()).containsExactly("Linux");
    assertThat(taxonomy.categoryOf("CentOS")).isEqualTo(SkillCategory.OS);
  }

  @Test
  void respectsTokenBoundaries() {
    assertThat(found("Google Analytics と MongoDB")).containsExactly("Google Analytics", "MongoDB");
    assertThat(found("JavaScript")).containsExactly("JavaScript");
    assertThat(found("Java/JavaScript")).containsExactly("Java", "JavaScript");
    assertThat(found("C社向け Cランク")).isEmpty();
    assertThat(found("C/C++, R")).containsExactly("C", "C++", "R");
    assertThat(found("R5.8～現在")).isEmpty();
    assertThat(found("go live")).isEmpty();
    assertThat(found("Go, Python3, Java8, Oracle12c"))
        .containsExactly("Go", "Python", "Java", "Oracle Database");
    assertThat(found("Spring Boot と Spring")).containsExactly("Spring Boot", "Spring Framework");
    assertThat(found("ASP.NET Core と VB.NET")).containsExactly("ASP.NET", "VB.NET");
    assertThat(found("Goを使用")).containsExactly("Go");
  }

  @Test
  void caseMarksKeepNetworkOsApartFromIos() {
    assertThat(found("Cisco IOS, IOS-XE")).containsExactly("Cisco IOS", "Cisco IOS");
    assertThat(found("各種iOS/Androidアプリ")).containsExactly("iOS", "Android");
    assertThat(found("IOS")).isEmpty();
  }

  @Test
  void categoryOfUnknownIsOther() {
    assertThat(taxonomy.categoryOf("Java")).isEqualTo(SkillCategory.LANGUAGE);
    assertThat(taxonomy.categoryOf("PostgreSQL")).isEqualTo(SkillCategory.DATABASE);
    assertThat(taxonomy.categoryOf("Cobolt")).isEqualTo(SkillCategory.OTHER);
  }
}
