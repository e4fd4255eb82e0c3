package io.proxima.invoicing.domain;

import io.proxima.platform.error.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One transaction on an invoice (取引内容): what, how much at what unit price, and the tax rate it
 * falls under. Amounts are before tax (税抜), in yen.
 */
public record InvoiceLine(
    String description, BigDecimal quantity, String unit, long unitPriceYen, TaxRate taxRate) {

  public static final int DESCRIPTION_LIMIT = 200;

  public InvoiceLine {
    if (description == null || description.isBlank()) {
      throw new ProblemException.InvalidValue("every line needs a description");
    }
    description = description.strip();
    if (description.length() > DESCRIPTION_LIMIT) {
      throw new ProblemException.InvalidValue(
          "a line's description is at most " + DESCRIPTION_LIMIT + " characters");
    }
    if (quantity == null || quantity.signum() == 0 || quantity.scale() > 2) {
      throw new ProblemException.InvalidValue(
          "a line's quantity is non-zero with at most 2 decimals");
    }
    if (taxRate == null) {
      throw new ProblemException.InvalidValue("every line needs its tax rate");
    }
  }

  /** Quantity × unit price, fractions of a yen dropped toward zero. */
  public long amountYen() {
    return quantity
        .multiply(BigDecimal.valueOf(unitPriceYen))
        .setScale(0, RoundingMode.DOWN)
        .longValueExact();
  }

  /** The same line with the opposite sign, for a credit note. */
  public InvoiceLine negated() {
    return new InvoiceLine(description, quantity.negate(), unit, unitPriceYen, taxRate);
  }
}
