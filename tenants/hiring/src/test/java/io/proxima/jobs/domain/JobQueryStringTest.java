package io.proxima.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JobQueryStringTest {

  @Test
  void everyFilterOfThePageReadsFromTheQueryString() {
    JobQuery query =
        JobQueryString.parse(
                "?q=%E6%B1%BA%E6%B8%88&skill=golang,k8s&skill=postgres&rateAtLeast=700000"
                    + "&rateAtMost=1000000&days=3&workStyle=REMOTE,hybrid&prefecture=東京"
                    + "&prefecture=大阪府&station=渋谷駅&contractType=QUASI_MANDATE"
                    + "&settlementMinAtLeast=140&settlementMaxAtMost=200&paymentTermsAtMost=30"
                    + "&startBy=2027-02-01&culture=STARTUP&sort=RATE&limit=50")
            .toQuery(20);
    assertThat(query.text()).isEqualTo("決済");
    assertThat(query.skills()).containsExactly("Go", "Kubernetes", "PostgreSQL");
    assertThat(query.rateAtLeastYen()).isEqualTo(700_000);
    assertThat(query.rateAtMostYen()).isEqualTo(1_000_000);
    assertThat(query.days()).isEqualTo(3);
    assertThat(query.workStyles()).containsExactlyInAnyOrder(WorkStyle.REMOTE, WorkStyle.HYBRID);
    assertThat(query.prefectures()).containsExactlyInAnyOrder("東京都", "大阪府");
    assertThat(query.station()).isEqualTo("渋谷");
    assertThat(query.contractTypes()).containsExactly(ContractType.QUASI_MANDATE);
    assertThat(query.settlementMinAtLeast()).isEqualTo(140);
    assertThat(query.settlementMaxAtMost()).isEqualTo(200);
    assertThat(query.paymentTermsAtMost()).isEqualTo(30);
    assertThat(query.startBy()).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(query.cultures()).containsExactly(Culture.STARTUP);
    assertThat(query.sort()).isEqualTo(JobQuery.Sort.RATE);
    assertThat(query.limit()).isEqualTo(50);
  }

  @Test
  void aBadValueIsAProblemNamingItsParameter() {
    assertThatThrownBy(() -> JobQueryString.parse("rateAtLeast=lots").toQuery(20))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("rateAtLeast");
    assertThatThrownBy(() -> JobQueryString.parse("prefecture=Tokyo").toQuery(20))
        .hasMessageContaining("prefecture");
    assertThatThrownBy(() -> JobQueryString.parse("workStyle=MOON").toQuery(20))
        .hasMessageContaining("workStyle");
    assertThatThrownBy(
            () -> JobQueryString.parse("rateAtLeast=900000&rateAtMost=500000").toQuery(20))
        .hasMessageContaining("rateAtLeast");
    assertThatThrownBy(() -> JobQueryString.parse("paymentTermsAtMost=999").toQuery(20))
        .hasMessageContaining("paymentTermsAtMost");
    assertThatThrownBy(() -> JobQueryString.parse("q=%E0%A4%A").toQuery(20))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> JobQueryString.parse("x".repeat(2001)))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void aSavedSearchKeepsTheFiltersInOneOrderWithoutPagingOrSort() {
    assertThat(
            JobQueryString.parse("sort=RATE&workStyle=REMOTE&cursor=abc&q=Go 言語&limit=5&days=4")
                .filtersOnly())
        .isEqualTo("q=Go%20%E8%A8%80%E8%AA%9E&days=4&workStyle=REMOTE");
    assertThatThrownBy(() -> JobQueryString.parse("rateAtLaest=5").filtersOnly())
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("rateAtLaest");
  }

  @Test
  void aSkillWordInTheTextFindsEveryNameOfTheSkill() {
    assertThat(JobQueryString.parse("q=golang").toQuery(20).textQuery().orElseThrow())
        .contains("'golang'")
        .contains("'go'");
    assertThat(JobQueryString.parse("q=k8s").toQuery(20).textQuery().orElseThrow())
        .contains("'kubernetes'");
    assertThat(JobQueryString.parse("q=postgres").toQuery(20).textQuery().orElseThrow())
        .contains("'postgresql'");
    assertThat(JobQueryString.parse("q=TS").toQuery(20).textQuery().orElseThrow())
        .contains("'typescript'");
    assertThat(JobQueryString.parse("q=ポスグレ").toQuery(20).textQuery().orElseThrow())
        .contains("'postgresql'");
    assertThat(JobQueryString.parse("q=ゴー言語").toQuery(20).textQuery().orElseThrow())
        .contains("'go'");
    // "ts" in lower case is no skill name: the taxonomy matches the two letters by case only.
    assertThat(JobQueryString.parse("q=ts").toQuery(20).textQuery().orElseThrow())
        .isEqualTo("'ts':*");
  }

  @Test
  void aCheckboxFacetIsCountedWithoutItsOwnFilter() {
    JobQuery query = JobQueryString.parse("workStyle=REMOTE&culture=SIER&days=3").toQuery(20);
    JobQuery others = query.withoutFacet("workStyle");
    assertThat(others.workStyles()).isEmpty();
    assertThat(others.cultures()).containsExactly(Culture.SIER);
    assertThat(others.days()).isEqualTo(3);
  }
}
