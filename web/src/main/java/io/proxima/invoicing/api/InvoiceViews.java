package io.proxima.invoicing.api;

import io.proxima.invoicing.application.Invoicing;
import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.RegistrationNumber;
import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.platform.error.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Invoices as the API reads and shows them. */
public final class InvoiceViews {

  private InvoiceViews() {}

  public record IssuerView(
      @Schema(required = true, example = "株式会社プロキシマ") String name,
      @Schema(
              required = true,
              description = "T and 13 digits, the last a check digit",
              pattern = "^T[0-9]{13}$",
              example = "T7000012050002")
          String registrationNumber,
      @Schema(
              maxLength = InvoiceIssuer.TEXT_LIMIT,
              description = "printed under the issuer; optional",
              example = "東京都千代田区丸の内1-1-1")
          String address,
      @Schema(
              maxLength = InvoiceIssuer.TEXT_LIMIT,
              description = "the account transfers go to (振込先), printed on invoices; optional",
              example = "みずほ銀行 東京営業部 普通 1234567 カ）プロキシマ")
          String bankAccount) {
    static IssuerView of(InvoiceIssuer issuer) {
      return new IssuerView(
          issuer.name(), issuer.registration().value(), issuer.address(), issuer.bankAccount());
    }

    InvoiceIssuer toIssuer() {
      return new InvoiceIssuer(
          name, new RegistrationNumber(registrationNumber), address, bankAccount);
    }
  }

  public record LineRequest(
      @Schema(required = true, example = "システム開発支援") String description,
      @Schema(
              required = true,
              description = "non-zero, at most 2 decimals, at most 1,000,000 either way",
              example = "1")
          BigDecimal quantity,
      @Schema(example = "式") String unit,
      @Schema(
              required = true,
              description = "before tax; at most 10,000,000,000 either way",
              example = "550000")
          Long unitPriceYen,
      @Schema(required = true, example = "STANDARD") TaxRate taxRate) {
    InvoiceLine toLine() {
      if (unitPriceYen == null) {
        throw new DomainException.InvalidValue("every line needs unitPriceYen");
      }
      return new InvoiceLine(description, quantity, unit, unitPriceYen, taxRate);
    }
  }

  /**
   * A month of a contract with a settlement range: the rate, and the adjustment for the hours.
   *
   * @param method UPPER_LOWER (上下割) or MIDDLE (中間割)
   * @param unitRounding 1 or 10: the yen unit prices are rounded down to
   */
  public record MonthRequest(
      String work,
      Long monthlyRateYen,
      BigDecimal minHours,
      BigDecimal maxHours,
      SettlementRange.Method method,
      Integer unitRounding,
      BigDecimal hoursWorked,
      TaxRate taxRate) {
    List<InvoiceLine> toLines() {
      if (monthlyRateYen == null || unitRounding == null) {
        throw new DomainException.InvalidValue(
            "month", "month needs monthlyRateYen and unitRounding");
      }
      return Invoice.monthlyLines(
          work,
          new SettlementRange(monthlyRateYen, minHours, maxHours, method, unitRounding),
          hoursWorked,
          taxRate == null ? TaxRate.STANDARD : taxRate);
    }
  }

  /** Either {@code lines}, or {@code month} for a monthly contract's invoice. */
  public record InvoiceRequest(
      @Schema(required = true, example = "株式会社サンプル商事") String recipientName,
      @Schema(required = true) LocalDate issueDate,
      LocalDate periodFrom,
      LocalDate periodTo,
      // 1 to 100 lines, or instead month (no @Schema on records: Payara loses their $ref)
      List<LineRequest> lines,
      MonthRequest month,
      LocalDate dueDate) {
    Invoicing.Draft toDraft() {
      if ((lines == null || lines.isEmpty()) == (month == null)) {
        throw new DomainException.InvalidValue("give either lines or month");
      }
      return new Invoicing.Draft(
          recipientName,
          issueDate,
          periodFrom,
          periodTo,
          month != null ? month.toLines() : lines.stream().map(LineRequest::toLine).toList(),
          dueDate);
    }
  }

  public record CreditNoteRequest(
      @Schema(required = true) LocalDate issueDate,
      @Schema(maxLength = Invoicing.REASON_LIMIT, example = "稼働時間の誤りのため取消") String reason) {}

  public record LineView(
      String description,
      BigDecimal quantity,
      String unit,
      long unitPriceYen,
      TaxRate taxRate,
      long amountYen) {}

  public record TaxView(TaxRate rate, String label, long taxableYen, long taxYen) {}

  public record InvoiceView(
      UUID id,
      String number,
      Invoice.Kind kind,
      String issuerName,
      String registrationNumber,
      String issuerAddress,
      String issuerBankAccount,
      String recipientName,
      LocalDate issueDate,
      LocalDate periodFrom,
      LocalDate periodTo,
      List<LineView> lines,
      List<TaxView> taxByRate,
      long taxYen,
      long totalYen,
      String corrects,
      LocalDate dueDate,
      String issuedBy,
      Instant issuedAt) {
    public static InvoiceView of(IssuedInvoice issued) {
      Invoice i = issued.invoice();
      return new InvoiceView(
          issued.id(),
          i.number(),
          i.kind(),
          i.issuerName(),
          i.issuerRegistration().value(),
          issued.issuerAddress(),
          issued.issuerBankAccount(),
          i.recipientName(),
          i.issueDate(),
          i.periodFrom(),
          i.periodTo(),
          i.lines().stream()
              .map(
                  l ->
                      new LineView(
                          l.description(),
                          l.quantity(),
                          l.unit(),
                          l.unitPriceYen(),
                          l.taxRate(),
                          l.amountYen()))
              .toList(),
          i.taxSummaries().stream()
              .map(t -> new TaxView(t.rate(), t.rate().label(), t.taxableYen(), t.taxYen()))
              .toList(),
          i.taxYen(),
          i.totalYen(),
          i.corrects(),
          i.dueDate(),
          issued.issuedBy(),
          issued.issuedAt());
    }
  }
}
