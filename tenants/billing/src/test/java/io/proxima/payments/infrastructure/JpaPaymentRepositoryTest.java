package io.proxima.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.RegistrationNumber;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.invoicing.infrastructure.JpaInvoiceRepository;
import io.proxima.payments.domain.BankStatement;
import io.proxima.payments.domain.BankStatementLine;
import io.proxima.payments.domain.MatchOutcome;
import io.proxima.payments.domain.OpenInvoice;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentMethod;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.payments.domain.StatementEntry;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Payments, provider events and bank statements in a real PostgreSQL. */
class JpaPaymentRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaPaymentRepository payments = new JpaPaymentRepository(kit.entityManager());
  private final JpaInvoiceRepository invoices = new JpaInvoiceRepository(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());

  @Test
  void aCardPaymentIsRecordedOnceAndSucceedsLater() {
    Tenant agency = register();
    IssuedInvoice invoice = invoice(agency);

    in(
        agency,
        () -> {
          assertThat(payments.add(Payment.cardStarted(invoice.id(), "pi_1", 11_000, NOW))).isTrue();
          // The same provider reference does not pay twice, and the transaction goes on.
          assertThat(payments.add(Payment.cardStarted(invoice.id(), "pi_1", 11_000, NOW)))
              .isFalse();
          assertThat(payments.findByReference(PaymentMethod.CARD, "pi_1")).isPresent();
          assertThat(payments.findByReference(PaymentMethod.BANK_TRANSFER, "pi_1")).isEmpty();
        });
    in(
        agency,
        () -> {
          Payment pending = payments.findByReference(PaymentMethod.CARD, "pi_1").orElseThrow();
          assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
          payments.update(pending.succeeded(10_500, NOW.plusSeconds(60)));
        });
    in(
        agency,
        () ->
            assertThat(payments.paymentsOf(invoice.id()))
                .singleElement()
                .satisfies(
                    p -> {
                      assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
                      assertThat(p.amountYen()).isEqualTo(10_500);
                      assertThat(p.updatedAt()).isEqualTo(NOW.plusSeconds(60));
                      assertThat(p.version()).isEqualTo(2);
                    }));
  }

  @Test
  void aPaymentRecordedAndChangedInOneTransactionIsStored() {
    Tenant agency = register();
    IssuedInvoice invoice = invoice(agency);
    in(
        agency,
        () -> {
          Payment payment = Payment.cardStarted(invoice.id(), "pi_late", 5_000, NOW);
          assertThat(payments.add(payment)).isTrue();
          payments.update(payment.failed(NOW));
        });
    in(
        agency,
        () ->
            assertThat(payments.findByReference(PaymentMethod.CARD, "pi_late"))
                .get()
                .extracting(Payment::status)
                .isEqualTo(PaymentStatus.FAILED));
  }

  @Test
  void aPaymentChangedMeanwhileIsAConflict() {
    Tenant agency = register();
    IssuedInvoice invoice = invoice(agency);
    in(agency, () -> payments.add(Payment.cardStarted(invoice.id(), "pi_race", 11_000, NOW)));

    in(
        agency,
        () -> {
          Payment mine = payments.paymentsOf(invoice.id()).get(0);
          CompletableFuture.runAsync(
                  () ->
                      in(
                          agency,
                          () -> {
                            Payment theirs =
                                payments
                                    .findByReference(PaymentMethod.CARD, "pi_race")
                                    .orElseThrow();
                            payments.update(theirs.succeeded(11_000, NOW));
                          }))
              .join();
          assertThatThrownBy(() -> payments.update(mine.failed(NOW)))
              .isInstanceOf(DomainException.Conflict.class);
        });
  }

  @Test
  void aProviderEventIsProcessedOnce() {
    Tenant agency = register();
    String event = "evt_" + UUID.randomUUID();
    in(
        agency,
        () ->
            assertThat(payments.markProcessed("stripe", event, "payment_intent.succeeded"))
                .isTrue());
    in(
        agency,
        () ->
            assertThat(payments.markProcessed("stripe", event, "payment_intent.succeeded"))
                .isFalse());
  }

  @Test
  void openInvoicesOweWhatTransfersLeftAndACreditNoteCancels() {
    Tenant agency = register();
    IssuedInvoice first = invoice(agency);
    IssuedInvoice second = invoice(agency);
    in(
        agency,
        () -> {
          payments.add(Payment.transferReceived(first.id(), "ref-1", 5_000, "ｻﾄｳ ﾊﾅｺ", TODAY, NOW));
          payments.add(Payment.cardStarted(first.id(), "pi_pending", 6_000, NOW));
        });

    in(
        agency,
        () -> {
          assertThat(payments.openInvoices())
              .containsExactlyInAnyOrder(
                  new OpenInvoice(
                      first.id(), InvoiceNumber.parse(first.invoice().number()), 11_000, 6_000),
                  new OpenInvoice(
                      second.id(), InvoiceNumber.parse(second.invoice().number()), 11_000, 11_000));
          assertThat(
                  payments.knownStatementReferences(List.of("ref-1", "ref-unknown", "pi_pending")))
              .containsExactly("ref-1");
          assertThat(payments.knownStatementReferences(List.of())).isEmpty();
          assertThat(payments.cancelled(second.invoice().number())).isFalse();
        });
    in(
        agency,
        () -> {
          String credit = InvoiceNumber.format(invoices.nextNumber());
          invoices.add(
              new IssuedInvoice(
                  UUID.randomUUID(), second.invoice().creditNote(credit, TODAY), "staff", NOW));
        });
    in(
        agency,
        () -> {
          assertThat(payments.cancelled(second.invoice().number())).isTrue();
          assertThat(payments.openInvoices())
              .extracting(OpenInvoice::invoiceId)
              .containsExactly(first.id());
        });
  }

  @Test
  void aStatementKeepsItsLinesAndASuggestionIsConfirmedOnce() {
    Tenant agency = register();
    IssuedInvoice invoice = invoice(agency);
    UUID statementId = UUID.randomUUID();
    BankStatementLine suggested = new BankStatementLine(2, TODAY, "サトウ ハナコ", 11_000, "振込", "fp-2");
    BankStatementLine unmatched =
        new BankStatementLine(3, TODAY.plusDays(1), "タナカ", 3_000, "", "fp-3");
    StatementEntry suggestion =
        new StatementEntry(
            UUID.randomUUID(),
            statementId,
            suggested,
            MatchOutcome.SUGGESTED,
            invoice.id(),
            invoice.invoice().number(),
            11_000,
            "the payer's name matches",
            null,
            null,
            null);
    StatementEntry nothing =
        new StatementEntry(
            UUID.randomUUID(),
            statementId,
            unmatched,
            MatchOutcome.UNMATCHED,
            null,
            null,
            0,
            "no invoice matches",
            null,
            null,
            null);
    in(
        agency,
        () ->
            payments.addStatement(
                new BankStatement(
                    statementId, "Shift_JIS", "staff", NOW, List.of(nothing, suggestion))));

    in(
        agency,
        () -> {
          StatementEntry found = payments.findEntry(suggestion.id()).orElseThrow();
          assertThat(found.line()).isEqualTo(suggested);
          assertThat(found.statementId()).isEqualTo(statementId);
          assertThat(found.outcome()).isEqualTo(MatchOutcome.SUGGESTED);
          assertThat(found.invoiceNumber()).isEqualTo(invoice.invoice().number());
          assertThat(found.confirmed()).isFalse();
          assertThat(payments.findEntry(nothing.id()).orElseThrow().line()).isEqualTo(unmatched);
          Payment payment =
              Payment.transferReceived(
                  invoice.id(), suggested.reference(), 11_000, suggested.payerName(), TODAY, NOW);
          assertThat(payments.add(payment)).isTrue();
          payments.updateEntry(found.confirm(payment.id(), "staff", NOW));
        });
    in(
        agency,
        () -> {
          StatementEntry confirmed = payments.findEntry(suggestion.id()).orElseThrow();
          assertThat(confirmed.confirmed()).isTrue();
          assertThat(confirmed.confirmedBy()).isEqualTo("staff");
          assertThat(confirmed.paymentId()).isNotNull();
          assertThat(confirmed.version()).isEqualTo(2);
          assertThatThrownBy(confirmed::requireConfirmable)
              .isInstanceOf(DomainException.Conflict.class);
        });
  }

  @Test
  void anotherTenantSeesNothingOfTheFirstOnesMoney() {
    Tenant agency = register();
    Tenant other = register();
    IssuedInvoice invoice = invoice(agency);
    UUID entryId = UUID.randomUUID();
    UUID statementId = UUID.randomUUID();
    in(
        agency,
        () -> {
          payments.add(Payment.transferReceived(invoice.id(), "ref-a", 1_000, "A", TODAY, NOW));
          payments.addStatement(
              new BankStatement(
                  statementId,
                  "UTF-8",
                  "staff",
                  NOW,
                  List.of(
                      new StatementEntry(
                          entryId,
                          statementId,
                          new BankStatementLine(2, TODAY, "A", 1_000, "", "ref-a"),
                          MatchOutcome.MATCHED,
                          invoice.id(),
                          invoice.invoice().number(),
                          11_000,
                          "matched",
                          null,
                          null,
                          null))));
        });

    in(
        other,
        () -> {
          assertThat(payments.paymentsOf(invoice.id())).isEmpty();
          assertThat(payments.findByReference(PaymentMethod.BANK_TRANSFER, "ref-a")).isEmpty();
          assertThat(payments.knownStatementReferences(List.of("ref-a"))).isEmpty();
          assertThat(payments.openInvoices()).isEmpty();
          assertThat(payments.findEntry(entryId)).isEmpty();
          assertThat(payments.cancelled(invoice.invoice().number())).isFalse();
        });
  }

  // ---- fixtures --------------------------------------------------------------------------------

  /** An issued invoice of 10,000 yen and 1,000 yen tax. */
  private IssuedInvoice invoice(Tenant tenant) {
    return in(
        tenant,
        () -> {
          Invoice invoice =
              new Invoice(
                      null,
                      Invoice.Kind.INVOICE,
                      "Issuer",
                      new RegistrationNumber("T1180301018771"),
                      "株式会社サンプル",
                      TODAY,
                      null,
                      null,
                      List.of(new InvoiceLine("開発", BigDecimal.ONE, "式", 10_000, TaxRate.STANDARD)),
                      null,
                      null)
                  .numbered(InvoiceNumber.format(invoices.nextNumber()));
          IssuedInvoice issued = new IssuedInvoice(UUID.randomUUID(), invoice, "staff", NOW);
          invoices.add(issued);
          return issued;
        });
  }

  private <T> T in(Tenant tenant, Supplier<T> work) {
    return kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private void in(Tenant tenant, Runnable work) {
    kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private Tenant register() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }
}
