package io.proxima.availability.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A freelancer's availability as stored: one row per freelancer, written only by their real-time
 * entity. It belongs to the freelancer, not to a tenant (no tenant id): every tenant they share
 * with reads it, which row-level security decides. {@link Availability} is the value the entity
 * holds and publishes; this is where it is kept, each accepted change one version further.
 */
@Entity
@Table(name = "freelancer_availability")
public class FreelancerAvailability {

  @Id
  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private AvailabilityStatus status;

  @Column(name = "available_from")
  private LocalDate availableFrom;

  @Column(name = "days_per_week", nullable = false)
  private int daysPerWeek;

  @Column(name = "hours_per_day", nullable = false)
  private int hoursPerDay;

  @Enumerated(EnumType.STRING)
  @Column(name = "work_style", nullable = false)
  private WorkStyle workStyle;

  /** Both columns empty when the freelancer names no rate. */
  @Embedded
  @AttributeOverride(name = "minManYen", column = @Column(name = "rate_min_man_yen"))
  @AttributeOverride(name = "maxManYen", column = @Column(name = "rate_max_man_yen"))
  private RateBand rate;

  @Column(name = "note")
  private String note;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected FreelancerAvailability() {
    // for JPA
  }

  /** The freelancer's first availability; it is version 1. */
  public static FreelancerAvailability first(String freelancerSubject, Availability first) {
    if (first.version() != 1) {
      throw new IllegalArgumentException("a first availability is version 1");
    }
    FreelancerAvailability stored = new FreelancerAvailability();
    stored.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    stored.take(first);
    stored.version = 1;
    return stored;
  }

  /**
   * Takes {@code next} when it follows the stored version; false when another writer stored that
   * version first. The stored version itself moves on when the change is written.
   */
  public boolean follow(Availability next) {
    if (next.version() != version + 1) {
      return false;
    }
    take(next);
    return true;
  }

  private void take(Availability next) {
    status = next.status();
    availableFrom = next.availableFrom();
    daysPerWeek = next.daysPerWeek();
    hoursPerDay = next.hoursPerDay();
    workStyle = next.workStyle();
    rate = next.rate();
    note = next.note();
    updatedAt = next.updatedAt();
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public long version() {
    return version;
  }

  /** The value the real-time entity and every reader work with. */
  public Availability availability() {
    return new Availability(
        status, availableFrom, daysPerWeek, hoursPerDay, workStyle, rate, note, updatedAt, version);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FreelancerAvailability stored
        && Objects.equals(freelancerSubject, stored.freelancerSubject);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(freelancerSubject);
  }
}
