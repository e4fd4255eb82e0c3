package io.proxima.scouts.domain;

import java.time.LocalDate;

/**
 * A tenant's scouts for one month: what its plan allows and what it has spent.
 *
 * @param month the first day of the month, Japan time
 */
public record ScoutAllowance(LocalDate month, int limit, int used) {

  public int remaining() {
    return Math.max(0, limit - used);
  }

  /** The day a new allowance starts (00:00 Japan time). */
  public LocalDate renewsOn() {
    return month.plusMonths(1);
  }
}
