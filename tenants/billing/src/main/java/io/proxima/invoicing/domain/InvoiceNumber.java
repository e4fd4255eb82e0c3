package io.proxima.invoicing.domain;

/** How a tenant's sequential invoice numbers are printed: INV-000042. */
public final class InvoiceNumber {

  private InvoiceNumber() {}

  public static String format(long number) {
    return String.format("INV-%06d", number);
  }

  public static long parse(String printed) {
    return Long.parseLong(printed.substring("INV-".length()));
  }
}
