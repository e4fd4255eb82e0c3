package io.proxima.invoicing.application;

import io.proxima.invoicing.domain.IssuedInvoice;

/** Renders an issued invoice or credit note as the document the recipient keeps. */
public interface InvoiceDocuments {

  byte[] render(IssuedInvoice invoice);

  /** The same document as a PNG of its pages, for a preview where no PDF viewer may run. */
  byte[] preview(IssuedInvoice invoice);
}
