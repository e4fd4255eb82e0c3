package io.proxima.invoicing.domain;

import java.math.BigDecimal;

/** Japan's consumption tax rates an invoice states its amounts by. */
public enum TaxRate {
  STANDARD(new BigDecimal("0.10"), "10%"),
  /** Food and newspapers; rare in IT work, but an invoice must keep it apart when it occurs. */
  REDUCED(new BigDecimal("0.08"), "8%（軽減税率）");

  private final BigDecimal rate;
  private final String label;

  TaxRate(BigDecimal rate, String label) {
    this.rate = rate;
    this.label = label;
  }

  public BigDecimal rate() {
    return rate;
  }

  public String label() {
    return label;
  }
}
