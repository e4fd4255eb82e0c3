package io.proxima.payments.infrastructure;

import io.proxima.payments.domain.BankStatement;
import io.proxima.payments.domain.OpenInvoice;
import io.proxima.payments.domain.Payment;
import io.proxima.payments.domain.PaymentMethod;
import io.proxima.payments.domain.PaymentRepository;
import io.proxima.payments.domain.StatementEntry;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Payments and statements through their mappings. Two writes stay SQL because SQL is their point:
 * recording a payment or a provider event is an insert that does nothing when the same reference or
 * event arrived first ({@code ON CONFLICT DO NOTHING}), also when two deliveries race, without
 * failing the caller's transaction; and the open invoices are an aggregate report.
 */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaPaymentRepository() {
    this(null);
  }

  @Inject
  public JpaPaymentRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public boolean cancelled(String invoiceNumber) {
    return !entityManager
        .createQuery(
            "select i.id from IssuedInvoice i where i.invoice.corrects = :number", UUID.class)
        .setParameter("number", invoiceNumber)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<Payment> paymentsOf(UUID invoiceId) {
    return entityManager
        .createQuery(
            "select p from Payment p where p.invoiceId = :invoice order by p.createdAt, p.id",
            Payment.class)
        .setParameter("invoice", invoiceId)
        .getResultList();
  }

  @Override
  public List<Payment> paymentsOf(Collection<UUID> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select p from Payment p where p.invoiceId in :invoices order by p.createdAt, p.id",
            Payment.class)
        .setParameter("invoices", invoiceIds)
        .getResultList();
  }

  @Override
  public Optional<Payment> findByReference(PaymentMethod method, String reference) {
    return entityManager
        .createQuery(
            "select p from Payment p where p.method = :method and p.reference = :reference",
            Payment.class)
        .setParameter("method", method)
        .setParameter("reference", reference)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean add(Payment payment) {
    boolean added =
        NativeSql.query(
                    entityManager,
                    "INSERT INTO payment (id, tenant_id, invoice_id, method, reference, amount_yen,"
                        + " status, payer_name, received_on, created_at, updated_at, version)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS varchar),"
                        + " CAST(?9 AS date), ?10, ?11, ?12)"
                        + " ON CONFLICT (tenant_id, method, reference) DO NOTHING",
                    payment.id(),
                    tenant(),
                    payment.invoiceId(),
                    payment.method().name(),
                    payment.reference(),
                    payment.amountYen(),
                    payment.status().name(),
                    payment.payerName(),
                    payment.receivedOn(),
                    payment.createdAt(),
                    payment.updatedAt(),
                    payment.version())
                .executeUpdate()
            == 1;
    return added;
  }

  @Override
  public void update(Payment payment) {
    // A payment found here is managed already; one just recorded by add() is taken in.
    entityManager.merge(payment);
    flush("the payment was changed meanwhile; try again");
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
    return NativeSql.list(
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
        row ->
            new OpenInvoice(
                row.uuid("id"), row.count("number"), row.count("total"), row.count("outstanding")),
        tenant());
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
      known.addAll(
          entityManager
              .createQuery(
                  "select p.reference from Payment p"
                      + " where p.method = :method and p.reference in :references",
                  String.class)
              .setParameter("method", PaymentMethod.BANK_TRANSFER)
              .setParameter("references", all.subList(from, Math.min(all.size(), from + 1000)))
              .getResultList());
    }
    return known;
  }

  @Override
  public void addStatement(BankStatement statement) {
    entityManager.persist(statement);
    entityManager.flush();
  }

  @Override
  public Optional<StatementEntry> findEntry(UUID entryId) {
    return Optional.ofNullable(
        entityManager.find(StatementEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void updateEntry(StatementEntry entry) {
    entityManager.merge(entry);
    flush("the statement line was changed meanwhile; try again");
  }

  private void flush(String conflict) {
    try {
      entityManager.flush();
    } catch (OptimisticLockException e) {
      throw new DomainException.Conflict(conflict);
    }
  }

  private static UUID tenant() {
    return TenancyContext.current().requireTenant();
  }
}
