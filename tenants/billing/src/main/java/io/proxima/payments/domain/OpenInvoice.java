package io.proxima.payments.domain;

import java.util.UUID;

/** An issued, uncancelled invoice with money still owed on it. */
public record OpenInvoice(UUID invoiceId, long number, long totalYen, long outstandingYen) {}
