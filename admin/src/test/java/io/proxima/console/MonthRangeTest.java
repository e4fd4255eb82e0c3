package io.proxima.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthRangeTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);

  @Test
  void defaultsToTheTwelveMonthsUpToNow() {
    MonthRange range = MonthRange.parse(null, " ", NOW);
    assertThat(range.from()).isEqualTo(YearMonth.of(2025, 12));
    assertThat(range.to()).isEqualTo(NOW);
    assertThat(range.months()).isEqualTo(12);
  }

  @Test
  void aMissingStartCountsBackFromTheGivenEnd() {
    assertThat(MonthRange.parse(null, "2026-03", NOW).from()).isEqualTo(YearMonth.of(2025, 4));
    assertThat(MonthRange.parse("2026-03", "2026-03", NOW).months()).isEqualTo(1);
  }

  @Test
  void tenYearsIsTheMostOneChartAsksFor() {
    assertThat(MonthRange.parse("2017-01", "2026-12", NOW).months()).isEqualTo(120);
    assertThatThrownBy(() -> MonthRange.parse("2016-12", "2026-12", NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void malformedOrReversedMonthsAreTheCallersMistake() {
    for (String[] bad :
        new String[][] {
          {"2026-13", null},
          {"2026-1", null},
          {"+12026-01", null},
          {"2026-01-01", null},
          {"last month", null},
          {"2026-05", "2026-04"},
          {null, "2026-00"}
        }) {
      assertThatThrownBy(() -> MonthRange.parse(bad[0], bad[1], NOW))
          .as(String.join(",", String.valueOf(bad[0]), String.valueOf(bad[1])))
          .isInstanceOf(DomainException.InvalidValue.class);
    }
  }

  @Test
  void aTenantIdIsAUuidOrNothing() {
    assertThat(MetricsResource.tenantId(null)).isNull();
    assertThat(MetricsResource.tenantId("")).isNull();
    assertThatThrownBy(() -> MetricsResource.tenantId("acme"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
