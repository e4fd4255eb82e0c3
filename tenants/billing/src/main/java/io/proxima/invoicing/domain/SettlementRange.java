package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A monthly rate with a settlement range (精算幅): hours outside the range are paid extra or deducted
 * at an hourly unit price derived from the rate.
 *
 * @param method UPPER_LOWER (上下割: excess at rate ÷ upper bound, shortfall at rate ÷ lower bound) or
 *     MIDDLE (中間割: both at rate ÷ the range's midpoint)
 * @param unitRounding the yen the unit price is rounded down to (1 or 10, as contracts state)
 */
public record SettlementRange(
    long monthlyRateYen,
    BigDecimal minHours,
    BigDecimal maxHours,
    Method method,
    int unitRounding) {

  public enum Method {
    UPPER_LOWER,
    MIDDLE
  }

  /** A billion yen a month: far above any engagement, low enough that every product fits. */
  public static final long MONTHLY_RATE_LIMIT_YEN = 1_000_000_000L;

  /** The hours of the longest month: no settlement range reaches past them. */
  public static final BigDecimal HOURS_LIMIT = BigDecimal.valueOf(31 * 24);

  public SettlementRange {
    if (monthlyRateYen <= 0 || monthlyRateYen > MONTHLY_RATE_LIMIT_YEN) {
      throw new DomainException.InvalidValue(
          "monthlyRateYen",
          "monthlyRateYen must be positive and at most " + MONTHLY_RATE_LIMIT_YEN);
    }
    if (minHours == null || minHours.compareTo(BigDecimal.ONE) < 0) {
      throw new DomainException.InvalidValue(
          "minHours", "the settlement range needs 1 ≤ min ≤ max ≤ " + HOURS_LIMIT + " hours");
    }
    if (maxHours == null
        || maxHours.compareTo(minHours) < 0
        || maxHours.compareTo(HOURS_LIMIT) > 0) {
      throw new DomainException.InvalidValue(
          "maxHours", "the settlement range needs 1 ≤ min ≤ max ≤ " + HOURS_LIMIT + " hours");
    }
    if (method == null) {
      throw new DomainException.InvalidValue(
          "settlementMethod", "the settlement method is required");
    }
    if (unitRounding != 1 && unitRounding != 10) {
      throw new DomainException.InvalidValue(
          "unitRounding", "unit prices round down to 1 or 10 yen");
    }
  }

  /** The hourly price for hours above the range. */
  public long excessUnitYen() {
    return unit(method == Method.MIDDLE ? middle() : maxHours);
  }

  /** The hourly price for hours below the range. */
  public long shortfallUnitYen() {
    return unit(method == Method.MIDDLE ? middle() : minHours);
  }

  /**
   * The adjustment for a month worked {@code hours}: positive above the range, negative below, zero
   * inside. Rounded down to the yen, as amounts in the client's favour usually are not.
   */
  public long adjustmentYen(BigDecimal hours) {
    if (hours == null || hours.signum() < 0 || hours.compareTo(HOURS_LIMIT) > 0) {
      throw new DomainException.InvalidValue(
          "hours", "hours worked are between 0 and " + HOURS_LIMIT);
    }
    if (hours.compareTo(maxHours) > 0) {
      return hours
          .subtract(maxHours)
          .multiply(BigDecimal.valueOf(excessUnitYen()))
          .setScale(0, RoundingMode.DOWN)
          .longValueExact();
    }
    if (hours.compareTo(minHours) < 0) {
      return -minHours
          .subtract(hours)
          .multiply(BigDecimal.valueOf(shortfallUnitYen()))
          .setScale(0, RoundingMode.DOWN)
          .longValueExact();
    }
    return 0;
  }

  /**
   * A month worked {@code hours} settled against the range: the hours outside it, the adjustment
   * and the amount before tax that the month's invoice bills ({@link Invoice#monthlyLines}), so
   * both sides see it before anyone invoices.
   */
  public Settlement settle(BigDecimal hours) {
    long adjustment = adjustmentYen(hours);
    BigDecimal excess = hours.compareTo(maxHours) > 0 ? hours.subtract(maxHours) : BigDecimal.ZERO;
    BigDecimal shortfall =
        hours.compareTo(minHours) < 0 ? minHours.subtract(hours) : BigDecimal.ZERO;
    return new Settlement(hours, excess, shortfall, adjustment, monthlyRateYen + adjustment);
  }

  /**
   * A month's settlement: hours above or below the range (zero inside it), the adjustment in yen
   * (positive for excess, negative for shortfall) and the monthly rate with it applied.
   */
  public record Settlement(
      BigDecimal hours,
      BigDecimal excessHours,
      BigDecimal shortfallHours,
      long adjustmentYen,
      long billableYen) {}

  private BigDecimal middle() {
    return minHours.add(maxHours).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
  }

  private long unit(BigDecimal hours) {
    long unit =
        BigDecimal.valueOf(monthlyRateYen).divide(hours, 0, RoundingMode.DOWN).longValueExact();
    return unit - unit % unitRounding;
  }
}
