package io.proxima.payments.application;

import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.payments.domain.InvoiceBalance;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentGateway.CardPaymentRequest;
import io.proxima.payments.domain.PaymentGateway.CardPaymentStarted;
import io.proxima.payments.domain.PaymentMethod;
import io.proxima.payments.domain.PaymentRepository;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.payments.domain.PaymentWebhook.PaymentEvent;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.UUID;

/**
 * The transactional steps around calls to the payment provider, in a bean of their own so that
 * {@link Payments} can call them through their interceptors and hold no database connection while
 * Stripe answers.
 */
@ApplicationScoped
public class PaymentLedger {

  static final String NO_SUCH_INVOICE = "There is no such invoice.";

  private final PaymentRepository payments;
  private final InvoiceRepository invoices;
  private final AuditLog audit;
  private final Event<PlatformEvent> events;
  private final Clock clock;

  protected PaymentLedger() {
    this(null, null, null, null, null);
  }

  @Inject
  public PaymentLedger(
      PaymentRepository payments,
      InvoiceRepository invoices,
      AuditLog audit,
      Event<PlatformEvent> events) {
    this(payments, invoices, audit, events, Clock.systemUTC());
  }

  PaymentLedger(
      PaymentRepository payments,
      InvoiceRepository invoices,
      AuditLog audit,
      Event<PlatformEvent> events,
      Clock clock) {
    this.payments = payments;
    this.invoices = invoices;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** What a card payment of the invoice asks for, refused for anything that is not payable. */
  @Transactional
  public CardPaymentRequest cardPaymentFor(@NotNull UUID invoiceId) {
    IssuedInvoice issued = payableInvoice(invoiceId);
    return new CardPaymentRequest(
        TenancyContext.current().requireTenant(),
        issued.id(),
        issued.invoice().number(),
        balanceOf(issued).amountForCard());
  }

  /** Records the provider's payment; a retry that got the same payment back finds the first. */
  @Transactional
  public Payment cardPaymentStarted(
      @NotNull CardPaymentRequest request, @NotNull CardPaymentStarted started) {
    Payment payment =
        Payment.cardStarted(
            request.invoiceId(), started.reference(), started.amountYen(), clock.instant());
    if (started.status() == PaymentStatus.SUCCEEDED) {
      payment = payment.succeeded(started.amountYen(), clock.instant());
    }
    if (!payments.add(payment)) {
      return payments
          .findByReference(PaymentMethod.CARD, started.reference())
          .orElseThrow(
              () -> new DomainException.Conflict("the provider's payment belongs elsewhere"));
    }
    audit.record(
        "payments.card.started",
        TenancyContext.current().requireTenant(),
        request.invoiceNumber(),
        started.reference() + " " + started.amountYen() + " JPY");
    return payment;
  }

  /** What {@link #applyEvent} did with a provider event. */
  public enum EventOutcome {
    APPLIED,
    /** Delivered before and applied then; nothing changed now. */
    DUPLICATE,
    /** Not about a payment Proxima knows, or too late to change it. */
    IGNORED
  }

  /** Applies a verified event once; runs in the tenant named by the event's metadata. */
  @Transactional
  public EventOutcome applyEvent(@NotNull PaymentEvent event) {
    UUID tenant = TenancyContext.current().requireTenant();
    Payment payment = payments.findByReference(PaymentMethod.CARD, event.reference()).orElse(null);
    if (payment == null) {
      // Stripe took money for an invoice of ours whose start was never recorded (the node died
      // between Stripe's answer and the commit): the money is real, so it is recorded now. A
      // failure for such a payment changes nothing.
      IssuedInvoice issued = event.invoiceId().flatMap(invoices::find).orElse(null);
      if (issued == null
          || event.outcome() != PaymentEvent.Outcome.SUCCEEDED
          || event.amountReceivedYen() <= 0) {
        return EventOutcome.IGNORED;
      }
      payment =
          Payment.cardStarted(
              issued.id(), event.reference(), event.amountReceivedYen(), clock.instant());
      payments.add(payment);
    }
    if (!payments.markProcessed("stripe", event.eventId(), event.type())) {
      return EventOutcome.DUPLICATE;
    }
    Payment applied;
    if (event.outcome() == PaymentEvent.Outcome.SUCCEEDED) {
      applied = payment.succeeded(event.amountReceivedYen(), clock.instant());
    } else if (payment.received()) {
      return EventOutcome.IGNORED;
    } else {
      applied = payment.failed(clock.instant());
    }
    long outstandingBefore =
        invoices.find(payment.invoiceId()).map(i -> balanceOf(i).outstandingYen()).orElse(0L);
    payments.update(applied);
    if (applied.received()) {
      toldIfPaid(payment.invoiceId(), outstandingBefore);
    }
    audit.record(
        "payments.card." + applied.status().name().toLowerCase(java.util.Locale.ROOT),
        tenant,
        event.reference(),
        event.type() + " " + event.eventId() + " " + applied.amountYen() + " JPY");
    return EventOutcome.APPLIED;
  }

  /**
   * After a payment was written: when it settled an invoice that still owed money, the tenant's
   * systems hear {@code invoice.paid} in this transaction (numbers and amounts, no payer names).
   */
  void toldIfPaid(UUID invoiceId, long outstandingBeforeYen) {
    if (outstandingBeforeYen <= 0) {
      return;
    }
    IssuedInvoice issued = invoices.find(invoiceId).orElse(null);
    if (issued == null) {
      return;
    }
    InvoiceBalance after = balanceOf(issued);
    if (after.outstandingYen() > 0) {
      return;
    }
    events.fire(
        PlatformEvent.toTenant(
            PlatformEventType.INVOICE_PAID,
            TenancyContext.current().requireTenant(),
            invoiceId,
            java.util.Map.of(
                "invoiceId", invoiceId.toString(),
                "invoiceNumber", String.valueOf(issued.invoice().number()),
                "totalYen", String.valueOf(issued.invoice().totalYen())),
            clock.instant()));
  }

  /** An issued invoice, not a credit note, not cancelled. */
  IssuedInvoice payableInvoice(UUID invoiceId) {
    IssuedInvoice issued =
        invoices.find(invoiceId).orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVOICE));
    Invoice invoice = issued.invoice();
    if (invoice.kind() != Invoice.Kind.INVOICE) {
      throw new DomainException.Conflict("a credit note is not paid");
    }
    if (payments.cancelled(invoice.number())) {
      throw new DomainException.Conflict(
          "invoice " + invoice.number() + " is cancelled by a credit note");
    }
    return issued;
  }

  InvoiceBalance balanceOf(IssuedInvoice issued) {
    return new InvoiceBalance(
        issued.id(),
        issued.invoice().number(),
        issued.invoice().totalYen(),
        payments.paymentsOf(issued.id()));
  }
}
