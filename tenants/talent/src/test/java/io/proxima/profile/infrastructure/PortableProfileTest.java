package io.proxima.profile.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.pdf.JapaneseDocument;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillLevel;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.parsing.RuleBasedSkillSheetParser;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PortableProfileTest {

  private final RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();

  private static final String SHEET =
      """
      スキルシート
      氏名: 山田 太郎
      職種: バックエンドエンジニア
      【自己PR】
      決済システムの設計と開発を10年経験。
      【スキル】
      Java\t8年\t◎
      Postgres\t3年6ヶ月\t○
      Python\t6ヶ月\t△
      【職務経歴】
      2023年8月～現在\t大手EC事業者\tSE\t6名\tJava, Spring Boot, AWS
      決済APIの設計・開発
      2020年4月 - 2023年7月
      会社: 大手金融機関
      役割: PL
      規模: 12名
      使用技術: Java, Oracle, Jenkins
      業務内容: 勘定系システムの保守開発
      【資格】
      応用情報技術者 2016年4月
      AWS Certified Solutions Architect - Associate (2021年10月)
      """;

  @Test
  void aJapaneseSheetBecomesADraft() {
    SkillSheetDraft draft = parser.parse(SHEET);

    assertThat(draft.name()).isEqualTo("山田 太郎");
    assertThat(draft.title()).isEqualTo("バックエンドエンジニア");
    assertThat(draft.summary()).contains("決済システム");
    assertThat(draft.skills())
        .extracting(Skill::name)
        .contains(
            "Java", "PostgreSQL", "Python", "Spring Boot", "AWS", "Oracle Database", "Jenkins");
    Skill postgres =
        draft.skills().stream()
            .filter(s -> s.name().equals("PostgreSQL"))
            .findFirst()
            .orElseThrow();
    assertThat(postgres.years()).isEqualTo(new BigDecimal("3.5"));
    assertThat(postgres.level()).isEqualTo(SkillLevel.ADVANCED);
    assertThat(draft.workHistory()).hasSize(2);
    WorkHistoryEntry current = draft.workHistory().get(0);
    assertThat(current.period().ongoing()).isTrue();
    assertThat(current.company()).isEqualTo("大手EC事業者");
    assertThat(current.teamSize()).isEqualTo(6);
    assertThat(current.technologies()).containsExactly("Java", "Spring Boot", "AWS");
    WorkHistoryEntry bank = draft.workHistory().get(1);
    assertThat(bank.company()).isEqualTo("大手金融機関");
    assertThat(bank.role()).isEqualTo("PL");
    assertThat(bank.teamSize()).isEqualTo(12);
    assertThat(bank.description()).contains("勘定系");
    assertThat(draft.certifications())
        .extracting(c -> c.name() + "@" + c.acquired())
        .contains("応用情報技術者@2016-04");
  }

  @Test
  void theProfileTravelsAsJsonResumeLosslesslyAndPrintsInJapanese() throws Exception {
    SkillSheetDraft draft = parser.parse(SHEET);
    Profile profile =
        new Profile(
            "f-1",
            draft.name(),
            draft.title(),
            draft.summary(),
            draft.skills(),
            draft.workHistory(),
            draft.education(),
            // A sheet may give a year alone: it travels and prints as a year, never a month.
            Stream.concat(
                    draft.certifications().stream(),
                    Stream.of(new Certification("ITパスポート", Acquired.inYear(2019))))
                .toList(),
            null,
            null,
            null,
            0);
    String json = JsonResume.write(profile);
    assertThat(json).contains("\"basics\"", "\"work\"", "\"x-proxima\"");
    // JSON Resume's date is ISO 8601 of any precision: a year alone is "2019", not "2019-01".
    assertThat(json).contains("\"2016-04\"", "\"2019\"").doesNotContain("2019-01");
    assertThat(JsonResume.read("f-1", json)).usingRecursiveComparison().isEqualTo(profile);
    assertThatThrownBy(() -> JsonResume.read("f-1", "{\"basics\": ["))
        .isInstanceOf(DomainException.InvalidValue.class);
    Profile foreign =
        JsonResume.read(
            "f-2",
            """
            {"basics":{"name":"Ann","profiles":[{"network":"GitHub","username":"ann-dev"}]},
             "work":[{"name":"Acme","position":"Dev","startDate":"2021-02-01","highlights":["Postgres"]}],
             "skills":[{"name":"JS"}]}
            """);
    assertThat(foreign.skills()).extracting(Skill::name).containsExactly("JavaScript");
    assertThat(foreign.workHistory().get(0).technologies()).containsExactly("PostgreSQL");
    assertThat(foreign.links().githubUsername()).isEqualTo("ann-dev");

    // A document stored before certifications could be dated by year reads back unchanged, and
    // another tool's certificate dates keep the precision they were written with.
    Profile stored =
        JsonResume.read(
            "f-3",
            """
            {"basics":{"name":"Ann"},
             "certificates":[{"name":"応用情報技術者","date":"2015-10"}],
             "x-proxima":{"schemaVersion":1,
               "certifications":[{"name":"応用情報技術者","acquired":"2015-10"},{"name":"PMP"}]}}
            """);
    assertThat(stored.certifications())
        .containsExactly(
            new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10))),
            new Certification("PMP", null));
    assertThat(JsonResume.read("f-3", JsonResume.write(stored)))
        .usingRecursiveComparison()
        .isEqualTo(stored);
    Profile dated =
        JsonResume.read(
            "f-4",
            """
            {"basics":{"name":"Ann"},
             "certificates":[{"name":"PMP","date":"2021"},{"name":"CKA","date":"2023-05-20"},
               {"name":"LPIC","date":"1800"},{"name":"CKAD","date":"soon"}]}
            """);
    assertThat(dated.certifications())
        .extracting(c -> c.name() + "@" + c.acquired())
        .containsExactly("PMP@2021", "CKA@2023-05", "LPIC@null", "CKAD@null");

    byte[] pdf = new SkillSheetPdf(JapaneseDocument.findFont(null)).render(profile);
    try (var document = Loader.loadPDF(pdf)) {
      // Copied out as the ideographs, not the look-alike radicals the font shares glyphs with.
      String printed = new PDFTextStripper().getText(document);
      assertThat(printed).contains("スキルシート", "山田 太郎", "職務経歴", "大手金融機関", "応用情報技術者");
      // A month as the sheet has always printed it; a year alone without a month it never had.
      assertThat(printed).contains("2016年4月", "2019年").doesNotContain("2019年1月");
      assertThat(SkillSheetPdf.acquired(Acquired.inYear(2022))).isEqualTo("2022年");
      assertThat(SkillSheetPdf.acquired(Acquired.parse("2022-04"))).isEqualTo("2022年4月");
      assertThat(printed.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF)).isEmpty();
      for (var name : document.getPage(0).getResources().getFontNames()) {
        var font = document.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("BIZUDPGothic");
      }
      var page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImage(0, 1f);
      long ink = 0;
      for (int y = 0; y < page.getHeight(); y += 2) {
        for (int x = 0; x < page.getWidth(); x += 2) {
          ink += (page.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
        }
      }
      assertThat(ink).as("dark pixels on page 1").isGreaterThan(2000);
    }
  }
}
