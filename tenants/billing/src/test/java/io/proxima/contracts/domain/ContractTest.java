package io.proxima.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractTest {

  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
  private static final String SHA = "ab".repeat(32);

  static ContractTerms terms(LocalDate start, LocalDate end, int renewal) {
    return new ContractTerms(
        "API 開発",
        null,
        "株式会社サンプル",
        "佐藤 花子",
        ContractType.QUASI_MANDATE,
        new SettlementRange(
            600_000,
            BigDecimal.valueOf(140),
            BigDecimal.valueOf(180),
            SettlementRange.Method.UPPER_LOWER,
            10),
        TaxRate.STANDARD,
        30,
        start,
        end,
        renewal);
  }

  private static Contract trial() {
    return Contract.draft(
            UUID.randomUUID(),
            "freelancer",
            ContractKind.TRIAL,
            terms(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 0),
            "staff",
            NOW)
        .contract();
  }

  private static Signature signature(Party party, String sha) {
    return new Signature(party, party.name(), sha, Signature.Method.CLICK, "127.0.0.1", NOW);
  }

  private static Contract active(Contract draft) {
    Contract sent = draft.send(SHA, draft.version(), "staff", NOW).contract();
    Contract once = sent.sign(signature(Party.FREELANCER, SHA), NOW).contract();
    return once.sign(signature(Party.CLIENT, SHA), NOW).contract();
  }

  @Test
  void termsOutsideTheFreelanceActOrTheMarketAreRefused() {
    LocalDate start = LocalDate.of(2026, 12, 1);
    assertThatThrownBy(
            () ->
                new ContractTerms(
                    "x",
                    null,
                    "c",
                    "f",
                    ContractType.QUASI_MANDATE,
                    terms(start, start, 0).settlement(),
                    TaxRate.STANDARD,
                    61,
                    start,
                    start,
                    0))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("60");
    assertThatThrownBy(
            () ->
                new ContractTerms(
                    "x",
                    null,
                    "c",
                    "f",
                    ContractType.DISPATCH,
                    terms(start, start, 0).settlement(),
                    TaxRate.STANDARD,
                    30,
                    start,
                    start,
                    0))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> terms(start, start.minusDays(1), 0))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void anInvoiceFallsDueThePaymentDaysAfterTheMonthItArrivesIn() {
    ContractTerms terms = terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31), 0);
    assertThat(terms.dueDateFor(LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2027, 3, 2));
    assertThat(terms.dueDateFor(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 3, 2));
    // A leap February ends on the 29th.
    assertThat(terms.dueDateFor(LocalDate.of(2028, 2, 10))).isEqualTo(LocalDate.of(2028, 3, 30));
  }

  @Test
  void aTrialIsShortAndDoesNotRenew() {
    assertThatThrownBy(
            () ->
                Contract.draft(
                    UUID.randomUUID(),
                    "f",
                    ContractKind.TRIAL,
                    terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31), 0),
                    "s",
                    NOW))
        .hasMessageContaining("three months");
    assertThatThrownBy(
            () ->
                Contract.draft(
                    UUID.randomUUID(),
                    "f",
                    ContractKind.TRIAL,
                    terms(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 1),
                    "s",
                    NOW))
        .hasMessageContaining("does not renew");
  }

  @Test
  void bothSidesSignTheSentDocumentOnceAndOnlyThatDocument() {
    Contract draft = trial();
    assertThatThrownBy(() -> draft.sign(signature(Party.CLIENT, SHA), NOW))
        .isInstanceOf(DomainException.Conflict.class);
    Contract sent = draft.send(SHA, 1, "staff", NOW).contract();
    assertThat(sent.status()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThatThrownBy(() -> sent.sign(signature(Party.CLIENT, "cd".repeat(32)), NOW))
        .hasMessageContaining("document changed");
    Contract.Moved once = sent.sign(signature(Party.FREELANCER, SHA), NOW);
    assertThat(once.contract().status()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThatThrownBy(() -> once.contract().sign(signature(Party.FREELANCER, SHA), NOW))
        .hasMessageContaining("signed already");
    Contract.Moved both = once.contract().sign(signature(Party.CLIENT, SHA), NOW);
    assertThat(both.contract().status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(both.change().from()).isEqualTo(ContractStatus.AWAITING_SIGNATURES);
    assertThatThrownBy(
            () -> both.contract().revise(draft.terms(), both.contract().version(), "s", NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aStaleVersionIsAConflict() {
    Contract draft = trial();
    assertThatThrownBy(() -> draft.send(SHA, 7, "staff", NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void anActiveTrialConvertsOnceIntoAMainDraft() {
    Contract trial = active(trial());
    ContractTerms main = terms(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), 3);
    Contract.Conversion conversion = trial.convert(main, trial.version(), "staff", NOW);
    assertThat(conversion.trial().contract().status()).isEqualTo(ContractStatus.CONVERTED);
    assertThat(conversion.main().contract().kind()).isEqualTo(ContractKind.MAIN);
    assertThat(conversion.main().contract().trialOf()).isEqualTo(trial.id());
    Contract converted = conversion.trial().contract();
    assertThatThrownBy(() -> converted.convert(main, converted.version(), "staff", NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aMainContractRenewsByItsClauseAndTerminationShortensIt() {
    Contract main =
        active(
            Contract.draft(
                    UUID.randomUUID(),
                    "f",
                    ContractKind.MAIN,
                    terms(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), 3),
                    "s",
                    NOW)
                .contract());
    Contract renewed = main.renew(main.version(), "staff", NOW).contract();
    assertThat(renewed.terms().endDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThatThrownBy(
            () -> renewed.terminate(LocalDate.of(2027, 4, 15), " ", renewed.version(), "s", NOW))
        .hasMessageContaining("reason");
    Contract ended =
        renewed
            .terminate(LocalDate.of(2027, 4, 15), "案件終了", renewed.version(), "staff", NOW)
            .contract();
    assertThat(ended.status()).isEqualTo(ContractStatus.TERMINATED);
    assertThat(ended.terms().endDate()).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(ended.takesReportsFor(LocalDate.of(2027, 4, 1))).isTrue();
    assertThat(ended.takesReportsFor(LocalDate.of(2027, 5, 1))).isFalse();
  }

  @Test
  void aMonthIsWrittenSubmittedSentBackApprovedAndInvoicedOnce() {
    Contract contract = active(trial());
    YearMonth december = YearMonth.of(2026, 12);
    assertThatThrownBy(
            () -> TimeReport.write(null, trial(), december, BigDecimal.TEN, null, 0, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(
            () ->
                TimeReport.write(
                    null, contract, YearMonth.of(2027, 1), BigDecimal.TEN, null, 0, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(
            () -> TimeReport.write(null, contract, december, new BigDecimal("745"), null, 0, NOW))
        .hasMessageContaining("744");
    TimeReport draft =
        TimeReport.write(
            null,
            contract,
            december,
            null,
            List.of(
                new TimeReport.WorkDay(LocalDate.of(2026, 12, 1), new BigDecimal("8")),
                new TimeReport.WorkDay(LocalDate.of(2026, 12, 2), new BigDecimal("7.5"))),
            0,
            NOW);
    assertThat(draft.hours()).isEqualByComparingTo("15.5");
    assertThatThrownBy(
            () ->
                TimeReport.write(
                    draft,
                    contract,
                    december,
                    null,
                    List.of(
                        new TimeReport.WorkDay(LocalDate.of(2026, 12, 1), BigDecimal.ONE),
                        new TimeReport.WorkDay(LocalDate.of(2026, 12, 1), BigDecimal.ONE)),
                    1,
                    NOW))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                TimeReport.write(
                    draft,
                    contract,
                    december,
                    BigDecimal.ONE,
                    List.of(new TimeReport.WorkDay(LocalDate.of(2026, 12, 1), BigDecimal.TEN)),
                    1,
                    NOW))
        .hasMessageContaining("differ");
    TimeReport submitted = draft.submit(draft.version(), NOW);
    assertThatThrownBy(
            () ->
                TimeReport.write(
                    submitted, contract, december, BigDecimal.ONE, null, submitted.version(), NOW))
        .isInstanceOf(DomainException.Conflict.class);
    TimeReport back = submitted.reject("12/2 は休業日", submitted.version(), NOW);
    TimeReport fixed =
        TimeReport.write(
            back, contract, december, new BigDecimal("160"), null, back.version(), NOW);
    assertThat(fixed.days()).isEmpty();
    TimeReport approved = fixed.submit(fixed.version(), NOW).approve(fixed.version(), NOW);
    UUID invoice = UUID.randomUUID();
    TimeReport invoiced = approved.invoiced(invoice, approved.version(), NOW);
    assertThat(invoiced.invoiceId()).isEqualTo(invoice);
    assertThatThrownBy(() -> invoiced.invoiced(UUID.randomUUID(), invoiced.version(), NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void theFreelancersRemarkStaysWithTheMonthWhileTheReasonForSendingItBackGoes() {
    Contract contract = active(trial());
    YearMonth december = YearMonth.of(2026, 12);
    assertThatThrownBy(
            () ->
                TimeReport.write(
                    null, contract, december, BigDecimal.TEN, null, "x".repeat(1001), 0, NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("remark");
    TimeReport draft =
        TimeReport.write(
            null, contract, december, new BigDecimal("150"), null, " 12/28 は障害対応 ", 0, NOW);
    assertThat(draft.remark()).isEqualTo("12/28 は障害対応");
    TimeReport back = draft.submit(1, NOW).reject("12/28 の作業報告を添付してください", 1, NOW);
    assertThat(back.remark()).isEqualTo("12/28 は障害対応");
    assertThat(back.note()).isEqualTo("12/28 の作業報告を添付してください");
    TimeReport corrected =
        TimeReport.write(
            back,
            contract,
            december,
            new BigDecimal("152"),
            null,
            "12/28 は障害対応（報告書 #42）",
            back.version(),
            NOW);
    TimeReport approved =
        corrected.submit(corrected.version(), NOW).approve(corrected.version(), NOW);
    assertThat(approved.remark()).isEqualTo("12/28 は障害対応（報告書 #42）");
    assertThat(approved.note()).isNull();
  }
}
