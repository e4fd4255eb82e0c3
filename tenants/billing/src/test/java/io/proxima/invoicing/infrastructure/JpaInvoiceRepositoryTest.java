package io.proxima.invoicing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.RegistrationNumber;
import io.proxima.invoicing.domain.TaxRate;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Issuer settings, numbering and issued invoices in a real PostgreSQL. */
class JpaInvoiceRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final RegistrationNumber REGISTRATION = new RegistrationNumber("T1180301018771");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaInvoiceRepository invoices = new JpaInvoiceRepository(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());

  @Test
  void theIssuerIsSetThenChanged() {
    Tenant agency = register();
    in(agency, () -> assertThat(invoices.issuer()).isEmpty());
    in(agency, () -> invoices.saveIssuer(new InvoiceIssuer("サンプル株式会社", REGISTRATION)));
    in(
        agency,
        () -> assertThat(invoices.issuer()).contains(new InvoiceIssuer("サンプル株式会社", REGISTRATION)));
    in(agency, () -> invoices.saveIssuer(new InvoiceIssuer("サンプル合同会社", REGISTRATION)));
    in(
        agency,
        () ->
            assertThat(invoices.issuer())
                .get()
                .extracting(InvoiceIssuer::name)
                .isEqualTo("サンプル合同会社"));
    InvoiceIssuer withAccount =
        new InvoiceIssuer("サンプル合同会社", REGISTRATION, " 東京都千代田区丸の内1-1-1 ", "みずほ銀行 東京営業部 普通 1234567");
    in(agency, () -> invoices.saveIssuer(withAccount));
    in(
        agency,
        () -> {
          InvoiceIssuer stored = invoices.issuer().orElseThrow();
          assertThat(stored).isEqualTo(withAccount);
          assertThat(stored.address()).isEqualTo("東京都千代田区丸の内1-1-1");
        });
  }

  @Test
  void numbersHaveNoGapsAndARollbackGivesOneBack() {
    Tenant agency = register();
    assertThat(in(agency, invoices::nextNumber)).isEqualTo(1);
    assertThat(in(agency, invoices::nextNumber)).isEqualTo(2);
    assertThatThrownBy(
            () ->
                in(
                    agency,
                    () -> {
                      invoices.nextNumber();
                      throw new IllegalStateException("issue failed");
                    }))
        .hasMessage("issue failed");
    assertThat(in(agency, invoices::nextNumber)).isEqualTo(3);
    // Each tenant counts on its own.
    assertThat(in(register(), invoices::nextNumber)).isEqualTo(1);
  }

  @Test
  void anIssuedInvoiceKeepsItsLinesAndIsFoundByIdAndNumber() {
    Tenant agency = register();
    List<InvoiceLine> lines =
        List.of(
            new InvoiceLine("API 開発（2026年12月分）", BigDecimal.ONE, "式", 600_000, TaxRate.STANDARD),
            new InvoiceLine("精算（超過 2.5h）", new BigDecimal("2.50"), "時間", 3_333, TaxRate.STANDARD),
            new InvoiceLine("書籍", new BigDecimal("3"), null, 1_000, TaxRate.REDUCED));
    IssuedInvoice issued = issue(agency, lines, LocalDate.of(2027, 1, 31));

    in(
        agency,
        () -> {
          IssuedInvoice found = invoices.find(issued.id()).orElseThrow();
          assertThat(found.invoice()).isEqualTo(issued.invoice());
          assertThat(found.invoice().lines()).isEqualTo(lines);
          assertThat(found.invoice().lines().get(2).unit()).isNull();
          assertThat(found.invoice().issuerRegistration()).isEqualTo(REGISTRATION);
          assertThat(found.invoice().totalYen()).isEqualTo(issued.invoice().totalYen());
          assertThat(found.issuedBy()).isEqualTo("staff");
          assertThat(found.issuedAt()).isEqualTo(NOW);
          assertThat(invoices.findByNumber(InvoiceNumber.parse(issued.invoice().number())))
              .get()
              .extracting(IssuedInvoice::id)
              .isEqualTo(issued.id());
          assertThat(invoices.findByNumber(999)).isEmpty();
        });
  }

  @Test
  void anInvoiceTakesOneCreditNoteAndTheListIsNewestFirst() {
    Tenant agency = register();
    IssuedInvoice first = issue(agency, oneLine(), null);
    IssuedInvoice second = issue(agency, oneLine(), null);

    IssuedInvoice credit =
        in(
            agency,
            () -> {
              IssuedInvoice note =
                  new IssuedInvoice(
                      UUID.randomUUID(),
                      first
                          .invoice()
                          .creditNote(InvoiceNumber.format(invoices.nextNumber()), TODAY),
                      "staff",
                      NOW);
              assertThat(invoices.add(note)).isTrue();
              return note;
            });
    boolean again =
        in(
            agency,
            () ->
                invoices.add(
                    new IssuedInvoice(
                        UUID.randomUUID(),
                        first
                            .invoice()
                            .creditNote(InvoiceNumber.format(invoices.nextNumber()), TODAY),
                        "staff",
                        NOW)));
    assertThat(again).isFalse();

    in(
        agency,
        () -> {
          assertThat(invoices.list(10))
              .extracting(IssuedInvoice::id)
              .containsExactly(credit.id(), second.id(), first.id());
          assertThat(invoices.list(1)).extracting(IssuedInvoice::id).containsExactly(credit.id());
          Invoice stored = invoices.find(credit.id()).orElseThrow().invoice();
          assertThat(stored.kind()).isEqualTo(Invoice.Kind.CREDIT_NOTE);
          assertThat(stored.corrects()).isEqualTo(first.invoice().number());
          assertThat(stored.totalYen()).isEqualTo(-first.invoice().totalYen());
        });
  }

  @Test
  void anotherTenantSeesNothingOfTheFirstOnesInvoices() {
    Tenant agency = register();
    Tenant other = register();
    IssuedInvoice issued = issue(agency, oneLine(), null);
    in(agency, () -> invoices.saveIssuer(new InvoiceIssuer("サンプル株式会社", REGISTRATION)));

    in(
        other,
        () -> {
          assertThat(invoices.find(issued.id())).isEmpty();
          assertThat(invoices.findByNumber(InvoiceNumber.parse(issued.invoice().number())))
              .isEmpty();
          assertThat(invoices.list(200)).isEmpty();
          assertThat(invoices.issuer()).isEmpty();
        });
  }

  @Test
  void anInvoiceKeepsTheAddressAndAccountItWasIssuedWith() {
    Tenant agency = register();
    IssuedInvoice issued =
        in(
            agency,
            () -> {
              IssuedInvoice invoice =
                  new IssuedInvoice(
                      UUID.randomUUID(),
                      new Invoice(
                          InvoiceNumber.format(invoices.nextNumber()),
                          Invoice.Kind.INVOICE,
                          "サンプル株式会社",
                          REGISTRATION,
                          "株式会社クライアント",
                          TODAY,
                          null,
                          null,
                          oneLine(),
                          null,
                          null),
                      "東京都千代田区丸の内1-1-1",
                      "みずほ銀行 東京営業部 普通 1234567",
                      "staff",
                      NOW);
              assertThat(invoices.add(invoice)).isTrue();
              return invoice;
            });
    in(
        agency,
        () -> {
          IssuedInvoice found = invoices.find(issued.id()).orElseThrow();
          assertThat(found.issuerAddress()).isEqualTo("東京都千代田区丸の内1-1-1");
          assertThat(found.issuerBankAccount()).isEqualTo("みずほ銀行 東京営業部 普通 1234567");
        });
  }

  @Test
  void anExportReadsTheMonthsIssuedInNumberOrderAndOnlyTheTenantsOwn() {
    Tenant agency = register();
    IssuedInvoice october = issueOn(agency, LocalDate.of(2026, 10, 31));
    IssuedInvoice november = issueOn(agency, LocalDate.of(2026, 11, 1));
    IssuedInvoice lateNovember = issueOn(agency, LocalDate.of(2026, 11, 30));
    issueOn(agency, LocalDate.of(2026, 12, 1));
    issueOn(register(), LocalDate.of(2026, 11, 15));

    LocalDate from = LocalDate.of(2026, 11, 1);
    LocalDate until = LocalDate.of(2026, 12, 1);
    in(
        agency,
        () -> {
          assertThat(invoices.issuedBetween(from, until, 100))
              .extracting(IssuedInvoice::id)
              .containsExactly(november.id(), lateNovember.id());
          assertThat(invoices.issuedBetween(from, until, 1))
              .extracting(IssuedInvoice::id)
              .containsExactly(november.id());
          assertThat(invoices.issuedBetween(LocalDate.of(2026, 10, 1), until, 100))
              .extracting(IssuedInvoice::id)
              .containsExactly(october.id(), november.id(), lateNovember.id());
        });
  }

  // ---- fixtures --------------------------------------------------------------------------------

  private IssuedInvoice issue(Tenant tenant, List<InvoiceLine> lines, LocalDate due) {
    return in(
        tenant,
        () -> {
          Invoice invoice =
              new Invoice(
                  InvoiceNumber.format(invoices.nextNumber()),
                  Invoice.Kind.INVOICE,
                  "サンプル株式会社",
                  REGISTRATION,
                  "株式会社クライアント",
                  TODAY,
                  TODAY,
                  TODAY.plusDays(30),
                  lines,
                  null,
                  due);
          IssuedInvoice issued = new IssuedInvoice(UUID.randomUUID(), invoice, "staff", NOW);
          assertThat(invoices.add(issued)).isTrue();
          return issued;
        });
  }

  private IssuedInvoice issueOn(Tenant tenant, LocalDate issueDate) {
    return in(
        tenant,
        () -> {
          IssuedInvoice issued =
              new IssuedInvoice(
                  UUID.randomUUID(),
                  new Invoice(
                      InvoiceNumber.format(invoices.nextNumber()),
                      Invoice.Kind.INVOICE,
                      "サンプル株式会社",
                      REGISTRATION,
                      "株式会社クライアント",
                      issueDate,
                      null,
                      null,
                      oneLine(),
                      null,
                      null),
                  "staff",
                  NOW);
          assertThat(invoices.add(issued)).isTrue();
          return issued;
        });
  }

  private static List<InvoiceLine> oneLine() {
    return List.of(new InvoiceLine("開発", BigDecimal.ONE, "式", 10_000, TaxRate.STANDARD));
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
