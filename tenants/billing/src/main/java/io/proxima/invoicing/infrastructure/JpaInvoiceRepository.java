package io.proxima.invoicing.infrastructure;

import io.proxima.invoicing.domain.InvoiceIssuer;
import io.proxima.invoicing.domain.InvoiceNumber;
import io.proxima.invoicing.domain.InvoiceRepository;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices through their mapping: append-only rows. Numbers stay SQL, because the atomic
 * increment-or-create of the tenant's sequence row is the point: concurrent issues queue on it and
 * a rollback gives the number back.
 */
@ApplicationScoped
public class JpaInvoiceRepository implements InvoiceRepository {

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
    return Optional.ofNullable(entityManager.find(IssuerSettings.class, tenant()))
        .map(IssuerSettings::issuer);
  }

  @Override
  public void saveIssuer(InvoiceIssuer issuer) {
    IssuerSettings settings = entityManager.find(IssuerSettings.class, tenant());
    if (settings == null) {
      entityManager.persist(new IssuerSettings(tenant(), issuer, Instant.now()));
    } else {
      settings.change(issuer, Instant.now());
    }
    try {
      entityManager.flush();
    } catch (OptimisticLockException e) {
      throw new DomainException.Conflict("the issuer was changed meanwhile; try again");
    } catch (PersistenceException e) {
      if (violation(e)) {
        throw new DomainException.Conflict("the issuer was set meanwhile; try again");
      }
      throw e;
    }
  }

  @Override
  public long nextNumber() {
    return NativeSql.list(
            entityManager,
            "INSERT INTO invoice_sequence AS s (tenant_id, last_number) VALUES (?1, 1)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET last_number = s.last_number + 1"
                + " RETURNING s.last_number AS last_number",
            row -> row.count("last_number"),
            tenant())
        .get(0);
  }

  @Override
  public boolean add(IssuedInvoice issued) {
    String corrects = issued.invoice().corrects();
    if (corrects != null && creditNoteOf(corrects)) {
      return false;
    }
    entityManager.persist(issued);
    try {
      entityManager.flush();
      return true;
    } catch (PersistenceException e) {
      // A credit note for the same invoice was issued meanwhile: one per invoice.
      if (corrects != null && violation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<IssuedInvoice> find(UUID id) {
    return Optional.ofNullable(entityManager.find(IssuedInvoice.class, id));
  }

  @Override
  public Optional<IssuedInvoice> findByNumber(long number) {
    return entityManager
        .createQuery(
            "select i from IssuedInvoice i where i.invoice.number = :number", IssuedInvoice.class)
        .setParameter("number", InvoiceNumber.format(number))
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<IssuedInvoice> list(int limit) {
    return entityManager
        .createQuery(
            "select i from IssuedInvoice i order by i.invoice.number desc", IssuedInvoice.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<IssuedInvoice> issuedBetween(LocalDate from, LocalDate until, int limit) {
    return entityManager
        .createQuery(
            "select i from IssuedInvoice i where i.invoice.issueDate >= :from"
                + " and i.invoice.issueDate < :until order by i.invoice.number",
            IssuedInvoice.class)
        .setParameter("from", from)
        .setParameter("until", until)
        .setMaxResults(limit)
        .getResultList();
  }

  private boolean creditNoteOf(String number) {
    return !entityManager
        .createQuery(
            "select i.id from IssuedInvoice i where i.invoice.corrects = :number", UUID.class)
        .setParameter("number", number)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static boolean violation(PersistenceException e) {
    return RacedWrites.keyTaken(e);
  }

  private static UUID tenant() {
    return TenancyContext.current().requireTenant();
  }
}
