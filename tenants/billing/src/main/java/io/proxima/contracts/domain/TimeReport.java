package io.proxima.contracts.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A freelancer's hours for one month of one contract (稼働報告): written and submitted by the
 * freelancer, approved or sent back by the client's side, then invoiced once.
 *
 * <p>Not filtered by Hibernate's tenant id: the freelancer writes their reports from outside the
 * tenant (as with consents); row-level security decides who reaches which, and the contract the
 * caller already holds narrows every read.
 */
@Entity
@Table(name = "time_report")
public class TimeReport {

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

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private UUID contractId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Convert(converter = MonthColumn.class)
  @Column(nullable = false, updatable = false)
  private YearMonth month;

  @Column(nullable = false, precision = 6, scale = 2)
  private BigDecimal hours;

  /** The hours per day when the freelancer reports them; their sum is then the month's hours. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private List<WorkDay> days;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  /** The client side's reason while the month is sent back. */
  private String note;

  /** The freelancer's own remark on the month, kept through submission and approval. */
  private String remark;

  @Column(name = "invoice_id")
  private UUID invoiceId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TimeReport() {
    // for JPA
  }

  /** A new report, or the next version of a draft or sent-back one, without a remark. */
  public static TimeReport write(
      TimeReport current,
      Contract contract,
      YearMonth month,
      BigDecimal hours,
      List<WorkDay> days,
      long expectedVersion,
      Instant now) {
    return write(current, contract, month, hours, days, null, expectedVersion, now);
  }

  /**
   * A new report, or the next version of a draft or sent-back one, with the freelancer's remark.
   */
  public static TimeReport write(
      TimeReport current,
      Contract contract,
      YearMonth month,
      BigDecimal hours,
      List<WorkDay> days,
      String remark,
      long expectedVersion,
      Instant now) {
    if (!contract.takesReportsFor(month.atDay(1))) {
      throw new DomainException.Conflict(
          "the contract takes no time report for " + month + " (it is " + contract.status() + ")");
    }
    BigDecimal total = checkedHours(contract, month, hours, days);
    String cleanRemark = Texts.optional(remark, "remark", NOTE_LIMIT);
    if (current == null) {
      if (expectedVersion != 0) {
        throw new DomainException.Conflict("there is no report for " + month + " yet (version 0)");
      }
      TimeReport report = new TimeReport();
      report.id = UUID.randomUUID();
      report.tenantId = contract.tenantId();
      report.contractId = contract.id();
      report.freelancerSubject = contract.freelancerSubject();
      report.month = month;
      report.hours = total;
      report.days = days == null ? List.of() : List.copyOf(days);
      report.status = Status.DRAFT;
      report.remark = cleanRemark;
      report.updatedAt = now;
      report.version = 1;
      return report;
    }
    current.requireVersion(expectedVersion);
    if (current.status != Status.DRAFT && current.status != Status.REJECTED) {
      throw new DomainException.Conflict(
          "a " + current.status + " report is not changed; ask the client side to send it back");
    }
    current.remark = cleanRemark;
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

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID contractId() {
    return contractId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public YearMonth month() {
    return month;
  }

  public BigDecimal hours() {
    return hours;
  }

  public List<WorkDay> days() {
    return List.copyOf(days);
  }

  public Status status() {
    return status;
  }

  public String note() {
    return note;
  }

  public String remark() {
    return remark;
  }

  public UUID invoiceId() {
    return invoiceId;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
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
    hours = nextHours;
    days = nextDays == null ? List.of() : List.copyOf(nextDays);
    status = nextStatus;
    note = nextNote;
    invoiceId = invoice;
    updatedAt = now;
    return this;
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

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeReport report && Objects.equals(id, report.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  /** A month is stored as its first day. */
  @Converter
  public static class MonthColumn implements AttributeConverter<YearMonth, LocalDate> {
    @Override
    public LocalDate convertToDatabaseColumn(YearMonth month) {
      return month == null ? null : month.atDay(1);
    }

    @Override
    public YearMonth convertToEntityAttribute(LocalDate day) {
      return day == null ? null : YearMonth.from(day);
    }
  }
}
