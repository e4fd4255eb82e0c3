package io.proxima.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.payments.domain.BankStatementParser.LineError;
import io.proxima.payments.domain.BankStatementParser.ParsedStatement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankStatementParserTest {

  private static final String JAPANESE =
      """
      日付,振込依頼人,金額,摘要
      2026/11/30,ｶ)ｻﾝﾌﾟﾙ,"1,100,000",INV-000123
      2026-12-01,髙橋　太郎,￥５５，０００,ｾｲｷｭｳ INV 7
      """;

  @Test
  void readsUtf8WithBomAndNormalizesHalfWidthKana() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = JAPANESE.getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(text, 0, content, bom.length, text.length);

    ParsedStatement parsed = BankStatementParser.parse(content);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(parsed.lines()).hasSize(2);
    BankStatementLine first = parsed.lines().get(0);
    assertThat(first.lineNumber()).isEqualTo(2);
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(first.payerName()).isEqualTo("カ)サンプル");
    assertThat(first.amountYen()).isEqualTo(1_100_000);
    assertThat(first.memo()).isEqualTo("INV-000123");
    BankStatementLine second = parsed.lines().get(1);
    assertThat(second.payerName()).as("ideographic space folded").isEqualTo("髙橋 太郎");
    assertThat(second.amountYen()).as("full-width yen and digits").isEqualTo(55_000);
    assertThat(second.memo()).isEqualTo("セイキュウ INV 7");
  }

  @Test
  void readsShiftJisAsExcelAndOnlineBankingWriteIt() {
    byte[] content = JAPANESE.replace("\n", "\r\n").getBytes(BankStatementParser.SHIFT_JIS);
    assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("振込依頼人");

    ParsedStatement parsed = BankStatementParser.parse(content);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.charset()).isEqualTo(BankStatementParser.SHIFT_JIS);
    assertThat(parsed.lines())
        .extracting(BankStatementLine::payerName)
        .containsExactly("カ)サンプル", "髙橋 太郎");
    assertThat(parsed.lines())
        .extracting(BankStatementLine::reference)
        .as("the same credits, whatever the encoding")
        .containsExactlyElementsOf(
            BankStatementParser.parse(JAPANESE.getBytes(StandardCharsets.UTF_8)).lines().stream()
                .map(BankStatementLine::reference)
                .toList());
  }

  @Test
  void englishHeadersOtherDateFormatsAndQuotedCommasInTheMemo() {
    ParsedStatement parsed =
        BankStatementParser.parse(
            """
            Amount,Date,Payer,Memo,Balance
            12000,20261130,ACME K.K.,"invoice INV-5, thanks ""early""\",99
            ¥3,2026年12月1日,Foo,,0
            """
                .getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.lines().get(0).memo()).isEqualTo("invoice INV-5, thanks \"early\"");
    assertThat(parsed.lines().get(0).date()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(parsed.lines().get(1).amountYen()).isEqualTo(3);
    assertThat(parsed.lines().get(1).date()).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void everyBadLineIsReportedAndNoLineIsImported() {
    ParsedStatement parsed =
        BankStatementParser.parse(
            """
            日付,振込依頼人,金額,摘要
            2026/11/30,ｶ)ｻﾝﾌﾟﾙ,1000,ok
            2026/02/30,ｶ)ｻﾝﾌﾟﾙ,1000,no such day
            2026/11/30,,1000,no payer
            2026/11/30,ｶ)ｻﾝﾌﾟﾙ,-500,a withdrawal
            2026/11/30,ｶ)ｻﾝﾌﾟﾙ,12.5,fractions

            2026/11/30,short
            """
                .getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.readable()).isFalse();
    assertThat(parsed.lines()).as("all or nothing").isEmpty();
    assertThat(parsed.errors())
        .extracting(LineError::line)
        .as("the blank line 7 is skipped, line 2 is fine")
        .containsExactly(3, 4, 5, 6, 8);
    assertThat(parsed.errors().get(0).message()).contains("2026/02/30");
    assertThat(parsed.errors().get(1).message()).contains("payer name is empty");
    assertThat(parsed.errors().get(2).message()).contains("-500");
    assertThat(parsed.errors().get(3).message()).contains("12.5");
    assertThat(parsed.errors().get(4).message()).contains("expected at least 4 columns, found 2");
  }

  @Test
  void aHeaderWithoutTheNeededColumnsIsRefusedAtTheHeader() {
    ParsedStatement parsed =
        BankStatementParser.parse(
            "when,who,memo\n2026-11-30,x,y\n".getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.errors())
        .extracting(LineError::message)
        .containsExactly(
            "the header names no amount column (e.g. 金額 or amount)",
            "the header names no date column (e.g. 日付 or date)",
            "the header names no payer column (e.g. 振込依頼人 or payer)");
    assertThat(parsed.errors()).allMatch(e -> e.line() == 1);
  }

  @Test
  void anUnclosedQuoteNamesItsLine() {
    ParsedStatement parsed =
        BankStatementParser.parse(
            "date,payer,amount\n2026-11-30,x,1\n2026-11-30,\"x,1\n2026-11-30,y,2\n"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.errors()).containsExactly(new LineError(3, "a quoted field is never closed"));
  }

  @Test
  void bytesThatAreNoTextAndEmptyFilesAreRefused() {
    assertThat(BankStatementParser.parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41}).errors())
        .extracting(LineError::message)
        .containsExactly("the statement is neither UTF-8 nor Shift_JIS text");
    assertThat(BankStatementParser.parse(new byte[0]).errors())
        .extracting(LineError::message)
        .containsExactly("the statement is empty");
    assertThat(BankStatementParser.parse("\n\n".getBytes(StandardCharsets.UTF_8)).errors())
        .extracting(LineError::message)
        .containsExactly("the statement has no header row");
  }

  @Test
  void twoIdenticalCreditsAreTwoTransfersAndKeepTheirFingerprintsOnReimport() {
    byte[] content =
        "date,payer,amount\n2026-11-30,ﾔﾏﾀﾞ,5000\n2026-11-30,ﾔﾏﾀﾞ,5000\n"
            .getBytes(StandardCharsets.UTF_8);

    var first = BankStatementParser.parse(content).lines();
    var again = BankStatementParser.parse(content).lines();

    assertThat(first.get(0).reference()).isNotEqualTo(first.get(1).reference());
    assertThat(again)
        .extracting(BankStatementLine::reference)
        .containsExactlyElementsOf(first.stream().map(BankStatementLine::reference).toList());
  }
}
