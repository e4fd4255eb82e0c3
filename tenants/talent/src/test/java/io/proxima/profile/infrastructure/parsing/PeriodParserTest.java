package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Period;
import java.text.Normalizer;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

  private static String period(String text) {
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return PeriodParser.find(normalised)
        .map(PeriodParser.Found::period)
        .map(PeriodParserTest::format)
        .orElse("none");
  }

  private static String format(Period p) {
    return p.from() + ".." + (p.to() == null ? "present" : p.to().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2023年8月 - 2024年12月|2023-08..2024-12",
        "2023年8月～現在|2023-08..present",
        "2021/04～ / 2023/09 / （2年6ヶ月）|2021-04..2023-09",
        "2024年10月 / ～現在|2024-10..present",
        "2023/10～ / 現在|2023-10..present",
        "2023/08〜現在|2023-08..present",
        "2023.08 - 2024.12|2023-08..2024-12",
        "2023-08 ~ 2024-12|2023-08..2024-12",
        "R5.8〜R6.3|2023-08..2024-03",
        "令和5年8月～令和6年3月|2023-08..2024-03",
        "H30.4～R2.3|2018-04..2020-03",
        "平成31年4月～令和元年12月|2019-04..2019-12",
        "Aug 2023 – Dec 2024|2023-08..2024-12",
        "August 2023 — Present|2023-08..present",
        "08/2023 - present|2023-08..present",
        "２０２１年４月～２０２２年３月|2021-04..2022-03",
        "2022年4月～9月|2022-04..2022-09",
        "2022年11月～3月|2022-11..2023-03",
        "期間：2023年8月ー2024年1月（6ヶ月）|2023-08..2024-01",
        "2019/04/01～2021/03/31|2019-04..2021-03",
        "2023年8月～|2023-08..present",
        "2019/04\t2021/03\tPJ名|2019-04..2021-03",
        "Jan 2020 to Mar 2021|2020-01..2021-03",
        "至現在 2020/4~現在|2020-04..present"
      })
  void readsCommonForms(String text, String expected) {
    assertThat(period(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Java 1.8, SQL Server 2019/2022",
        "2019年10月取得",
        "R5年度",
        "2024年12月 - 2023年1月",
        "Windows 10 - 11",
        "2023年 合格"
      })
  void ignoresWhatIsNoPeriod(String text) {
    assertThat(period(text)).isEqualTo("none");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"応用情報技術者 (2019年10月)|2019-10", "2021/03 AWS SAA|2021-03", "Jun 2022|2022-06"})
  void readsSingleMonths(String text, String month) {
    assertThat(PeriodParser.months(text))
        .first()
        .extracting(PeriodParser.Month::month)
        .isEqualTo(YearMonth.parse(month));
  }

  @org.junit.jupiter.api.Test
  void aColumnEdgeBetweenTheYearAndTheMonthOfAPdfTable() {
    var found = PeriodParser.find("1 2024.\t10-継続中\t大手損保 代理店向けシステム").orElseThrow();
    assertThat(found.period())
        .isEqualTo(new io.proxima.profile.domain.Period(java.time.YearMonth.of(2024, 10), null));
    var closed = PeriodParser.find("2 2023.\t04-2024.09\t同上 保守開発").orElseThrow();
    assertThat(closed.period())
        .isEqualTo(
            new io.proxima.profile.domain.Period(
                java.time.YearMonth.of(2023, 4), java.time.YearMonth.of(2024, 9)));
    // The tab stays inside the period, so the cells after it keep their columns.
    assertThat("2 2023.\t04-2024.09".substring(closed.start(), closed.end())).contains("\t");
  }
}
