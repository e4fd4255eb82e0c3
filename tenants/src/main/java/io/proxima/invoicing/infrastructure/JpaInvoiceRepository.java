package io.proxima.invoicing.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.InvoiceLine;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.invoicing.domain.RegistrationNumber;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.invoicing.domain.TaxSummary;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invoices in PostgreSQL: append-only rows, numbers from the tenant's sequence row. */
@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LINES = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, number, kind, issuer_name, registration_number, recipient_name, issue_date,"
          + " period_from, period_to, CAST(lines AS text), corrects, issued_by, issued_at, due_date";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaInvoiceRepository() {
    this(null);
  }

  @Inject
  public JpaInvoiceRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<InvoiceIssuer> issuer() {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT name, registration_number FROM invoice_issuer WHERE tenant_id = ?1",
                tenant()))
        .stream()
        .findFirst()
        .map(r -> new InvoiceIssuer((String) r[0], new RegistrationNumber((String) r[1])));
  }

  @Override
  public void saveIssuer(InvoiceIssuer issuer) {
    NativeSql.query(
            entityManager,
            "INSERT INTO invoice_issuer (tenant_id, name, registration_number, updated_at)"
                + " VALUES (?1, ?2, ?3, now()) ON CONFLICT (tenant_id) DO UPDATE"
                + " SET name = excluded.name, registration_number = excluded.registration_number,"
                + " updated_at = excluded.updated_at",
            tenant(),
            issuer.name(),
            issuer.registration().value())
        .executeUpdate();
  }

  @Override
  public long nextNumber() {
    return ((Number)
            NativeSql.query(
                    entityManager,
                    "INSERT INTO invoice_sequence AS s (tenant_id, last_number) VALUES (?1, 1)"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET last_number = s.last_number + 1"
                        + " RETURNING s.last_number",
                    tenant())
                .getSingleResult())
        .longValue();
  }

  @Override
  public boolean add(IssuedInvoice issued) {
    Invoice invoice = issued.invoice();
    long taxableStandard = 0;
    long taxStandard = 0;
    long taxableReduced = 0;
    long taxReduced = 0;
    for (TaxSummary summary : invoice.taxSummaries()) {
      if (summary.rate() == TaxRate.STANDARD) {
        taxableStandard = summary.taxableYen();
        taxStandard = summary.taxYen();
      } else {
        taxableReduced = summary.taxableYen();
        taxReduced = summary.taxYen();
      }
    }
    return NativeSql.query(
                entityManager,
                "INSERT INTO invoice (id, tenant_id, number, kind, issuer_name, registration_number,"
                    + " recipient_name, issue_date, period_from, period_to, lines,"
                    + " taxable_standard, tax_standard, taxable_reduced, tax_reduced, total,"
                    + " corrects, issued_by, issued_at, due_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                    + " ?7, ?8, CAST(?9 AS date), CAST(?10 AS date), CAST(?11 AS jsonb), ?12, ?13,"
                    + " ?14, ?15, ?16, CAST(?17 AS bigint), ?18, ?19, CAST(?20 AS date))"
                    + " ON CONFLICT (tenant_id, corrects) DO NOTHING",
                issued.id(),
                tenant(),
                InvoiceNumber.parse(invoice.number()),
                invoice.kind().name(),
                invoice.issuerName(),
                invoice.issuerRegistration().value(),
                invoice.recipientName(),
                Date.valueOf(invoice.issueDate()),
                invoice.periodFrom() == null ? null : Date.valueOf(invoice.periodFrom()),
                invoice.periodTo() == null ? null : Date.valueOf(invoice.periodTo()),
                lines(invoice.lines()),
                taxableStandard,
                taxStandard,
                taxableReduced,
                taxReduced,
                invoice.totalYen(),
                invoice.corrects() == null ? null : InvoiceNumber.parse(invoice.corrects()),
                issued.issuedBy(),
                Timestamp.from(issued.issuedAt()),
                invoice.dueDate() == null ? null : Date.valueOf(invoice.dueDate()))
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<IssuedInvoice> find(UUID id) {
    return one("id = ?1", id);
  }

  @Override
  public Optional<IssuedInvoice> findByNumber(long number) {
    return one("tenant_id = ?2 AND number = ?1", number);
  }

  @Override
  public List<IssuedInvoice> list(int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM invoice WHERE tenant_id = ?1"
                    + " ORDER BY number DESC LIMIT ?2",
                tenant(),
                limit))
        .stream()
        .map(JpaInvoiceRepository::issued)
        .toList();
  }

  private Optional<IssuedInvoice> one(String condition, Object key) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT " + COLUMNS + " FROM invoice WHERE " + condition + " AND tenant_id = ?2",
                key,
                tenant()))
        .stream()
        .findFirst()
        .map(JpaInvoiceRepository::issued);
  }

  private static UUID tenant() {
    return TenancyContext.current().requireTenant();
  }

  private static IssuedInvoice issued(Object[] r) {
    Invoice invoice =
        new Invoice(
            InvoiceNumber.format(((Number) r[1]).longValue()),
            Invoice.Kind.valueOf((String) r[2]),
            (String) r[3],
            new RegistrationNumber((String) r[4]),
            (String) r[5],
            ((Date) r[6]).toLocalDate(),
            r[7] == null ? null : ((Date) r[7]).toLocalDate(),
            r[8] == null ? null : ((Date) r[8]).toLocalDate(),
            readLines((String) r[9]),
            r[10] == null ? null : InvoiceNumber.format(((Number) r[10]).longValue()),
            r[13] == null ? null : ((Date) r[13]).toLocalDate());
    return new IssuedInvoice((UUID) r[0], invoice, (String) r[11], NativeSql.instant(r[12]));
  }

  private static String lines(List<InvoiceLine> lines) {
    try {
      return JSON.writeValueAsString(
          lines.stream()
              .map(
                  l ->
                      Map.of(
                          "description", l.description(),
                          "quantity", l.quantity().toPlainString(),
                          "unit", l.unit() == null ? "" : l.unit(),
                          "unitPriceYen", l.unitPriceYen(),
                          "taxRate", l.taxRate().name()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<InvoiceLine> readLines(String json) {
    try {
      return JSON.readValue(json, LINES).stream()
          .map(
              l ->
                  new InvoiceLine(
                      (String) l.get("description"),
                      new BigDecimal((String) l.get("quantity")),
                      ((String) l.get("unit")).isEmpty() ? null : (String) l.get("unit"),
                      ((Number) l.get("unitPriceYen")).longValue(),
                      TaxRate.valueOf((String) l.get("taxRate"))))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("invoice.lines is not a list of lines", e);
    }
  }
}
