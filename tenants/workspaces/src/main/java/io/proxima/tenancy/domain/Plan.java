package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import java.util.Locale;

/** What a tenant pays for, and the limits that come with it. */
public enum Plan {
  FREE(5, 20, 3),
  STANDARD(50, 300, 50),
  ENTERPRISE(1000, 5000, 1000);

  private final int seats;
  private final int monthlyScouts;
  private final int openJobs;

  Plan(int seats, int monthlyScouts, int openJobs) {
    this.seats = seats;
    this.monthlyScouts = monthlyScouts;
    this.openJobs = openJobs;
  }

  /** Staff members (agency or company people) the tenant may have. */
  public int seats() {
    return seats;
  }

  public int monthlyScouts() {
    return monthlyScouts;
  }

  public int openJobs() {
    return openJobs;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Plan fromWireName(String name) {
    for (Plan plan : values()) {
      if (plan.wireName().equals(name)) {
        return plan;
      }
    }
    throw new DomainException.InvalidValue(
        "plan", "unknown plan: " + name + " (free, standard, enterprise)");
  }
}
