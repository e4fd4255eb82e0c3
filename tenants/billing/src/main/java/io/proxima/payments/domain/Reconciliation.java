package io.proxima.payments.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches statement credits to open invoices. A credit that names an invoice number pays that
 * invoice; one that names none is only suggested, and only when a single open invoice owes exactly
 * its amount, because paying the wrong invoice is worse than asking.
 */
public final class Reconciliation {

  /**
   * @param invoice the invoice paid or suggested; null for unmatched and already imported credits
   * @param outstandingBeforeYen what the invoice owed before this credit
   */
  public record Reconciled(
      BankStatementLine line,
      MatchOutcome outcome,
      OpenInvoice invoice,
      long outstandingBeforeYen,
      String reason) {}

  private Reconciliation() {}

  /**
   * @param knownReferences fingerprints of credits that already paid an invoice
   * @return one result per line, in the statement's order
   */
  public static List<Reconciled> reconcile(
      List<BankStatementLine> lines, Collection<OpenInvoice> open, Set<String> knownReferences) {
    Map<Long, OpenInvoice> byNumber = new HashMap<>();
    Map<Long, Long> outstanding = new HashMap<>();
    for (OpenInvoice invoice : open) {
      byNumber.put(invoice.number(), invoice);
      outstanding.put(invoice.number(), invoice.outstandingYen());
    }
    Map<BankStatementLine, Reconciled> results = new HashMap<>();
    List<BankStatementLine> unnamed = new ArrayList<>();
    // Credits naming an invoice go first: they claim their invoices before amounts are guessed.
    for (BankStatementLine line : lines) {
      if (knownReferences.contains(line.reference())) {
        results.put(
            line,
            new Reconciled(
                line,
                MatchOutcome.ALREADY_IMPORTED,
                null,
                0,
                "recorded as a payment by an earlier import"));
        continue;
      }
      Set<Long> numbers = InvoiceReference.numbersIn(line.memo() + " " + line.payerName());
      if (numbers.isEmpty()) {
        unnamed.add(line);
      } else if (numbers.size() > 1) {
        results.put(
            line, unmatched(line, "the credit names several invoices: " + printed(numbers)));
      } else {
        long number = numbers.iterator().next();
        OpenInvoice invoice = byNumber.get(number);
        if (invoice == null || outstanding.get(number) <= 0) {
          results.put(
              line,
              unmatched(
                  line,
                  io.proxima.invoicing.domain.InvoiceNumber.format(number)
                      + " is not an open invoice"));
          continue;
        }
        long before = outstanding.get(number);
        MatchOutcome outcome =
            line.amountYen() == before
                ? MatchOutcome.MATCHED
                : line.amountYen() < before ? MatchOutcome.PARTIAL : MatchOutcome.OVERPAID;
        outstanding.put(number, before - line.amountYen());
        results.put(
            line, new Reconciled(line, outcome, invoice, before, reasonFor(outcome, before, line)));
      }
    }
    Set<Long> suggested = new HashSet<>();
    for (BankStatementLine line : unnamed) {
      List<OpenInvoice> candidates =
          byNumber.values().stream()
              .filter(i -> outstanding.get(i.number()) == line.amountYen())
              .filter(i -> !suggested.contains(i.number()))
              .sorted(Comparator.comparingLong(OpenInvoice::number))
              .toList();
      if (candidates.size() == 1) {
        OpenInvoice invoice = candidates.get(0);
        suggested.add(invoice.number());
        results.put(
            line,
            new Reconciled(
                line,
                MatchOutcome.SUGGESTED,
                invoice,
                outstanding.get(invoice.number()),
                "no invoice number; the only open invoice owing " + line.amountYen() + " yen"));
      } else if (candidates.isEmpty()) {
        results.put(
            line, unmatched(line, "no invoice number, and no open invoice owes this amount"));
      } else {
        results.put(
            line,
            unmatched(
                line,
                "no invoice number, and "
                    + candidates.size()
                    + " open invoices owe this amount: "
                    + printed(candidates.stream().map(OpenInvoice::number).toList())));
      }
    }
    return lines.stream().map(results::get).toList();
  }

  private static Reconciled unmatched(BankStatementLine line, String reason) {
    return new Reconciled(line, MatchOutcome.UNMATCHED, null, 0, reason);
  }

  private static String reasonFor(MatchOutcome outcome, long before, BankStatementLine line) {
    return switch (outcome) {
      case MATCHED -> "pays the " + before + " yen owed";
      case PARTIAL -> (before - line.amountYen()) + " yen of " + before + " still owed";
      case OVERPAID -> (line.amountYen() - before) + " yen more than the " + before + " owed";
      default -> "";
    };
  }

  private static String printed(Collection<Long> numbers) {
    return String.join(
        ", ", numbers.stream().map(io.proxima.invoicing.domain.InvoiceNumber::format).toList());
  }
}
