package io.proxima.invoicing.domain;

import java.time.Instant;
import java.util.UUID;

/** An invoice as stored: its id, who issued it and when. */
public record IssuedInvoice(UUID id, Invoice invoice, String issuedBy, Instant issuedAt) {}
