package io.proxima.payments.infrastructure;

import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.payments.domain.BankStatement;
import io.proxima.payments.domain.BankStatementLine;
import io.proxima.payments.domain.MatchOutcome;
import io.proxima.payments.domain.OpenInvoice;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentMethod;
import io.proxima.payments.domain.PaymentRepository;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.payments.domain.StatementEntry;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Payments and statements in PostgreSQL, written as values through native SQL like invoices. */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

  private static final String PAYMENT_COLUMNS =
      "id, invoice_id, method, reference, amount_yen, status, payer_name, received_on,"
          + " created_at, updated_at";

  private static final String ENTRY_COLUMNS =
      "id, statement_id, line_number, booked_on, payer_name, amount_yen, memo, reference, outcome,"
          + " invoice_id, invoice_number, outstanding_before, reason, payment_id, confirmed_by,"
          + " confirmed_at";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public boolean cancelled(String invoiceNumber) {
    return !NativeSql.query(
            entityManager,
            "SELECT 1 FROM invoice WHERE tenant_id = ?1 AND corrects = ?2",
            tenant(),
            InvoiceNumber.parse(invoiceNumber))
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<Payment> paymentsOf(UUID invoiceId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + PAYMENT_COLUMNS
                    + " FROM payment WHERE tenant_id = ?1 AND invoice_id = ?2"
                    + " ORDER BY created_at, id",
                tenant(),
                invoiceId))
        .stream()
        .map(JpaPaymentRepository::payment)
        .toList();
  }

  @Override
  public Optional<Payment> findByReference(PaymentMethod method, String reference) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + PAYMENT_COLUMNS
                    + " FROM payment WHERE tenant_id = ?1 AND method = ?2 AND reference = ?3"
                    + " FOR UPDATE",
                tenant(),
                method.name(),
                reference))
        .stream()
        .findFirst()
        .map(JpaPaymentRepository::payment);
  }

  @Override
  public boolean add(Payment payment) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO payment (id, tenant_id, invoice_id, method, reference, amount_yen,"
                    + " status, payer_name, received_on, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS varchar), CAST(?9 AS date), ?10,"
                    + " ?11)"
                    + " ON CONFLICT (tenant_id, method, reference) DO NOTHING",
                payment.id(),
                tenant(),
                payment.invoiceId(),
                payment.method().name(),
                payment.reference(),
                payment.amountYen(),
                payment.status().name(),
                payment.payerName(),
                payment.receivedOn() == null ? null : Date.valueOf(payment.receivedOn()),
                Timestamp.from(payment.createdAt()),
                Timestamp.from(payment.updatedAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public void update(Payment payment) {
    NativeSql.query(
            entityManager,
            "UPDATE payment SET amount_yen = ?1, status = ?2, updated_at = ?3"
                + " WHERE tenant_id = ?4 AND id = ?5",
            payment.amountYen(),
            payment.status().name(),
            Timestamp.from(payment.updatedAt()),
            tenant(),
            payment.id())
        .executeUpdate();
  }

  @Override
  public boolean markProcessed(String provider, String eventId, String type) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO payment_event (provider, event_id, tenant_id, type, processed_at)"
                    + " VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT (provider, event_id) DO NOTHING",
                provider,
                eventId,
                tenant(),
                type)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<OpenInvoice> openInvoices() {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT i.id, i.number, i.total, i.total - coalesce(sum(p.amount_yen)"
                    + " FILTER (WHERE p.status = 'SUCCEEDED'), 0) AS outstanding"
                    + " FROM invoice i LEFT JOIN payment p"
                    + " ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id"
                    + " WHERE i.tenant_id = ?1 AND i.kind = 'INVOICE' AND NOT EXISTS"
                    + " (SELECT 1 FROM invoice c WHERE c.tenant_id = i.tenant_id"
                    + " AND c.corrects = i.number)"
                    + " GROUP BY i.id, i.number, i.total"
                    + " HAVING i.total - coalesce(sum(p.amount_yen)"
                    + " FILTER (WHERE p.status = 'SUCCEEDED'), 0) > 0",
                tenant()))
        .stream()
        .map(
            r ->
                new OpenInvoice(
                    (UUID) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()))
        .toList();
  }

  @Override
  public Set<String> knownStatementReferences(Collection<String> references) {
    if (references.isEmpty()) {
      return Set.of();
    }
    Set<String> known = new HashSet<>();
    // Bounded batches: a statement has up to 10,000 credits, PostgreSQL binds 32,767 values.
    List<String> all = List.copyOf(references);
    for (int from = 0; from < all.size(); from += 1000) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + 1000));
      for (Object reference :
          NativeSql.query(
                  entityManager,
                  "SELECT reference FROM payment WHERE tenant_id = ?1"
                      + " AND method = 'BANK_TRANSFER' AND reference = ANY (string_to_array(?2, ','))",
                  tenant(),
                  String.join(",", batch))
              .getResultList()) {
        known.add((String) reference);
      }
    }
    return known;
  }

  @Override
  public void addStatement(BankStatement statement) {
    NativeSql.query(
            entityManager,
            "INSERT INTO bank_statement (id, tenant_id, charset, imported_by, imported_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)",
            statement.id(),
            tenant(),
            statement.charset(),
            statement.importedBy(),
            Timestamp.from(statement.importedAt()))
        .executeUpdate();
    for (StatementEntry entry : statement.entries()) {
      BankStatementLine line = entry.line();
      NativeSql.query(
              entityManager,
              "INSERT INTO bank_statement_entry (id, tenant_id, statement_id, line_number,"
                  + " booked_on, payer_name, amount_yen, memo, reference, outcome, invoice_id,"
                  + " invoice_number, outstanding_before, reason, payment_id)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS uuid),"
                  + " CAST(?12 AS varchar), ?13, ?14, CAST(?15 AS uuid))",
              entry.id(),
              tenant(),
              statement.id(),
              line.lineNumber(),
              Date.valueOf(line.date()),
              line.payerName(),
              line.amountYen(),
              line.memo(),
              line.reference(),
              entry.outcome().name(),
              entry.invoiceId() == null ? null : entry.invoiceId().toString(),
              entry.invoiceNumber(),
              entry.outstandingBeforeYen(),
              entry.reason(),
              entry.paymentId() == null ? null : entry.paymentId().toString())
          .executeUpdate();
    }
  }

  @Override
  public Optional<StatementEntry> findEntry(UUID entryId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + ENTRY_COLUMNS
                    + " FROM bank_statement_entry WHERE tenant_id = ?1 AND id = ?2 FOR UPDATE",
                tenant(),
                entryId))
        .stream()
        .findFirst()
        .map(JpaPaymentRepository::entry);
  }

  @Override
  public void updateEntry(StatementEntry entry) {
    NativeSql.query(
            entityManager,
            "UPDATE bank_statement_entry SET payment_id = CAST(?1 AS uuid),"
                + " confirmed_by = CAST(?2 AS varchar), confirmed_at = CAST(?3 AS timestamptz)"
                + " WHERE tenant_id = ?4 AND id = ?5",
            entry.paymentId() == null ? null : entry.paymentId().toString(),
            entry.confirmedBy(),
            entry.confirmedAt() == null ? null : Timestamp.from(entry.confirmedAt()),
            tenant(),
            entry.id())
        .executeUpdate();
  }

  private static UUID tenant() {
    return TenancyContext.current().requireTenant();
  }

  private static Payment payment(Object[] r) {
    return new Payment(
        (UUID) r[0],
        (UUID) r[1],
        PaymentMethod.valueOf((String) r[2]),
        (String) r[3],
        ((Number) r[4]).longValue(),
        PaymentStatus.valueOf((String) r[5]),
        (String) r[6],
        r[7] == null ? null : ((Date) r[7]).toLocalDate(),
        NativeSql.instant(r[8]),
        NativeSql.instant(r[9]));
  }

  private static StatementEntry entry(Object[] r) {
    return new StatementEntry(
        (UUID) r[0],
        (UUID) r[1],
        new BankStatementLine(
            ((Number) r[2]).intValue(),
            ((Date) r[3]).toLocalDate(),
            (String) r[4],
            ((Number) r[5]).longValue(),
            (String) r[6],
            (String) r[7]),
        MatchOutcome.valueOf((String) r[8]),
        (UUID) r[9],
        (String) r[10],
        ((Number) r[11]).longValue(),
        (String) r[12],
        (UUID) r[13],
        (String) r[14],
        r[15] == null ? null : NativeSql.instant(r[15]));
  }
}
