package io.proxima.payments.application;

import io.proxima.invoicing.application.Invoicing;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.payments.application.PaymentLedger.EventOutcome;
import io.proxima.payments.domain.BankStatement;
import io.proxima.payments.domain.BankStatementLine;
import io.proxima.payments.domain.BankStatementParser;
import io.proxima.payments.domain.BankStatementRejected;
import io.proxima.payments.domain.InvoiceBalance;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentGateway;
import io.proxima.payments.domain.PaymentGateway.CardPaymentRequest;
import io.proxima.payments.domain.PaymentGateway.CardPaymentStarted;
import io.proxima.payments.domain.PaymentRepository;
import io.proxima.payments.domain.PaymentWebhook;
import io.proxima.payments.domain.PaymentWebhook.PaymentEvent;
import io.proxima.payments.domain.Reconciliation;
import io.proxima.payments.domain.StatementEntry;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Payments of a tenant's issued invoices: card payments through the provider, the provider's
 * events, and bank transfers reconciled from imported statements. Only money that arrived counts
 * towards an invoice, and every payment is recorded once, however often it is reported.
 */
@ApplicationScoped
public class Payments {

  /** The subject provider events act as in the audit log and the database session. */
  public static final String WEBHOOK_ACTOR = "webhook:stripe";

  private final PaymentRepository payments;
  private final InvoiceRepository invoices;
  private final PaymentLedger ledger;
  private final PaymentGateway gateway;
  private final PaymentWebhook webhook;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Clock clock;

  protected Payments() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public Payments(
      PaymentRepository payments,
      InvoiceRepository invoices,
      PaymentLedger ledger,
      PaymentGateway gateway,
      PaymentWebhook webhook,
      TenantEdge edge,
      AuditLog audit) {
    this(payments, invoices, ledger, gateway, webhook, edge, audit, Clock.systemUTC());
  }

  Payments(
      PaymentRepository payments,
      InvoiceRepository invoices,
      PaymentLedger ledger,
      PaymentGateway gateway,
      PaymentWebhook webhook,
      TenantEdge edge,
      AuditLog audit,
      Clock clock) {
    this.payments = payments;
    this.invoices = invoices;
    this.ledger = ledger;
    this.gateway = gateway;
    this.webhook = webhook;
    this.edge = edge;
    this.audit = audit;
    this.clock = clock;
  }

  /** A card payment under way: what the payer's browser needs to confirm it with Stripe. */
  public record CardPayment(Payment payment, String invoiceNumber, CardPaymentStarted started) {}

  /**
   * Starts a card payment of what the invoice still owes. Outside a transaction on purpose: Stripe
   * may take seconds, and no database connection should wait for it; the steps before and after are
   * transactions of their own.
   */
  @StaffOnly
  public CardPayment startCardPayment(@NotNull UUID invoiceId) {
    CardPaymentRequest request = ledger.cardPaymentFor(invoiceId);
    CardPaymentStarted started = gateway.start(request);
    return new CardPayment(
        ledger.cardPaymentStarted(request, started), request.invoiceNumber(), started);
  }

  /** The publishable key of the card form, when card payments are set up on this platform. */
  @StaffOnly
  public Optional<String> cardFormKey() {
    return gateway.publishableKey();
  }

  /**
   * A provider event, as delivered to the public webhook. The request carries no tenant; once the
   * signature is verified, the tenant is the one Proxima wrote into the payment's metadata.
   */
  public EventOutcome receiveProviderEvent(String payload, String signatureHeader) {
    PaymentEvent event = webhook.verify(payload, signatureHeader);
    if (event.outcome() == PaymentEvent.Outcome.OTHER || event.tenantId().isEmpty()) {
      return EventOutcome.IGNORED;
    }
    return TenancyContext.callIn(
        TenancyContext.tenant(event.tenantId().get(), null, WEBHOOK_ACTOR),
        () -> ledger.applyEvent(event));
  }

  /** An invoice's payments and what they add up to. */
  @StaffOnly
  @Transactional
  public InvoiceBalance paymentsOf(@NotNull UUID invoiceId) {
    IssuedInvoice issued =
        invoices
            .find(invoiceId)
            .orElseThrow(() -> new DomainException.NotFound(PaymentLedger.NO_SUCH_INVOICE));
    return ledger.balanceOf(issued);
  }

