package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;

/** The tenant as the issuer of its invoices: the name printed and its registration number. */
public record InvoiceIssuer(String name, RegistrationNumber registration) {

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
  }
}
