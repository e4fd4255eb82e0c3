package io.proxima.contracts.api;

import io.proxima.contracts.application.Contracting;
import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractChange;
import io.proxima.contracts.domain.ContractEnvelope;
import io.proxima.contracts.domain.ContractKind;
import io.proxima.contracts.domain.ContractStatus;
import io.proxima.contracts.domain.ContractTerms;
import io.proxima.contracts.domain.Party;
import io.proxima.contracts.domain.Signature;
import io.proxima.contracts.domain.TimeReport;
import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contracts API's requests and views. */
public final class ContractViews {

  private ContractViews() {}

  /** The terms as sent and shown; amounts in yen before tax, hours with up to two decimals. */
  public record TermsView(
      @Schema(required = true, maxLength = 200, example = "決済基盤 API 開発支援") String title,
      @Schema(maxLength = 4000) String description,
      @Schema(required = true, maxLength = 200, example = "株式会社サンプル商事") String clientName,
      @Schema(required = true, maxLength = 200, example = "佐藤 花子") String freelancerName,
      @Schema(required = true, description = "dispatch (派遣) is refused", example = "QUASI_MANDATE")
          ContractType contractType,
      @Schema(required = true, minimum = "1", maximum = "1000000000", example = "600000")
          Long monthlyRateYen,
      @Schema(required = true, minimum = "1", maximum = "744", example = "140") BigDecimal minHours,
      @Schema(required = true, minimum = "1", maximum = "744", example = "180") BigDecimal maxHours,
      // UPPER_LOWER when absent. No @Schema here: Payara takes an accessor whose name contains
      // "set" for a setter and fails the whole document (README, Known limits).
      SettlementRange.Method settlementMethod,
      @Schema(description = "1 or 10", example = "10") Integer unitRounding,
      @Schema(readOnly = true, description = "derived from the rate and the range")
          Long excessUnitYen,
      @Schema(readOnly = true, description = "derived from the rate and the range")
          Long shortfallUnitYen,
      @Schema(example = "STANDARD") TaxRate taxRate,
      @Schema(required = true, minimum = "0", maximum = "60", example = "30") Integer paymentDays,
      @Schema(required = true) LocalDate startDate,
      @Schema(required = true, description = "a trial lasts at most three months")
          LocalDate endDate,
      @Schema(minimum = "0", maximum = "12", description = "0: no renewal; trials never renew")
          Integer renewalMonths) {

    ContractTerms toTerms() {
      if (monthlyRateYen == null) {
        throw new DomainException.InvalidValue("monthlyRateYen", "monthlyRateYen is required");
      }
      if (paymentDays == null) {
        throw new DomainException.InvalidValue("paymentDays", "paymentDays is required");
      }
      return new ContractTerms(
          title,
          description,
          clientName,
          freelancerName,
          contractType,
          new SettlementRange(
              monthlyRateYen,
              minHours,
              maxHours,
              settlementMethod == null ? SettlementRange.Method.UPPER_LOWER : settlementMethod,
              unitRounding == null ? 10 : unitRounding),
          taxRate == null ? TaxRate.STANDARD : taxRate,
          paymentDays,
          startDate,
          endDate,
          renewalMonths == null ? 0 : renewalMonths);
    }

    static TermsView of(ContractTerms t) {
      SettlementRange s = t.settlement();
      return new TermsView(
          t.title(),
          t.description(),
          t.clientName(),
          t.freelancerName(),
          t.contractType(),
          s.monthlyRateYen(),
          s.minHours(),
          s.maxHours(),
          s.method(),
          s.unitRounding(),
          s.excessUnitYen(),
          s.shortfallUnitYen(),
          t.taxRate(),
          t.paymentDays(),
          t.startDate(),
          t.endDate(),
          t.renewalMonths());
    }
  }

  public record DraftRequest(
      @Schema(required = true) String freelancerId,
      @Schema(required = true, example = "MAIN") ContractKind kind,
      TermsView terms) {}

  public record ReviseRequest(TermsView terms, @Schema(required = true) Long expectedVersion) {}

  public record VersionRequest(@Schema(required = true) Long expectedVersion) {}

  public record CancelRequest(
      @Schema(example = "条件が合わず") String reason, @Schema(required = true) Long expectedVersion) {}

  public record TerminateRequest(
      @Schema(required = true, description = "inside the contract's period") LocalDate lastDay,
      @Schema(required = true, example = "プロジェクト終了") String reason,
      @Schema(required = true) Long expectedVersion) {}

  public record ConvertRequest(TermsView terms, @Schema(required = true) Long expectedVersion) {}

