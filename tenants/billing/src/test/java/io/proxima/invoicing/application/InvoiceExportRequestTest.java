package io.proxima.invoicing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.invoicing.application.InvoiceExport.Request;
import io.proxima.invoicing.domain.AccountingCsv;
import io.proxima.platform.error.DomainException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class InvoiceExportRequestTest {

  private static final YearMonth NOW = YearMonth.of(2026, 12);

  @Test
  void blanksMeanThisMonthInFreeeAsUtf8() {
    Request request = Request.of(null, "", null, " ", NOW);
    assertThat(request.layout()).isEqualTo(AccountingCsv.Layout.FREEE);
    assertThat(request.encoding()).isEqualTo(AccountingCsv.Encoding.UTF_8_BOM);
    assertThat(request.from()).isEqualTo(NOW);
    assertThat(request.to()).isEqualTo(NOW);
    assertThat(request.fileName()).isEqualTo("invoices-freee-2026-12.csv");
  }

  @Test
  void oneMonthGivenMeansThatMonth() {
    assertThat(Request.of("moneyforward", "shift_jis", "2026-04", null, NOW).to())
        .isEqualTo(YearMonth.of(2026, 4));
    Request span = Request.of("moneyforward", "shift_jis", "2025-12", "2026-11", NOW);
    assertThat(span.fileName()).isEqualTo("invoices-moneyforward-2025-12_2026-11.csv");
  }

  @Test
  void badMonthsAndSpansAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> Request.of(null, null, "2026-13", null, NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("from");
    assertThatThrownBy(() -> Request.of(null, null, "2026-05", "2026-04", NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("on or after");
    assertThatThrownBy(() -> Request.of(null, null, "2025-01", "2026-02", NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("13 months");
    assertThatThrownBy(() -> Request.of(null, null, "0001-01", null, NOW))
        .isInstanceOf(DomainException.InvalidValue.class);
  }
}
