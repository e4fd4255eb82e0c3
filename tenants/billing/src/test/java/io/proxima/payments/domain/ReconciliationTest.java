package io.proxima.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.payments.domain.Reconciliation.Reconciled;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final OpenInvoice INV_123 = open(123, 110_000);
  private static final OpenInvoice INV_124 = open(124, 55_000);
  private static final OpenInvoice INV_125 = open(125, 55_000);
  private static final OpenInvoice INV_126 = open(126, 33_000);

  private static OpenInvoice open(long number, long owed) {
    return new OpenInvoice(UUID.randomUUID(), number, owed, owed);
  }

  private static int lineNumber = 1;

  private static BankStatementLine credit(String payer, long amount, String memo) {
    lineNumber++;
    return new BankStatementLine(
        lineNumber,
        LocalDate.of(2026, 11, 30),
        BankStatementParser.text(payer),
        amount,
        BankStatementParser.text(memo),
        "bank:" + lineNumber);
  }

  private static List<Reconciled> reconcile(BankStatementLine... lines) {
    return Reconciliation.reconcile(
        List.of(lines), List.of(INV_123, INV_124, INV_125, INV_126), Set.of());
  }

  @Test
  void theNumberAndTheAmountOwedMatch() {
    Reconciled r = reconcile(credit("ｶ)ｻﾝﾌﾟﾙ", 110_000, "INV-000123")).get(0);

    assertThat(r.outcome()).isEqualTo(MatchOutcome.MATCHED);
    assertThat(r.invoice()).isEqualTo(INV_123);
    assertThat(r.outstandingBeforeYen()).isEqualTo(110_000);
  }

  @Test
  void lessIsPartialMoreIsOverpaidAndTheRestIsPaidLater() {
    List<Reconciled> results =
        reconcile(
            credit("ｶ)ｻﾝﾌﾟﾙ", 100_000, "inv 123"),
            credit("ｶ)ｻﾝﾌﾟﾙ", 10_000, "INV123 残額"),
            credit("ﾔﾏﾀﾞ ﾀﾛｳ", 60_000, "ＩＮＶ－０００１２４"));

    assertThat(results)
        .extracting(Reconciled::outcome)
        .containsExactly(MatchOutcome.PARTIAL, MatchOutcome.MATCHED, MatchOutcome.OVERPAID);
    assertThat(results.get(0).reason()).isEqualTo("10000 yen of 110000 still owed");
    assertThat(results.get(1).outstandingBeforeYen()).isEqualTo(10_000);
    assertThat(results.get(2).reason()).isEqualTo("5000 yen more than the 55000 owed");
  }

  @Test
  void theNumberMayStandInFrontOfThePayersName() {
    Reconciled r = reconcile(credit("INV126 ｶ)ﾌﾟﾛｷｼﾏ", 33_000, "")).get(0);

    assertThat(r.outcome()).isEqualTo(MatchOutcome.MATCHED);
    assertThat(r.invoice()).isEqualTo(INV_126);
  }

  @Test
  void withoutANumberAUniqueAmountIsOnlySuggested() {
    Reconciled r = reconcile(credit("ｶ)ﾌﾟﾛｷｼﾏ", 33_000, "ﾌﾘｺﾐ")).get(0);

    assertThat(r.outcome()).isEqualTo(MatchOutcome.SUGGESTED);
    assertThat(r.invoice()).isEqualTo(INV_126);
  }

  @Test
  void anAmountSeveralInvoicesOweIsAmbiguousAndLeftUnmatched() {
    Reconciled r = reconcile(credit("ﾔﾏﾀﾞ", 55_000, "")).get(0);

    assertThat(r.outcome()).isEqualTo(MatchOutcome.UNMATCHED);
    assertThat(r.invoice()).isNull();
    assertThat(r.reason()).contains("2 open invoices").contains("INV-000124, INV-000125");
  }

  @Test
  void aNumberedCreditClaimsItsInvoiceBeforeAmountsAreGuessed() {
    List<Reconciled> results =
        reconcile(credit("ﾔﾏﾀﾞ", 55_000, ""), credit("ｽｽﾞｷ", 55_000, "INV-124"));

    assertThat(results.get(1).outcome()).isEqualTo(MatchOutcome.MATCHED);
    assertThat(results.get(0).outcome()).isEqualTo(MatchOutcome.SUGGESTED);
    assertThat(results.get(0).invoice()).isEqualTo(INV_125);
  }

  @Test
  void oneInvoiceIsSuggestedForOneCreditOnly() {
    List<Reconciled> results = reconcile(credit("A", 33_000, ""), credit("B", 33_000, ""));

    assertThat(results)
        .extracting(Reconciled::outcome)
        .containsExactly(MatchOutcome.SUGGESTED, MatchOutcome.UNMATCHED);
  }

  @Test
  void unknownNumbersSeveralNumbersAndUnownedAmountsAreUnmatched() {
    List<Reconciled> results =
        reconcile(
            credit("A", 1_000, "INV-999"),
            credit("B", 110_000, "INV-123 INV-124"),
            credit("C", 7_777, ""));

    assertThat(results).extracting(Reconciled::outcome).containsOnly(MatchOutcome.UNMATCHED);
    assertThat(results.get(0).reason()).isEqualTo("INV-000999 is not an open invoice");
    assertThat(results.get(1).reason()).contains("several invoices");
    assertThat(results.get(2).reason()).contains("no open invoice owes this amount");
  }

  @Test
  void aCreditThatPaidBeforeIsNotCountedAgain() {
    BankStatementLine paid = credit("ｶ)ｻﾝﾌﾟﾙ", 110_000, "INV-000123");

    Reconciled r =
        Reconciliation.reconcile(List.of(paid), List.of(INV_123), Set.of(paid.reference())).get(0);

    assertThat(r.outcome()).isEqualTo(MatchOutcome.ALREADY_IMPORTED);
    assertThat(r.outcome().pays()).isFalse();
  }
}
