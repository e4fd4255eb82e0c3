package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificationReaderTest {

  private List<Certification> read(String text) {
    return new CertificationReader().read(SheetLines.of(text), new HashSet<>());
  }

  @Test
  void readsTheSectionWithDatesInAnyPosition() {
    assertThat(
            read(
                "資格\t取得年月\n"
                    + "基本情報技術者試験\t2012年10月\n"
                    + "2021/03\tAWS Certified Developer – Associate\n"
                    + "Oracle Certified Java Programmer, Silver SE 11（2020年3月取得）\n"))
        .containsExactly(
            new Certification("基本情報技術者試験", Acquired.of(YearMonth.of(2012, 10))),
            new Certification(
                "AWS Certified Developer – Associate", Acquired.of(YearMonth.of(2021, 3))),
            new Certification(
                "Oracle Certified Java Programmer, Silver SE 11",
                Acquired.of(YearMonth.of(2020, 3))));
  }

  @Test
  void splitsAJapaneseListOnOneLine() {
    assertThat(read("資格：基本情報技術者（平成25年4月）、応用情報技術者（R1.10）\n最寄駅：渋谷"))
        .containsExactly(
            new Certification("基本情報技術者", Acquired.of(YearMonth.of(2013, 4))),
            new Certification("応用情報技術者", Acquired.of(YearMonth.of(2019, 10))));
  }

  @Test
  void findsWellKnownCertificationsOutsideTheSection() {
    assertThat(read("氏名：A.B\nLPIC レベル1 (2018/05)"))
        .containsExactly(new Certification("LPIC レベル1", Acquired.of(YearMonth.of(2018, 5))));
    assertThat(read("資格\n特になし")).isEmpty();
  }

  @Test
  void aDateInBracketsIsNoPartOfTheName() {
    assertThat(read("資格\n応用情報技術者（2019年10月）\nAWS SAA (Mar 2022)"))
        .containsExactly(
            new Certification("応用情報技術者", Acquired.of(YearMonth.of(2019, 10))),
            new Certification("AWS SAA", Acquired.of(YearMonth.of(2022, 3))));
  }

  @Test
  void aYearAloneIsKeptAsAYearAndTheNameLeftClean() {
    HashSet<Integer> used = new HashSet<>();
    List<Certification> read =
        new CertificationReader()
            .read(
                SheetLines.of(
                    "資格\nAWS SAA (2022)\n統計検定2級（2018年）\n第一種電気工事士平成6年\n"
                        + "ORACLE MASTER Gold 11g（H24）\nTOEIC 885 — 2022\nCCNP 2011年(失効)\n"
                        + "PMP, 2021\nITストラテジスト（令和元年）"),
                used);
    assertThat(read)
        .extracting(c -> c.name() + "@" + c.acquired())
        .containsExactly(
            "AWS SAA@2022",
            "統計検定2級@2018",
            "第一種電気工事士@1994",
            "ORACLE MASTER Gold 11g@2012",
            "TOEIC 885@2022",
            "CCNP@2011",
            "PMP@2021",
            "ITストラテジスト@2019");
    assertThat(read).extracting(c -> c.acquired().yearOnly()).containsOnly(true);
    // Every date is on the profile now: nothing is left in the notes for the reviewer.
    assertThat(used).hasSize(8);
    // A version is no year: "Windows 2000" stays in the name.
    assertThat(read("資格\nMCSE (Windows 2000)（2002年3月）"))
        .containsExactly(
            new Certification("MCSE (Windows 2000)", Acquired.of(YearMonth.of(2002, 3))));
  }

  @Test
  void theYearsOfTheIssue() {
    assertThat(read("資格\nAWS SAA (2022)"))
        .containsExactly(new Certification("AWS SAA", Acquired.inYear(2022)));
    assertThat(read("資格\n応用情報技術者試験 2019年 取得"))
        .containsExactly(new Certification("応用情報技術者試験", Acquired.inYear(2019)));
    assertThat(read("資格\n令和3年 基本情報技術者"))
        .containsExactly(new Certification("基本情報技術者", Acquired.inYear(2021)));
    // Full-width digits and brackets, as Japanese sheets often type them.
    assertThat(read("資格\n基本情報技術者（２０１９年取得）\nR4年 応用情報技術者"))
        .containsExactly(
            new Certification("基本情報技術者", Acquired.inYear(2019)),
            new Certification("応用情報技術者", Acquired.inYear(2022)));
    // A month is still a month, and a line without a date has none.
    assertThat(read("資格\n応用情報技術者試験 2019年10月 取得\nLPIC レベル1"))
        .containsExactly(
            new Certification("応用情報技術者試験", Acquired.of(YearMonth.of(2019, 10))),
            new Certification("LPIC レベル1", null));
  }

  @Test
  void aYearInItsOwnCellDatesTheNameBesideIt() {
    assertThat(read("資格\t取得年\nAWS Certified Developer – Associate\t2021"))
        .containsExactly(
            new Certification("AWS Certified Developer – Associate", Acquired.inYear(2021)));
    assertThat(read("資格\n2019年\t応用情報技術者"))
        .containsExactly(new Certification("応用情報技術者", Acquired.inYear(2019)));
  }

  @Test
  void aYearNoCertificationCanHaveStaysInTheNotes() {
    HashSet<Integer> used = new HashSet<>();
    List<Certification> read =
        new CertificationReader().read(SheetLines.of("資格\n簿記2級（1949年）"), used);
    assertThat(read).containsExactly(new Certification("簿記2級", null));
    assertThat(used).isEmpty();
  }

  @Test
  void aSlashOrMiddleDotAfterABracketStartsTheNextCertification() {
    assertThat(read("資格\tITパスポート（2021年4月）／基本情報技術者試験（2023年6月）"))
        .containsExactly(
            new Certification("ITパスポート", Acquired.of(YearMonth.of(2021, 4))),
            new Certification("基本情報技術者試験", Acquired.of(YearMonth.of(2023, 6))));
    assertThat(read("Certifications\nJLPT N1 (Dec 2021) · Ruby Silver (Apr 2020)"))
        .extracting(Certification::name)
        .containsExactly("JLPT N1", "Ruby Silver");
    assertThat(read("資格\nAWS Certified Advanced Networking - Specialty ........ 2022/06"))
        .containsExactly(
            new Certification(
                "AWS Certified Advanced Networking - Specialty",
                Acquired.of(YearMonth.of(2022, 6))));
  }
}
