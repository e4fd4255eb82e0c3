package io.proxima.invoicing.application;

import io.proxima.invoicing.domain.AccountingCsv;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The tenant's invoices of a span of months as the CSV its accountant imports into freee or
 * マネーフォワード: loaded in one read, written by {@link AccountingCsv}. Months are Japan's, as the issue
 * dates are.
 */
@ApplicationScoped
public class InvoiceExport {

  /** A year and a bit: a fiscal year with its closing month, in one file. */
  public static final int MAX_MONTHS = 13;

  /** More than any tenant issues in a year today; beyond it the request names a shorter span. */
  public static final int MAX_INVOICES = 5_000;

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final InvoiceRepository invoices;
  private final AuditLog audit;
  private final Clock clock;

  protected InvoiceExport() {
    this(null, null, null);
  }

  @Inject
  public InvoiceExport(InvoiceRepository invoices, AuditLog audit) {
    this(invoices, audit, Clock.systemUTC());
  }

  InvoiceExport(InvoiceRepository invoices, AuditLog audit, Clock clock) {
    this.invoices = invoices;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What was asked for, read from the request's words: blank months mean the other one, or this
   * month; a blank layout freee, a blank encoding UTF-8 with BOM.
   */
  public record Request(
      AccountingCsv.Layout layout, AccountingCsv.Encoding encoding, YearMonth from, YearMonth to) {

    public static Request of(
        String layout, String encoding, String from, String to, YearMonth thisMonth) {
      YearMonth start = month("from", from);
      YearMonth end = month("to", to);
      if (start == null) {
        start = end == null ? thisMonth : end;
      }
      if (end == null) {
        end = start;
      }
      if (end.isBefore(start)) {
        throw new DomainException.InvalidValue("to", "to: the month is on or after from");
      }
      if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
        throw new DomainException.InvalidValue(
            "to", "to: export at most " + MAX_MONTHS + " months at once");
      }
      return new Request(
          layout == null || layout.isBlank()
              ? AccountingCsv.Layout.FREEE
              : AccountingCsv.Layout.parse(layout),
          AccountingCsv.Encoding.parse(encoding),
          start,
          end);
    }

    private static YearMonth month(String name, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        YearMonth month = YearMonth.parse(text.strip());
        if (month.getYear() < 2000 || month.getYear() > 2999) {
          throw new DomainException.InvalidValue(name, name + ": a month such as 2026-12");
        }
        return month;
      } catch (DateTimeParseException e) {
        throw new DomainException.InvalidValue(name, name + ": a month such as 2026-12");
      }
    }

    public String fileName() {
      return "invoices-"
          + layout.name().toLowerCase()
          + "-"
          + from
          + (to.equals(from) ? "" : "_" + to)
          + ".csv";
    }
  }

  /** The month the tenant's staff are in now, for the defaults of a request. */
  public YearMonth thisMonth() {
    return YearMonth.now(clock.withZone(TOKYO));
  }

  @StaffOnly
  @Transactional
  public byte[] export(@NotNull Request request) {
    List<IssuedInvoice> issued =
        invoices.issuedBetween(
            request.from().atDay(1), request.to().plusMonths(1).atDay(1), MAX_INVOICES + 1);
    if (issued.size() > MAX_INVOICES) {
      throw new DomainException.TooLarge(
          "to", "more than " + MAX_INVOICES + " invoices in these months; export fewer months");
    }
    byte[] csv =
        AccountingCsv.write(
            issued.stream().map(IssuedInvoice::invoice).toList(),
            request.layout(),
            request.encoding());
    // Sales figures leave the system here: who took which months is worth knowing later.
    audit.record(
        "invoicing.exported",
        TenancyContext.current().requireTenant(),
        request.fileName(),
        issued.size() + " invoices, " + request.encoding().label());
    return csv;
  }
}