  /** A signature: the SHA-256 of the document the signer was shown. */
  public record SignRequest(
      @Schema(
              required = true,
              pattern = "^[0-9a-f]{64}$",
              description = "the SHA-256 of the document the signer was shown",
              example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
          String documentSha256) {}

  public record WorkDayView(
      LocalDate date, @Schema(minimum = "0", maximum = "24") BigDecimal hours) {}

  public record ReportRequest(
      @Schema(required = true, minimum = "0", example = "160") BigDecimal hours,
      // optional: hours per day, adding up to hours (no @Schema: Payara would lose the $ref)
      List<WorkDayView> days,
      @Schema(maxLength = 1000, example = "12/28 は障害対応のため休日に4時間稼働") String remark,
      @Schema(required = true, description = "0 for a new month") Long expectedVersion) {
    List<TimeReport.WorkDay> workDays() {
      return days == null
          ? List.of()
          : days.stream()
              .map(d -> d == null ? null : new TimeReport.WorkDay(d.date(), d.hours()))
              .toList();
    }
  }

  public record RejectRequest(
      @Schema(required = true, example = "12/24 の時間を確認してください") String reason,
      @Schema(required = true) Long expectedVersion) {}

  public record ESignatureRequest(
      @Schema(required = true, example = "山田 太郎") String clientSignerName,
      @Schema(required = true, format = "email") String clientSignerEmail) {}

  /**
   * How a contract's e-signature stands. PENDING is written but not yet accepted by the provider
   * (the portal shows 送信中); envelopeId appears once it is.
   */
  public record ESignatureView(
      @Schema(required = true, example = "PENDING") ContractEnvelope.Status status,
      @Schema(description = "the provider's envelope id, once it accepted the envelope")
          String envelopeId,
      @Schema(description = "the SHA-256 of the document sent for signature") String documentSha256,
      Instant requestedAt,
      Instant sentAt,
      @Schema(description = "calls made to the provider so far") int attempts,
      @Schema(description = "when the next call is due, while pending") Instant nextAttemptAt,
      @Schema(description = "why the last call did not go through") String lastError,
      @Schema(description = "the SHA-256 of the signed document, once completed")
          String signedDocumentSha256,
      Instant completedAt) {
    static ESignatureView of(ContractEnvelope e) {
      return new ESignatureView(
          e.status(),
          e.envelopeId(),
          e.documentSha256(),
          e.requestedAt(),
          e.sentAt(),
          e.attempts(),
          e.status() == ContractEnvelope.Status.PENDING ? e.nextAttemptAt() : null,
          e.lastError(),
          e.signedDocumentSha256(),
          e.completedAt());
    }
  }

  public record InvoiceMonthRequest(
      @Schema(required = true) LocalDate issueDate,
      @Schema(required = true) Long expectedVersion) {}

  public record SignatureView(
      Party party,
      String signedBy,
      String documentSha256,
      Signature.Method method,
      Instant signedAt) {
    static SignatureView of(Signature s) {
      return new SignatureView(
          s.party(), s.signerSubject(), s.documentSha256(), s.method(), s.signedAt());
    }
  }

  public record ContractView(
      UUID id,
      String freelancerId,
      ContractKind kind,
      ContractStatus status,
      TermsView terms,
      UUID trialOf,
      String documentSha256,
      List<SignatureView> signatures,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    static ContractView of(Contract c) {
      return new ContractView(
          c.id(),
          c.freelancerSubject(),
          c.kind(),
          c.status(),
          TermsView.of(c.terms()),
          c.trialOf(),
          c.documentSha256(),
          c.signatures().stream().map(SignatureView::of).toList(),
          c.createdAt(),
          c.updatedAt(),
          c.version());
    }
  }

  public record StepView(
      ContractStatus from, ContractStatus to, String by, String reason, Instant at) {
    static StepView of(ContractChange c) {
      return new StepView(c.from(), c.to(), c.actorSubject(), c.reason(), c.at());
    }
  }

  public record TimeReportView(
      UUID id,
      UUID contractId,
      String month,
      BigDecimal hours,
      List<WorkDayView> days,
      TimeReport.Status status,
      @Schema(description = "the client side's reason while the month is sent back") String note,
      @Schema(description = "the freelancer's remark on the month") String remark,
      UUID invoiceId,
      Instant updatedAt,
      long version,
      // in a contract's dossier only (an answer about one report carries none); no @Schema on a
      // name with "set" in it (README, Known limits)
      SettlementView settlement) {
    static TimeReportView of(TimeReport r) {
      return of(r, null);
    }

    static TimeReportView of(TimeReport r, SettlementRange range) {
      return new TimeReportView(
          r.id(),
          r.contractId(),
          r.month().toString(),
          r.hours(),
          r.days().stream().map(d -> new WorkDayView(d.date(), d.hours())).toList(),
          r.status(),
          r.note(),
          r.remark(),
          r.invoiceId(),
          r.updatedAt(),
          r.version(),
          range == null ? null : SettlementView.of(range, r.hours()));
    }
  }

  /**
   * A month's hours against the settlement range (精算幅), as the month's invoice will bill them:
   * amounts in yen before tax.
   */
  public record SettlementView(
      BigDecimal minHours,
      BigDecimal maxHours,
      BigDecimal excessHours,
      BigDecimal shortfallHours,
      long excessUnitYen,
      long shortfallUnitYen,
      long monthlyRateYen,
      long adjustmentYen,
      long billableYen) {
    static SettlementView of(SettlementRange range, BigDecimal hours) {
      SettlementRange.Settlement s = range.settle(hours);
      return new SettlementView(
          range.minHours(),
          range.maxHours(),
          s.excessHours(),
          s.shortfallHours(),
          range.excessUnitYen(),
          range.shortfallUnitYen(),
          range.monthlyRateYen(),
          s.adjustmentYen(),
          s.billableYen());
    }
  }

  public record DossierView(
      ContractView contract, List<StepView> history, List<TimeReportView> timeReports) {
    static DossierView of(Contracting.Dossier d) {
      return new DossierView(
          ContractView.of(d.contract()),
          d.history().stream().map(StepView::of).toList(),
          d.reports().stream()
              .map(r -> TimeReportView.of(r, d.contract().terms().settlement()))
              .toList());
    }
  }

  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new DomainException.InvalidValue("month", "month: a year and month such as 2026-12");
    }
  }

  static long expected(Long version) {
    if (version == null) {
      throw new DomainException.InvalidValue("expectedVersion", "expectedVersion is required");
    }
    return version;
  }

  static String sha(SignRequest request) {
    if (request == null
        || request.documentSha256() == null
        || !request.documentSha256().strip().matches("(?i)[0-9a-f]{64}")) {
      throw new DomainException.InvalidValue(
          "documentSha256",
          "documentSha256: the SHA-256 (64 hex digits) of the document you were shown");
    }
    return request.documentSha256().strip();
  }
}
