package io.proxima.invoicing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's invoices; row-level security bounds every call to it. */
public interface InvoiceRepository {

  Optional<InvoiceIssuer> issuer();

  void saveIssuer(InvoiceIssuer issuer);

  /**
   * The tenant's next invoice number, taken in the caller's transaction: concurrent callers queue,
   * and a rollback gives the number back, so issued numbers have no gaps.
   */
  long nextNumber();

  /** False when the invoice already has a credit note. */
  boolean add(IssuedInvoice issued);

  Optional<IssuedInvoice> find(UUID id);

  Optional<IssuedInvoice> findByNumber(long number);

  List<IssuedInvoice> list(int limit);

  /**
   * Invoices and credit notes issued from {@code from} up to, not including, {@code until}, in
   * number order; at most {@code limit}.
   */
  List<IssuedInvoice> issuedBetween(LocalDate from, LocalDate until, int limit);
}
