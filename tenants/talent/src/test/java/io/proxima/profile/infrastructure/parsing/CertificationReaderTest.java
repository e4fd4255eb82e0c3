package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

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
            new Certification("基本情報技術者試験", YearMonth.of(2012, 10)),
            new Certification("AWS Certified Developer – Associate", YearMonth.of(2021, 3)),
            new Certification(
                "Oracle Certified Java Programmer, Silver SE 11", YearMonth.of(2020, 3)));
  }

  @Test
  void splitsAJapaneseListOnOneLine() {
    assertThat(read("資格：基本情報技術者（平成25年4月）、応用情報技術者（R1.10）\n最寄駅：渋谷"))
        .containsExactly(
            new Certification("基本情報技術者", YearMonth.of(2013, 4)),
            new Certification("応用情報技術者", YearMonth.of(2019, 10)));
  }

  @Test
  void findsWellKnownCertificationsOutsideTheSection() {
    assertThat(read("氏名：A.B\nLPIC レベル1 (2018/05)"))
        .containsExactly(new Certification("LPIC レベル1", YearMonth.of(2018, 5)));
    assertThat(read("資格\n特になし")).isEmpty();
  }
}