  /**
   * The balances of the tenant's latest invoices and credit notes, newest number first: one read of
   * the invoices and one of their payments, however many there are.
   */
  @StaffOnly
  @Transactional
  public List<InvoiceBalance> balances(@Min(1) @Max(Invoicing.MAX_LIMIT) int limit) {
    List<IssuedInvoice> issued = invoices.list(limit);
    Map<UUID, List<Payment>> byInvoice =
        payments.paymentsOf(issued.stream().map(IssuedInvoice::id).toList()).stream()
            .collect(Collectors.groupingBy(Payment::invoiceId));
    return issued.stream()
        .map(
            i ->
                new InvoiceBalance(
                    i.id(),
                    i.invoice().number(),
                    i.invoice().totalYen(),
                    byInvoice.getOrDefault(i.id(), List.of())))
        .toList();
  }

  /**
   * Imports a bank statement: credits naming an open invoice pay it at once, others are suggested
   * or left for a person. A statement with any unreadable line is rejected whole, with every
   * problem listed, so a corrected file can be imported without doubling anything.
   */
  @StaffOnly
  @Transactional
  public BankStatement importStatement(@NotNull byte[] csv) {
    BankStatementParser.ParsedStatement parsed = BankStatementParser.parse(csv);
    if (!parsed.readable()) {
      throw new BankStatementRejected(parsed.errors());
    }
    UUID tenant = TenancyContext.current().requireTenant();
    String me = TenancyContext.current().requireSubject();
    Instant now = clock.instant();
    UUID statementId = UUID.randomUUID();
    List<Reconciliation.Reconciled> reconciled =
        Reconciliation.reconcile(
            parsed.lines(),
            payments.openInvoices(),
            payments.knownStatementReferences(
                parsed.lines().stream().map(BankStatementLine::reference).toList()));
    List<StatementEntry> entries = new ArrayList<>();
    for (Reconciliation.Reconciled r : reconciled) {
      UUID paymentId = null;
      if (r.outcome().pays()) {
        Payment payment =
            Payment.transferReceived(
                r.invoice().invoiceId(),
                r.line().reference(),
                r.line().amountYen(),
                r.line().payerName(),
                r.line().date(),
                now);
        if (!payments.add(payment)) {
          throw new DomainException.Conflict(
              "line " + r.line().lineNumber() + " is being imported by someone else right now");
        }
        paymentId = payment.id();
        ledger.toldIfPaid(r.invoice().invoiceId(), r.outstandingBeforeYen());
        audit.record(
            "payments.transfer.recorded",
            tenant,
            InvoiceNumber.format(r.invoice().number()),
            r.line().amountYen() + " JPY from " + r.line().payerName() + " (" + r.outcome() + ")");
      }
      entries.add(
          new StatementEntry(
              UUID.randomUUID(),
              statementId,
              r.line(),
              r.outcome(),
              r.invoice() == null ? null : r.invoice().invoiceId(),
              r.invoice() == null ? null : InvoiceNumber.format(r.invoice().number()),
              r.outstandingBeforeYen(),
              r.reason(),
              paymentId,
              null,
              null));
    }
    BankStatement statement =
        new BankStatement(statementId, parsed.charset().name(), me, now, entries);
    payments.addStatement(statement);
    audit.record(
        "payments.statement.imported",
        tenant,
        statementId.toString(),
        entries.size()
            + " credits, "
            + entries.stream().filter(e -> e.paymentId() != null).count()
            + " recorded as payments");
    return statement;
  }

  /** A staff member accepts a suggested match: the credit now pays the suggested invoice. */
  @StaffOnly
  @Transactional
  public StatementEntry confirmMatch(@NotNull UUID entryId) {
    StatementEntry entry =
        payments
            .findEntry(entryId)
            .orElseThrow(() -> new DomainException.NotFound("There is no such statement line."));
    // Checked before anything is written: the suggestion may have gone stale since the import.
    entry.requireConfirmable();
    IssuedInvoice invoice = ledger.payableInvoice(entry.invoiceId());
    long outstandingBefore = ledger.balanceOf(invoice).outstandingYen();
    if (outstandingBefore <= 0) {
      throw new DomainException.Conflict(
          "invoice "
              + entry.invoiceNumber()
              + " was paid since the import; this credit is not for it");
    }
    BankStatementLine line = entry.line();
    Payment payment =
        Payment.transferReceived(
            invoice.id(),
            line.reference(),
            line.amountYen(),
            line.payerName(),
            line.date(),
            clock.instant());
    if (!payments.add(payment)) {
      throw new DomainException.Conflict("this credit already paid an invoice");
    }
    ledger.toldIfPaid(invoice.id(), outstandingBefore);
    StatementEntry confirmed =
        entry.confirm(payment.id(), TenancyContext.current().requireSubject(), clock.instant());
    payments.updateEntry(confirmed);
    audit.record(
        "payments.transfer.confirmed",
        TenancyContext.current().requireTenant(),
        entry.invoiceNumber(),
        line.amountYen() + " JPY from " + line.payerName());
    return confirmed;
  }
}
