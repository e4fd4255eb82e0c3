package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One transaction on an invoice (取引内容): what, how much at what unit price, and the tax rate it
 * falls under. Amounts are before tax (税抜), in yen.
 */
public record InvoiceLine(
    String description, BigDecimal quantity, String unit, long unitPriceYen, TaxRate taxRate) {

  public static final int DESCRIPTION_LIMIT = 200;

  /**
   * Bounds that keep every sum exact in a {@code long}: a line is at most 10^6 × 10^10 = 10^16 yen,
   * an invoice of {@link Invoice#MAX_LINES} lines at most 10^18, its tax included.
   */
  public static final int UNIT_LIMIT = 20;

  public static final BigDecimal QUANTITY_LIMIT = BigDecimal.valueOf(1_000_000);

  public static final long UNIT_PRICE_LIMIT_YEN = 10_000_000_000L;

  public InvoiceLine {
    if (description == null || description.isBlank()) {
      throw new DomainException.InvalidValue("description", "every line needs a description");
    }
    description = description.strip();
    if (description.length() > DESCRIPTION_LIMIT) {
      throw new DomainException.InvalidValue(
          "description", "a line's description is at most " + DESCRIPTION_LIMIT + " characters");
    }
    if (quantity == null
        || quantity.signum() == 0
        || quantity.scale() > 2
        || quantity.abs().compareTo(QUANTITY_LIMIT) > 0) {
      throw new DomainException.InvalidValue(
          "quantity",
          "a line's quantity is non-zero, at most "
              + QUANTITY_LIMIT.toPlainString()
              + " either way, with at most 2 decimals");
    }
    if (Math.abs(unitPriceYen) > UNIT_PRICE_LIMIT_YEN) {
      throw new DomainException.InvalidValue(
          "unitPriceYen",
          "a line's unit price is at most " + UNIT_PRICE_LIMIT_YEN + " yen either way");
    }
    if (unit != null && unit.length() > UNIT_LIMIT) {
      throw new DomainException.InvalidValue(
          "unit", "a line's unit is at most " + UNIT_LIMIT + " characters");
    }
    if (taxRate == null) {
      throw new DomainException.InvalidValue("taxRate", "every line needs its tax rate");
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
