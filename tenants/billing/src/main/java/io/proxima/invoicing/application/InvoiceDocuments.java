package io.proxima.invoicing.application;

import io.proxima.invoicing.domain.IssuedInvoice;

/** Renders an issued invoice or credit note as the document the recipient keeps. */
public interface InvoiceDocuments {

  byte[] render(IssuedInvoice invoice);
}
