package io.proxima.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.invoicing.domain.AccountingCsv.Encoding;
import io.proxima.invoicing.domain.AccountingCsv.Layout;
import io.proxima.platform.error.DomainException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingCsvTest {

  private static final RegistrationNumber NTA = new RegistrationNumber("T7000012050002");

  /** 550,000 at 10% and 3,000 at 8%: two rows, 605,000 + 3,240 = 608,240 in all. */
  private static Invoice invoice(String number, String recipient) {
    return new Invoice(
        number,
        Invoice.Kind.INVOICE,
        "株式会社プロキシマ",
        NTA,
        recipient,
        LocalDate.of(2026, 11, 30),
        LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 11, 30),
        List.of(
            new InvoiceLine("システム開発支援", BigDecimal.ONE, "式", 550_000, TaxRate.STANDARD),
            new InvoiceLine("会議用弁当", new BigDecimal("3"), "個", 1_000, TaxRate.REDUCED)),
        null,
        LocalDate.of(2026, 12, 31));
  }

  private static String utf8(byte[] bytes) {
    assertThat(Arrays.copyOf(bytes, 3))
        .as("UTF-8 with BOM")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  void freeeGetsOneTransactionPerInvoiceWithADetailRowPerTaxRate() {
    String csv =
        utf8(
            AccountingCsv.write(
                List.of(invoice("INV-000007", "株式会社サンプル商事")), Layout.FREEE, Encoding.UTF_8_BOM));

    assertThat(csv.split("\r\n", -1))
        .containsExactly(
            "収支区分,管理番号,発生日,決済期日,取引先,勘定科目,税区分,金額,税計算区分,税額,備考",
            "収入,INV-000007,2026/11/30,2026/12/31,株式会社サンプル商事,売上高,課税売上10%,605000,内税,55000,"
                + "INV-000007 株式会社サンプル商事",
            ",,,,,売上高,課税売上8%（軽）,3240,内税,240,INV-000007 株式会社サンプル商事",
            "");
  }

  @Test
  void moneyForwardGetsACompoundEntryDebitingTheReceivable() {
    String csv =
        utf8(
            AccountingCsv.write(
                List.of(invoice("INV-000007", "株式会社サンプル商事")),
                Layout.MONEYFORWARD,
                Encoding.UTF_8_BOM));

    String[] rows = csv.split("\r\n");
    assertThat(rows[0].split(",")).hasSize(AccountingCsv.MONEYFORWARD_HEADER.size());
    assertThat(rows[0]).startsWith("取引No,取引日,借方勘定科目,借方補助科目,借方部門,借方取引先,借方税区分");
    assertThat(rows[1])
        .isEqualTo(
            "1,2026/11/30,売掛金,,,株式会社サンプル商事,対象外,,605000,,"
                + "売上高,,,株式会社サンプル商事,課税売上 10%,,605000,55000,"
                + "INV-000007 株式会社サンプル商事,,,,");
    assertThat(rows[2]).startsWith("1,2026/11/30,売掛金,").contains("課税売上 (軽)8%,,3240,240,");
    assertThat(rows).hasSize(3);
    assertThat(rows[1].split(",", -1)).hasSize(AccountingCsv.MONEYFORWARD_HEADER.size());
  }

  @Test
  void aCreditNoteReversesTheSaleWithPositiveAmounts() {
    Invoice credit =
        invoice("INV-000007", "株式会社サンプル商事").creditNote("INV-000008", LocalDate.of(2026, 12, 5));

    String freee = utf8(AccountingCsv.write(List.of(credit), Layout.FREEE, Encoding.UTF_8_BOM));
    assertThat(freee.split("\r\n")[1])
        .startsWith("支出,INV-000008,2026/12/05,,株式会社サンプル商事,売上高,課税売上10%,605000,内税,55000,")
        .contains("INV-000007 の取消");

    String mf = utf8(AccountingCsv.write(List.of(credit), Layout.MONEYFORWARD, Encoding.UTF_8_BOM));
    assertThat(mf.split("\r\n")[1])
        .startsWith("1,2026/12/05,売上高,,,株式会社サンプル商事,課税売上 10%,,605000,55000,売掛金,");
  }

  @Test
  void fieldsAreQuotedAsRfc4180SaysAndNeverRunAsFormulas() {
    assertThat(AccountingCsv.quote("株式会社A,B")).isEqualTo("\"株式会社A,B\"");
    assertThat(AccountingCsv.quote("\"大\"商事")).isEqualTo("\"\"\"大\"\"商事\"");
    assertThat(AccountingCsv.quote("一行目\r\n二行目")).isEqualTo("\"一行目\r\n二行目\"");
    assertThat(AccountingCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(AccountingCsv.quote("-1")).isEqualTo("-1");
    assertThat(AccountingCsv.quote("普通")).isEqualTo("普通");

    String csv =
        utf8(
            AccountingCsv.write(
                List.of(invoice("INV-000001", "A, \"B\" 商事")), Layout.FREEE, Encoding.UTF_8_BOM));
    assertThat(csv.split("\r\n")[1]).contains(",\"A, \"\"B\"\" 商事\",売上高,");
  }

  @Test
  void shiftJisCarriesWindowsCharactersAndHasNoBom() {
    byte[] bytes =
        AccountingCsv.write(
            List.of(invoice("INV-000002", "髙橋システム①株式会社")), Layout.FREEE, Encoding.SHIFT_JIS);

    assertThat(bytes[0]).as("no BOM in Shift_JIS").isNotEqualTo((byte) 0xEF);
    String decoded = new String(bytes, AccountingCsv.SHIFT_JIS);
    assertThat(decoded).startsWith("収支区分,管理番号").contains("髙橋システム①株式会社").contains("課税売上8%（軽）");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("収支区分");
  }

  @Test
  void textShiftJisCannotCarryIsRefusedNamingTheInvoiceAndField() {
    assertThatThrownBy(
            () ->
                AccountingCsv.write(
                    List.of(invoice("INV-000001", "株式会社サンプル"), invoice("INV-000003", "𠮷野家システム")),
                    Layout.MONEYFORWARD,
                    Encoding.SHIFT_JIS))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("INV-000003")
        .hasMessageContaining("recipientName")
        .hasMessageContaining("𠮷")
        .hasMessageContaining("utf-8-bom");

    byte[] utf8 =
        AccountingCsv.write(
            List.of(invoice("INV-000003", "𠮷野家システム")), Layout.MONEYFORWARD, Encoding.UTF_8_BOM);
    assertThat(utf8(utf8)).contains("𠮷野家システム");
  }

  @Test
  void layoutsAndEncodingsAreReadFromTheRequestsWords() {
    assertThat(Layout.parse("freee")).isEqualTo(Layout.FREEE);
    assertThat(Layout.parse("MoneyForward")).isEqualTo(Layout.MONEYFORWARD);
    assertThat(Encoding.parse(null)).isEqualTo(Encoding.UTF_8_BOM);
    assertThat(Encoding.parse("Shift_JIS")).isEqualTo(Encoding.SHIFT_JIS);
    assertThatThrownBy(() -> Layout.parse("yayoi"))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> Encoding.parse("latin-1"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void noInvoicesIsAHeaderOnly() {
    assertThat(utf8(AccountingCsv.write(List.of(), Layout.FREEE, Encoding.UTF_8_BOM)))
        .isEqualTo(String.join(",", AccountingCsv.FREEE_HEADER) + "\r\n");
  }
}
