package io.proxima.contracts.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A freelancer's hours for one month of one contract (稼働報告): written and submitted by the
 * freelancer, approved or sent back by the client's side, then invoiced once.
 *
 * @param days the hours per day when the freelancer reports them; their sum is then the month's
 *     hours
 */
public record TimeReport(
    UUID id,
    UUID tenantId,
    UUID contractId,
    String freelancerSubject,
    YearMonth month,
    BigDecimal hours,
    List<WorkDay> days,
    Status status,
    String note,
    UUID invoiceId,
    Instant updatedAt,
    long version) {

  public static final BigDecimal MAX_DAY_HOURS = BigDecimal.valueOf(24);
  public static final int NOTE_LIMIT = 1000;

  public enum Status {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    INVOICED
  }

  /** Hours on one day of the month. */
  public record WorkDay(LocalDate date, BigDecimal hours) {}

  public TimeReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(status, "status");
    days = days == null ? List.of() : List.copyOf(days);
  }

  /** A new report, or the next version of a draft or sent-back one. */
  public static TimeReport write(
      TimeReport current,
      Contract contract,
      YearMonth month,
      BigDecimal hours,
      List<WorkDay> days,
      long expectedVersion,
      Instant now) {
    if (!contract.takesReportsFor(month.atDay(1))) {
      throw new DomainException.Conflict(
          "the contract takes no time report for " + month + " (it is " + contract.status() + ")");
    }
    BigDecimal total = checkedHours(contract, month, hours, days);
    if (current == null) {
      if (expectedVersion != 0) {
        throw new DomainException.Conflict("there is no report for " + month + " yet (version 0)");
      }
      return new TimeReport(
          UUID.randomUUID(),
          contract.tenantId(),
          contract.id(),
          contract.freelancerSubject(),
          month,
          total,
          days,
          Status.DRAFT,
          null,
          null,
          now,
          1);
    }
    current.requireVersion(expectedVersion);
    if (current.status != Status.DRAFT && current.status != Status.REJECTED) {
      throw new DomainException.Conflict(
          "a " + current.status + " report is not changed; ask the client side to send it back");
    }
    return current.next(total, days, Status.DRAFT, current.note, null, now);
  }

  public TimeReport submit(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    if (status != Status.DRAFT && status != Status.REJECTED) {
      throw new DomainException.Conflict("only a draft report is submitted (it is " + status + ")");
    }
    return next(hours, days, Status.SUBMITTED, null, null, now);
  }

  public TimeReport approve(long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(Status.SUBMITTED, "only a submitted report is approved");
    return next(hours, days, Status.APPROVED, null, null, now);
  }

  public TimeReport reject(String reason, long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(Status.SUBMITTED, "only a submitted report is sent back");
    return next(
        hours, days, Status.REJECTED, Texts.required(reason, "reason", NOTE_LIMIT), null, now);
  }

  public TimeReport invoiced(UUID invoice, long expectedVersion, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(Status.APPROVED, "only an approved report is invoiced");
    return next(hours, days, Status.INVOICED, note, invoice, now);
  }

  private static BigDecimal checkedHours(
      Contract contract, YearMonth month, BigDecimal hours, List<WorkDay> days) {
    if (days != null && !days.isEmpty()) {
      Set<LocalDate> seen = new HashSet<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (WorkDay day : days) {
        if (day == null || day.date() == null || day.hours() == null) {
          throw new DomainException.InvalidValue("days", "every day needs its date and hours");
        }
        if (!YearMonth.from(day.date()).equals(month) || !contract.terms().covers(day.date())) {
          throw new DomainException.InvalidValue(
              "days", day.date() + " is outside " + month + " or the contract's period");
        }
        if (!seen.add(day.date())) {
          throw new DomainException.InvalidValue("days", day.date() + " is reported twice");
        }
        if (day.hours().signum() < 0
            || day.hours().compareTo(MAX_DAY_HOURS) > 0
            || day.hours().scale() > 2) {
          throw new DomainException.InvalidValue(
              "days", day.date() + ": hours between 0 and 24, at most 2 decimals");
        }
        sum = sum.add(day.hours());
      }
      if (hours != null && hours.compareTo(sum) != 0) {
        throw new DomainException.InvalidValue(
            "hours", "hours (" + hours + ") differ from the sum of the days (" + sum + ")");
      }
      return sum;
    }
    BigDecimal limit = MAX_DAY_HOURS.multiply(BigDecimal.valueOf(month.lengthOfMonth()));
    if (hours == null || hours.signum() < 0 || hours.compareTo(limit) > 0 || hours.scale() > 2) {
      throw new DomainException.InvalidValue(
          "hours", "hours: between 0 and " + limit + " for " + month + ", at most 2 decimals");
    }
    return hours;
  }

  private TimeReport next(
      BigDecimal nextHours,
      List<WorkDay> nextDays,
      Status nextStatus,
      String nextNote,
      UUID invoice,
      Instant now) {
    return new TimeReport(
        id,
        tenantId,
        contractId,
        freelancerSubject,
        month,
        nextHours,
        nextDays,
        nextStatus,
        nextNote,
        invoice,
        now,
        version + 1);
  }

  private void requireVersion(long expected) {
    if (expected != version) {
      throw new DomainException.Conflict(
          "the report was changed meanwhile (version " + version + "); reload and try again");
    }
  }

  private void requireStatus(Status expected, String message) {
    if (status != expected) {
      throw new DomainException.Conflict(message + " (it is " + status + ")");
    }
  }
}
