package io.proxima.payments.domain;

/** What has arrived for an invoice, against its total. */
public enum InvoiceStanding {
  UNPAID,
  PARTIALLY_PAID,
  PAID,
  /** More arrived than the invoice asks: the difference is owed back or set against the next. */
  OVERPAID
}
