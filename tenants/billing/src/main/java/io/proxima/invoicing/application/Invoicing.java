package io.proxima.invoicing.application;

import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's qualified invoices: issued once under the next number, never edited, corrected by a
 * credit note. The number is taken in the issuing transaction, so a failed issue leaves no gap.
 */
@ApplicationScoped
public class Invoicing {

  public static final int MAX_LIMIT = 200;
  private static final String NO_SUCH_INVOICE = "There is no such invoice.";

  private final InvoiceRepository invoices;
  private final InvoiceDocuments documents;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Clock clock;

  protected Invoicing() {
    this(null, null, null, null, null);
  }

  @Inject
  public Invoicing(
      InvoiceRepository invoices, InvoiceDocuments documents, TenantEdge edge, AuditLog audit) {
    this(invoices, documents, edge, audit, Clock.systemUTC());
  }

  Invoicing(
      InvoiceRepository invoices,
      InvoiceDocuments documents,
      TenantEdge edge,
      AuditLog audit,
      Clock clock) {
    this.invoices = invoices;
    this.documents = documents;
    this.edge = edge;
    this.audit = audit;
    this.clock = clock;
  }

  @StaffOnly
  @Transactional
  public InvoiceIssuer issuer() {
    return invoices
        .issuer()
        .orElseThrow(() -> new DomainException.NotFound("The tenant has not set its issuer yet."));
  }

  @StaffOnly
  @Transactional
  public InvoiceIssuer saveIssuer(@NotNull InvoiceIssuer issuer) {
    invoices.saveIssuer(issuer);
    audit.record(
        "invoicing.issuer.saved",
        TenancyContext.current().requireTenant(),
        issuer.registration().value(),
        issuer.name());
    return issuer;
  }

  /** What the staff ask to invoice; the issuer comes from the tenant's settings. */
  public record Draft(
      String recipientName,
      LocalDate issueDate,
      LocalDate periodFrom,
      LocalDate periodTo,
      List<InvoiceLine> lines,
      LocalDate dueDate) {}

  @StaffOnly
  @Transactional
  public IssuedInvoice issue(@NotNull Draft draft) {
    InvoiceIssuer issuer =
        invoices
            .issuer()
            .orElseThrow(
                () ->
                    new DomainException.Conflict(
                        "set the tenant's issuer name and registration number first"));
    // Validate everything before taking a number; the rollback would give it back anyway.
    Invoice checked =
        new Invoice(
            InvoiceNumber.format(1),
            Invoice.Kind.INVOICE,
            issuer.name(),
            issuer.registration(),
            draft.recipientName(),
            draft.issueDate(),
            draft.periodFrom(),
            draft.periodTo(),
            draft.lines(),
            null,
            draft.dueDate());
    return store(
        checked.numbered(InvoiceNumber.format(invoices.nextNumber())),
        issuer.address(),
        issuer.bankAccount());
  }

  /** A credit note's reason is for the audit trail, not the document: at most this long. */
  public static final int REASON_LIMIT = 500;

  @StaffOnly
  @Transactional
  public IssuedInvoice creditNote(@NotNull UUID invoiceId, LocalDate issueDate) {
    return creditNote(invoiceId, issueDate, null);
  }

  /**
   * Cancels an invoice with a credit note. The reason (wrong hours, wrong client…) goes into the
   * audit log with it, so whoever reads the books later learns why the sale was reversed.
   */
  @StaffOnly
  @Transactional
  public IssuedInvoice creditNote(@NotNull UUID invoiceId, LocalDate issueDate, String reason) {
    // Checked here, before a number is taken, so the problem names the field the caller sent.
    if (reason != null
        && reason.strip().codePointCount(0, reason.strip().length()) > REASON_LIMIT) {
      throw new DomainException.InvalidValue(
          "reason", "reason: at most " + REASON_LIMIT + " characters");
    }
    IssuedInvoice original =
        invoices.find(invoiceId).orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVOICE));
    Invoice credit =
        original
            .invoice()
            .creditNote(
                InvoiceNumber.format(invoices.nextNumber()),
                issueDate == null ? LocalDate.now(clock) : issueDate);
    // The credit note prints where the issuer was when the invoice went out, as the invoice does.
    IssuedInvoice stored = store(credit, original.issuerAddress(), original.issuerBankAccount());
    if (reason != null && !reason.isBlank()) {
      audit.record(
          "invoicing.credit_note.reason",
          TenancyContext.current().requireTenant(),
          credit.number(),
          "cancels " + credit.corrects() + ": " + reason.strip());
    }
    return stored;
  }

  @StaffOnly
  @Transactional
  public IssuedInvoice invoice(@NotNull UUID id) {
    return invoices.find(id).orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVOICE));
  }

  /** The invoice as the document the recipient keeps. */
  @Transactional
  public byte[] document(@NotNull UUID id) {
    return documents.render(invoice(id));
  }

  /** The invoice's pages as an image, for the portal's preview. */
  @StaffOnly
  @Transactional
  public byte[] preview(@NotNull UUID id) {
    return documents.preview(invoice(id));
  }

  @StaffOnly
  @Transactional
  public List<IssuedInvoice> list(@Min(1) @Max(MAX_LIMIT) int limit) {
    return invoices.list(limit);
  }

  private IssuedInvoice store(Invoice invoice, String address, String bankAccount) {
    IssuedInvoice issued =
        new IssuedInvoice(
            UUID.randomUUID(),
            invoice,
            address,
            bankAccount,
            TenancyContext.current().requireSubject(),
            clock.instant());
    if (!invoices.add(issued)) {
      throw new DomainException.Conflict(
          "invoice " + invoice.corrects() + " already has a credit note");
    }
    audit.record(
        "invoicing." + invoice.kind().name().toLowerCase() + ".issued",
        TenancyContext.current().requireTenant(),
        invoice.number(),
        invoice.recipientName() + " " + invoice.totalYen() + " JPY");
    return issued;
  }
}
