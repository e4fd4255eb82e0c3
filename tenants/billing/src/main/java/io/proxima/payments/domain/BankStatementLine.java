package io.proxima.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * One credit on a bank statement.
 *
 * @param lineNumber where it starts in the file (1 is the header), for reports
 * @param payerName the payer (振込依頼人) NFKC-normalized: half-width katakana as full-width
 * @param reference a fingerprint of the credit, the same when the same statement is imported again
 */
@Embeddable
public record BankStatementLine(
    @Column(name = "line_number", nullable = false) int lineNumber,
    @Column(name = "booked_on", nullable = false) LocalDate date,
    @Column(name = "payer_name", nullable = false) String payerName,
    @Column(name = "amount_yen", nullable = false) long amountYen,
    @Column(name = "memo", nullable = false) String memo,
    @Column(name = "reference", nullable = false) String reference) {}
