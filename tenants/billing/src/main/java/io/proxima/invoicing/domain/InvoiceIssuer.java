package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;

/**
 * The tenant as the issuer of its invoices: the name printed and its registration number, and
 * optionally the address and the bank account transfers go to (振込先), which invoices in Japan print
 * though the qualified invoice rules do not require them.
 */
public record InvoiceIssuer(
    String name, RegistrationNumber registration, String address, String bankAccount) {

  public static final int TEXT_LIMIT = 300;

  public InvoiceIssuer {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new DomainException.InvalidValue(
          "name", "the issuer's name is required, at most 200 characters");
    }
    name = name.strip();
    if (registration == null) {
      throw new DomainException.InvalidValue(
          "registrationNumber", "registrationNumber is required");
    }
    address = optional("address", address);
    bankAccount = optional("bankAccount", bankAccount);
  }

  public InvoiceIssuer(String name, RegistrationNumber registration) {
    this(name, registration, null, null);
  }

  private static String optional(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.codePointCount(0, text.length()) > TEXT_LIMIT) {
      throw new DomainException.InvalidValue(
          field, field + " is at most " + TEXT_LIMIT + " characters");
    }
    return text;
  }
}
