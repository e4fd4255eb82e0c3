package io.proxima.invoicing.domain;

/**
 * What an invoice owes under one tax rate: the sum of its lines at that rate and the consumption
 * tax on that sum, rounded once (toward zero) — the qualified invoice rule; rounding line by line
 * is not allowed.
 */
public record TaxSummary(TaxRate rate, long taxableYen, long taxYen) {

  public long totalYen() {
    return taxableYen + taxYen;
  }
}
