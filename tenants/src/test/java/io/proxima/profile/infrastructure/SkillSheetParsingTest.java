package io.proxima.profile.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.ProblemException;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillLevel;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillSheetParsingTest {

  private final SkillTaxonomy taxonomy = SkillTaxonomy.shipped();
  private final RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();
  private final TikaSkillSheetReader reader = new TikaSkillSheetReader();

  @Test
  void aliasesFullWidthFormsAndBoundariesMeetInOneCanonicalName() {
    assertThat(taxonomy.skillsIn("ＪａｖａＳｃｒｉｐｔ, Postgres, ポスグレ, k8s, Golang"))
        .extracting(SkillTaxonomy.Entry::name)
        .containsExactly("JavaScript", "PostgreSQL", "Kubernetes", "Go");
    assertThat(taxonomy.skillsIn("AWS Lambda と Google の MongoDB"))
        .extracting(SkillTaxonomy.Entry::name)
        .containsExactly("AWS", "Lambda", "MongoDB")
        .doesNotContain("Go");
    assertThat(taxonomy.skillsIn("AWS (Lambda, S3)"))
        .extracting(SkillTaxonomy.Entry::name)
        .containsExactly("AWS", "Lambda", "S3");
    assertThat(taxonomy.skillsIn("C社にてC++とC#、C言語"))
        .extracting(SkillTaxonomy.Entry::name)
        .containsExactly("C++", "C#", "C");
    assertThat(taxonomy.skillsIn("Java8, Vue3, ASP.NET"))
        .extracting(SkillTaxonomy.Entry::name)
        .containsExactly("Java", "Vue.js", "ASP.NET");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2023年8月 - 2024年12月|2023-08|2024-12",
        "2023年8月～現在|2023-08|",
        "２０２３/０８〜現在|2023-08|",
        "2023.08 - 2024.12|2023-08|2024-12",
        "R5.8～R6.3|2023-08|2024-03",
        "平成30年4月～令和2年3月|2018-04|2020-03",
        "Aug 2023 – Dec 2024|2023-08|2024-12",
        "08/2023 - present|2023-08|",
        "2023-08 ~ 2024-12|2023-08|2024-12"
      })
  void periodsInEveryCommonForm(String text, String from, String to) {
    String normalized =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase();
    assertThat(SheetPeriods.find(normalized))
        .singleElement()
        .extracting(SheetPeriods.Found::period)
        .isEqualTo(new Period(YearMonth.parse(from), to == null ? null : YearMonth.parse(to)));
  }

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
  void theReaderTakesShiftJisTextAndRefusesWhatIsNotASkillSheet() {
    byte[] sjis = SHEET.getBytes(Charset.forName("Windows-31J"));
    assertThat(reader.read(sjis, "sheet.txt", "text/plain").text()).contains("山田 太郎");
    assertThat(reader.read("# 職務経歴\n".getBytes(StandardCharsets.UTF_8), "cv.md", null).mediaType())
        .isEqualTo("text/markdown");
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    assertThatThrownBy(() -> reader.read(png, "sheet.xlsx", null))
        .isInstanceOf(ProblemException.UnsupportedFile.class);
    assertThatThrownBy(() -> reader.read(new byte[0], "sheet.txt", null))
        .isInstanceOf(ProblemException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                reader.read(
                    "%PDF-1.7\n1 0 obj\n<<".getBytes(StandardCharsets.US_ASCII), "a.pdf", null))
        .isInstanceOf(ProblemException.UnreadableFile.class);
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
            draft.certifications(),
            null,
            null,
            null,
            0);
    String json = JsonResume.write(profile);
    assertThat(json).contains("\"basics\"", "\"work\"", "\"x-proxima\"");
    assertThat(JsonResume.read("f-1", json)).isEqualTo(profile);
    assertThatThrownBy(() -> JsonResume.read("f-1", "{\"basics\": ["))
        .isInstanceOf(ProblemException.InvalidValue.class);
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

    byte[] pdf = new SkillSheetPdf(SkillSheetPdf.findFont(null)).render(profile);
    try (var document = Loader.loadPDF(pdf)) {
      // IPAex maps Kangxi radicals and ideographs to the same glyphs, so the text layer reads some
      // kanji back as radicals (⼭ for 山); NFKC folds them together again.
      String printed =
          java.text.Normalizer.normalize(
              new PDFTextStripper().getText(document), java.text.Normalizer.Form.NFKC);
      assertThat(printed).contains("スキルシート", "山田 太郎", "職務経歴", "大手金融機関", "応用情報技術者");
    }
  }
}
