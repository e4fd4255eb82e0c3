package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A qualified invoice (適格請求書): the issuer and its registration number, the date, the transactions,
 * the amounts and consumption tax per tax rate, and the recipient. An issued invoice never changes;
 * a correction is a credit note (返還インボイス) that cancels it, and a new invoice.
 *
 * @param number the tenant's sequential number, gapless
 * @param corrects for a credit note, the number of the invoice it cancels; null otherwise
 */
@Embeddable
public record Invoice(
    @Convert(converter = NumberColumn.class) @Column(name = "number", nullable = false)
        String number,
    @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) Kind kind,
    @Column(name = "issuer_name", nullable = false) String issuerName,
    @Convert(converter = RegistrationNumber.Stored.class)
        @Column(name = "registration_number", nullable = false)
        RegistrationNumber issuerRegistration,
    @Column(name = "recipient_name", nullable = false) String recipientName,
    @Column(name = "issue_date", nullable = false) LocalDate issueDate,
    @Column(name = "period_from") LocalDate periodFrom,
    @Column(name = "period_to") LocalDate periodTo,
    @JdbcTypeCode(SqlTypes.JSON) @Column(name = "lines", nullable = false) List<InvoiceLine> lines,
    @Convert(converter = NumberColumn.class) @Column(name = "corrects") String corrects,
    @Column(name = "due_date") LocalDate dueDate) {

  public static final int MAX_LINES = 100;

  public enum Kind {
    INVOICE,
    CREDIT_NOTE
  }

  public Invoice {
    Objects.requireNonNull(kind, "kind");
    requireText(issuerName, "issuerName");
    Objects.requireNonNull(issuerRegistration, "issuerRegistration");
    requireText(recipientName, "recipientName");
    if (issueDate == null) {
      throw new DomainException.InvalidValue("issueDate", "issueDate is required");
    }
    if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
      throw new DomainException.InvalidValue("the period ends before it starts");
    }
    if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
      throw new DomainException.InvalidValue("an invoice has 1 to " + MAX_LINES + " lines");
    }
    lines = List.copyOf(lines);
    if ((kind == Kind.CREDIT_NOTE) != (corrects != null)) {
      throw new DomainException.InvalidValue("a credit note, and only a credit note, corrects");
    }
    if (dueDate != null && dueDate.isBefore(issueDate)) {
      throw new DomainException.InvalidValue("the due date is on or after the issue date");
    }
  }

  /** The month's invoice of a contract with a settlement range, from the hours worked. */
  public static List<InvoiceLine> monthlyLines(
      String work, SettlementRange range, BigDecimal hoursWorked, TaxRate rate) {
    List<InvoiceLine> lines = new ArrayList<>();
    lines.add(new InvoiceLine(work, BigDecimal.ONE, "式", range.monthlyRateYen(), rate));
    long adjustment = range.adjustmentYen(hoursWorked);
    if (adjustment > 0) {
      BigDecimal over = hoursWorked.subtract(range.maxHours()).stripTrailingZeros();
      lines.add(
          new InvoiceLine(
              "精算（超過 " + over.toPlainString() + "h）", over, "時間", range.excessUnitYen(), rate));
    } else if (adjustment < 0) {
      BigDecimal under = range.minHours().subtract(hoursWorked).stripTrailingZeros();
      lines.add(
          new InvoiceLine(
              "精算（控除 " + under.toPlainString() + "h）",
              under.negate(),
              "時間",
              range.shortfallUnitYen(),
              rate));
    }
    return lines;
  }

  /** Amounts and tax per rate, in the order of {@link TaxRate}; rates without lines left out. */
  public List<TaxSummary> taxSummaries() {
    Map<TaxRate, Long> taxable = new EnumMap<>(TaxRate.class);
    for (InvoiceLine line : lines) {
      taxable.merge(line.taxRate(), line.amountYen(), Long::sum);
    }
    List<TaxSummary> summaries = new ArrayList<>();
    taxable.forEach(
        (rate, amount) ->
            summaries.add(
                new TaxSummary(
                    rate,
                    amount,
                    BigDecimal.valueOf(amount)
                        .multiply(rate.rate())
                        .setScale(0, RoundingMode.DOWN)
                        .longValueExact())));
    return summaries;
  }

  public long taxYen() {
    return taxSummaries().stream().mapToLong(TaxSummary::taxYen).sum();
  }

  public long totalYen() {
    return taxSummaries().stream().mapToLong(TaxSummary::totalYen).sum();
  }

  /** The same invoice under {@code assigned}, once its number is taken. */
  public Invoice numbered(String assigned) {
    return new Invoice(
        assigned,
        kind,
        issuerName,
        issuerRegistration,
        recipientName,
        issueDate,
        periodFrom,
        periodTo,
        lines,
        corrects,
        dueDate);
  }

  /** The credit note that cancels this invoice, every line negated. */
  public Invoice creditNote(String creditNumber, LocalDate issueDate) {
    if (kind != Kind.INVOICE) {
      throw new DomainException.Conflict("a credit note is not corrected by another");
    }
    return new Invoice(
        creditNumber,
        Kind.CREDIT_NOTE,
        issuerName,
        issuerRegistration,
        recipientName,
        issueDate,
        periodFrom,
        periodTo,
        lines.stream().map(InvoiceLine::negated).toList(),
        number,
        null);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new DomainException.InvalidValue(field, field + " is required");
    }
  }

  /** Numbers are printed INV-000042 and stored as the number itself. */
  @Converter
  public static class NumberColumn implements AttributeConverter<String, Long> {
    @Override
    public Long convertToDatabaseColumn(String printed) {
      return printed == null ? null : InvoiceNumber.parse(printed);
    }

    @Override
    public String convertToEntityAttribute(Long number) {
      return number == null ? null : InvoiceNumber.format(number);
    }
  }
}
