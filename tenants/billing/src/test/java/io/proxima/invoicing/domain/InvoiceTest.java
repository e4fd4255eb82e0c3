package io.proxima.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  // The National Tax Agency's own registration number.
  private static final RegistrationNumber NTA = new RegistrationNumber("T7000012050002");
  private static final SettlementRange RANGE =
      new SettlementRange(
          800_000,
          new BigDecimal("140"),
          new BigDecimal("180"),
          SettlementRange.Method.UPPER_LOWER,
          10);

  private static Invoice invoice(List<InvoiceLine> lines) {
    return new Invoice(
        "INV-000001",
        Invoice.Kind.INVOICE,
        "山田 太郎",
        NTA,
        "株式会社サンプル",
        LocalDate.of(2026, 11, 30),
        LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 30),
        lines,
        null,
        LocalDate.of(2026, 12, 31));
  }

  private static InvoiceLine line(long yen, TaxRate rate) {
    return new InvoiceLine("作業", BigDecimal.ONE, "式", yen, rate);
  }

  @Test
  void registrationNumbersAreCheckedByTheirCheckDigit() {
    assertThat(new RegistrationNumber("T7000012050002").value()).isEqualTo("T7000012050002");
    assertThat(new RegistrationNumber("ｔ１１８０３０１０１８７７１").value())
        .as("full-width, lower-case, as people type it")
        .isEqualTo("T1180301018771");
    assertThat(new RegistrationNumber("T1-1803-0101-8771").value()).isEqualTo("T1180301018771");
    assertThatThrownBy(() -> new RegistrationNumber("T2180301018771"))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("check digit");
    assertThatThrownBy(() -> new RegistrationNumber("1180301018771"))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new RegistrationNumber("T118030101877"))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThat(RegistrationNumber.checkDigit("000000000000")).isEqualTo(9);
  }

  @Test
  void taxIsRoundedOncePerRateNotPerLine() {
    Invoice invoice =
        invoice(
            List.of(
                line(105, TaxRate.STANDARD),
                line(105, TaxRate.STANDARD),
                line(1_250, TaxRate.REDUCED),
                line(1_249, TaxRate.REDUCED)));
    assertThat(invoice.taxSummaries())
        .containsExactly(
            // 210 × 10% = 21 (line by line it would be 10 + 10)
            new TaxSummary(TaxRate.STANDARD, 210, 21),
            // 2,499 × 8% = 199.92 → 199
            new TaxSummary(TaxRate.REDUCED, 2_499, 199));
    assertThat(invoice.taxYen()).isEqualTo(220);
    assertThat(invoice.totalYen()).isEqualTo(210 + 21 + 2_499 + 199);
  }

  @Test
  void aMonthOverTheRangeIsPaidAtTheUpperUnitPrice() {
    // 800,000 ÷ 180 = 4,444.4 → 4,440 (down to 10 yen); 12.5 h over → 55,500
    assertThat(RANGE.excessUnitYen()).isEqualTo(4_440);
    List<InvoiceLine> lines =
        Invoice.monthlyLines(
            "システム開発支援 2026年11月分", RANGE, new BigDecimal("192.5"), TaxRate.STANDARD);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).description()).isEqualTo("精算（超過 12.5h）");
    assertThat(lines.get(1).amountYen()).isEqualTo(55_500);
    Invoice invoice = invoice(lines);
    assertThat(invoice.taxSummaries())
        .containsExactly(new TaxSummary(TaxRate.STANDARD, 855_500, 85_550));
    assertThat(invoice.totalYen()).isEqualTo(941_050);
  }

  @Test
  void aMonthUnderTheRangeIsDeductedAtTheLowerUnitPrice() {
    // 800,000 ÷ 140 = 5,714.2 → 5,710; 10 h short → −57,100
    assertThat(RANGE.shortfallUnitYen()).isEqualTo(5_710);
    assertThat(RANGE.adjustmentYen(new BigDecimal("130"))).isEqualTo(-57_100);
    assertThat(RANGE.adjustmentYen(new BigDecimal("140"))).isZero();
    assertThat(RANGE.adjustmentYen(new BigDecimal("180"))).isZero();
    Invoice invoice =
        invoice(Invoice.monthlyLines("開発", RANGE, new BigDecimal("130"), TaxRate.STANDARD));
    assertThat(invoice.lines().get(1).amountYen()).isEqualTo(-57_100);
    // 742,900 × 10% = 74,290
    assertThat(invoice.taxYen()).isEqualTo(74_290);
  }

  @Test
  void theSettlementShownBeforeInvoicingIsWhatTheInvoiceBills() {
    for (String worked : new String[] {"130", "140", "160", "180", "187.5", "0"}) {
      BigDecimal hours = new BigDecimal(worked);
      SettlementRange.Settlement settlement = RANGE.settle(hours);
      long invoiced =
          Invoice.monthlyLines("開発", RANGE, hours, TaxRate.STANDARD).stream()
              .mapToLong(InvoiceLine::amountYen)
              .sum();
      assertThat(settlement.billableYen()).as(worked + " h").isEqualTo(invoiced);
    }
    // 800,000 ÷ 180 = 4,444.4 → 4,440; 7.5 h over → +33,300
    SettlementRange.Settlement over = RANGE.settle(new BigDecimal("187.5"));
    assertThat(over.excessHours()).isEqualByComparingTo("7.5");
    assertThat(over.shortfallHours()).isZero();
    assertThat(over.adjustmentYen()).isEqualTo(33_300);
    assertThat(over.billableYen()).isEqualTo(833_300);
    SettlementRange.Settlement under = RANGE.settle(new BigDecimal("130"));
    assertThat(under.shortfallHours()).isEqualByComparingTo("10");
    assertThat(under.excessHours()).isZero();
    assertThat(under.billableYen()).isEqualTo(742_900);
    SettlementRange.Settlement inside = RANGE.settle(new BigDecimal("160"));
    assertThat(inside.adjustmentYen()).isZero();
    assertThat(inside.billableYen()).isEqualTo(800_000);
  }

  @Test
  void theMiddleMethodUsesOneUnitPrice() {
    SettlementRange middle =
        new SettlementRange(
            800_000,
            new BigDecimal("140"),
            new BigDecimal("180"),
            SettlementRange.Method.MIDDLE,
            1);
    assertThat(middle.excessUnitYen()).isEqualTo(5_000).isEqualTo(middle.shortfallUnitYen());
    assertThat(middle.adjustmentYen(new BigDecimal("190"))).isEqualTo(50_000);
    assertThat(middle.adjustmentYen(new BigDecimal("135.25"))).isEqualTo(-23_750);
  }

  @Test
  void aCorrectionIsACreditNoteThatCancelsEveryAmount() {
    Invoice original = invoice(List.of(line(105, TaxRate.STANDARD), line(105, TaxRate.STANDARD)));
    Invoice credit = original.creditNote("INV-000002", LocalDate.of(2026, 12, 3));
    assertThat(credit.kind()).isEqualTo(Invoice.Kind.CREDIT_NOTE);
    assertThat(credit.corrects()).isEqualTo("INV-000001");
    assertThat(credit.taxSummaries()).containsExactly(new TaxSummary(TaxRate.STANDARD, -210, -21));
    assertThat(original.totalYen() + credit.totalYen()).isZero();
    assertThatThrownBy(() -> credit.creditNote("INV-000003", LocalDate.of(2026, 12, 4)))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void anInvoiceNeedsWhatTheLawAsksFor() {
    assertThatThrownBy(() -> invoice(List.of())).isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                new Invoice(
                    "INV-1",
                    Invoice.Kind.INVOICE,
                    "山田",
                    NTA,
                    " ",
                    LocalDate.of(2026, 11, 30),
                    null,
                    null,
                    List.of(line(1, TaxRate.STANDARD)),
                    null,
                    null))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("recipientName");
    assertThatThrownBy(
            () -> new InvoiceLine("x", new BigDecimal("0.125"), "h", 1, TaxRate.STANDARD))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(
            () ->
                new SettlementRange(
                    800_000,
                    new BigDecimal("180"),
                    new BigDecimal("140"),
                    SettlementRange.Method.MIDDLE,
                    10))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void theIssuersAddressAndAccountAreOptionalAndBounded() {
    assertThat(new InvoiceIssuer("山田 太郎", NTA, "  ", null).address()).isNull();
    assertThat(new InvoiceIssuer("山田 太郎", NTA, null, " ゆうちょ銀行 〇一八 普通 1234567 ").bankAccount())
        .isEqualTo("ゆうちょ銀行 〇一八 普通 1234567");
    assertThatThrownBy(() -> new InvoiceIssuer("山田 太郎", NTA, "住".repeat(301), null))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("address");
    assertThat(new InvoiceIssuer("山田 太郎", NTA, "𠮷".repeat(300), null).address())
        .as("counted in characters, not UTF-16 units")
        .hasSize(600);
  }
}
