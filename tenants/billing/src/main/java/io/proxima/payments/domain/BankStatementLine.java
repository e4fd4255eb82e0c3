package io.proxima.payments.domain;

import java.time.LocalDate;

/**
 * One credit on a bank statement.
 *
 * @param lineNumber where it starts in the file (1 is the header), for reports
 * @param payerName the payer (振込依頼人) NFKC-normalized: half-width katakana as full-width
 * @param reference a fingerprint of the credit, the same when the same statement is imported again
 */
public record BankStatementLine(
    int lineNumber,
    LocalDate date,
    String payerName,
    long amountYen,
    String memo,
    String reference) {}
