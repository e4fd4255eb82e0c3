package io.proxima.payments.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The current tenant's payments and bank statements; row-level security bounds every call. */
public interface PaymentRepository {

  /** Whether the invoice has a credit note cancelling it. */
  boolean cancelled(String invoiceNumber);

  List<Payment> paymentsOf(UUID invoiceId);

  /** The payments of several invoices at once, for a list that shows what each still owes. */
  List<Payment> paymentsOf(Collection<UUID> invoiceIds);

  Optional<Payment> findByReference(PaymentMethod method, String reference);

  /** False when a payment with the same method and reference exists already. */
  boolean add(Payment payment);

  void update(Payment payment);

  /**
   * Remembers a provider event as handled, in the caller's transaction.
   *
   * @return false when it was handled before (a redelivery)
   */
  boolean markProcessed(String provider, String eventId, String type);

  /** Issued, uncancelled invoices that still owe money, with what they owe. */
  List<OpenInvoice> openInvoices();

  /** Which of these bank credit fingerprints already paid an invoice. */
  Set<String> knownStatementReferences(Collection<String> references);

  void addStatement(BankStatement statement);

  Optional<StatementEntry> findEntry(UUID entryId);

  void updateEntry(StatementEntry entry);
}
