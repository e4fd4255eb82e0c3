package io.proxima.payments.api;

import io.proxima.payments.application.Payments;
import io.proxima.payments.domain.BankStatement;
import io.proxima.payments.domain.InvoiceBalance;
import io.proxima.payments.domain.InvoiceStanding;
import io.proxima.payments.domain.MatchOutcome;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentMethod;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.payments.domain.StatementEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payments as the API shows them. */
public final class PaymentViews {

  private PaymentViews() {}

  /**
   * A card payment under way. The browser confirms it with Stripe.js using {@code clientSecret};
   * the invoice counts as paid only when Stripe's webhook says the money arrived.
   */
  public record CardPaymentView(
      UUID paymentId,
      UUID invoiceId,
      String invoiceNumber,
      long amountYen,
      String currency,
      PaymentStatus status,
      String providerStatus,
      String clientSecret) {
    static CardPaymentView of(Payments.CardPayment card) {
      Payment p = card.payment();
      return new CardPaymentView(
          p.id(),
          p.invoiceId(),
          card.invoiceNumber(),
          p.amountYen(),
          "jpy",
          p.status(),
          card.started().providerStatus(),
          card.started().clientSecret());
    }
  }

  public record PaymentView(
      UUID id,
      PaymentMethod method,
      String reference,
      long amountYen,
      PaymentStatus status,
      String payerName,
      LocalDate receivedOn,
      Instant createdAt,
      Instant updatedAt) {
    static PaymentView of(Payment p) {
      return new PaymentView(
          p.id(),
          p.method(),
          p.reference(),
          p.amountYen(),
          p.status(),
          p.payerName(),
          p.receivedOn(),
          p.createdAt(),
          p.updatedAt());
    }
  }

  /** An invoice's payments against its total; {@code outstandingYen} is negative when overpaid. */
  public record InvoicePaymentsView(
      UUID invoiceId,
      String invoiceNumber,
      long totalYen,
      long receivedYen,
      long outstandingYen,
      InvoiceStanding standing,
      List<PaymentView> payments) {
    static InvoicePaymentsView of(InvoiceBalance balance) {
      return new InvoicePaymentsView(
          balance.invoiceId(),
          balance.invoiceNumber(),
          balance.totalYen(),
          balance.receivedYen(),
          balance.outstandingYen(),
          balance.standing(),
          balance.payments().stream().map(PaymentView::of).toList());
    }
  }

  public record StatementEntryView(
      UUID id,
      int line,
      LocalDate date,
      String payerName,
      long amountYen,
      String memo,
      MatchOutcome outcome,
      UUID invoiceId,
      String invoiceNumber,
      long outstandingBeforeYen,
      String reason,
      UUID paymentId,
      boolean confirmed,
      String confirmedBy,
      Instant confirmedAt) {
    static StatementEntryView of(StatementEntry e) {
      return new StatementEntryView(
          e.id(),
          e.line().lineNumber(),
          e.line().date(),
          e.line().payerName(),
          e.line().amountYen(),
          e.line().memo(),
          e.outcome(),
          e.invoiceId(),
          e.invoiceNumber(),
          e.outstandingBeforeYen(),
          e.reason(),
          e.paymentId(),
          e.confirmed(),
          e.confirmedBy(),
          e.confirmedAt());
    }
  }

  /** What an import did with each credit, and how many of each outcome. */
  public record StatementReportView(
      UUID statementId,
      String charset,
      Instant importedAt,
      Map<MatchOutcome, Long> counts,
      List<StatementEntryView> entries) {
    static StatementReportView of(BankStatement statement) {
      Map<MatchOutcome, Long> counts = new EnumMap<>(MatchOutcome.class);
      for (MatchOutcome outcome : MatchOutcome.values()) {
        counts.put(outcome, statement.count(outcome));
      }
      return new StatementReportView(
          statement.id(),
          statement.charset(),
          statement.importedAt(),
          counts,
          statement.entries().stream().map(StatementEntryView::of).toList());
    }
  }

  /**
   * Whether the portal can offer a card form: the publishable key Stripe.js is loaded with, or
   * {@code available} false when the platform operator has not set Stripe up.
   */
  public record CardSetupView(boolean available, String publishableKey) {}

  /** The webhook's answer: APPLIED, DUPLICATE (applied before) or IGNORED. */
  public record WebhookReceipt(String outcome) {}
}
