package io.proxima.jobs.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

/**
 * A freelancer's job search kept under a name, and told about new postings that match it. The
 * search is kept as the filters of the search page's URL, so opening it shows what was saved.
 *
 * <p>Alerts keep a high-water mark: every job published up to {@link #matchedThrough()} has been
 * looked at. Moving the mark and recording the alert happen in one transaction, so a crash or a
 * restart in between neither repeats an alert nor loses one.
 */
@Entity
@Table(name = "saved_search")
// The alert worker's writes (the mark, the last alert) are not the owner's edits: they neither
// bump the version an edit is checked against nor overwrite a column the owner changed.
@DynamicUpdate
public class SavedSearch {

  public static final int NAME_LIMIT = 100;

  /** How many searches one person keeps; alerts cost a search each, every round. */
  public static final int PER_PERSON_LIMIT = 50;

  @Id private UUID id;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String query;

  @Column(name = "tenant_slug", updatable = false)
  private String tenantSlug;

  @Column(nullable = false)
  private boolean alerts;

  @OptimisticLock(excluded = true)
  @Column(name = "matched_through", nullable = false)
  private Instant matchedThrough;

  @OptimisticLock(excluded = true)
  @Column(name = "last_alerted_at")
  private Instant lastAlertedAt;

  @OptimisticLock(excluded = true)
  @Column(name = "last_alert_jobs")
  private Integer lastAlertJobs;

  @OptimisticLock(excluded = true)
  @Column(name = "alerts_sent", nullable = false)
  private int alertsSent;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SavedSearch() {
    // for JPA
  }

  /**
   * A new saved search; it alerts only about jobs published from now on, not the ones the
   * freelancer has just seen in the result list.
   *
   * @param queryString the search page's query string; paging and order are dropped
   * @param tenantSlug the tenant portal it was saved in (its jobs only), or null for every tenant
   */
  public static SavedSearch save(
      String freelancerSubject,
      String name,
      String queryString,
      String tenantSlug,
      boolean alerts,
      Instant now) {
    SavedSearch saved = new SavedSearch();
    saved.id = UUID.randomUUID();
    saved.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    saved.name = validName(name);
    saved.query = validQuery(queryString);
    saved.tenantSlug = tenantSlug;
    saved.alerts = alerts;
    saved.matchedThrough = now;
    saved.createdAt = now;
    saved.updatedAt = now;
    saved.version = 1;
    return saved;
  }

  /** Renames it and switches alerts; switching them on starts from now, not from the old mark. */
  public SavedSearch change(String newName, Boolean alertsOn, long expectedVersion, Instant now) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "the saved search is at version "
              + version
              + ", the change was made on "
              + expectedVersion);
    }
    if (newName != null) {
      name = validName(newName);
    }
    if (alertsOn != null && alertsOn != alerts) {
      alerts = alertsOn;
      if (alertsOn) {
        matchedThrough = now;
      }
    }
    updatedAt = now;
    return this;
  }

  /** Jobs published up to {@code through} have been matched; {@code matches} of them were new. */
  public void matchedThrough(Instant through, int matches) {
    if (through.isAfter(matchedThrough)) {
      matchedThrough = through;
    }
    if (matches > 0) {
      lastAlertedAt = through;
      lastAlertJobs = matches;
      alertsSent++;
    }
  }

  /** The search it stands for, first page. */
  public JobQuery toQuery(int limit) {
    JobQuery saved = JobQueryString.parse(query).toQuery(limit);
    return tenantSlug == null || saved.tenant() != null ? saved : saved.onlyOf(tenantSlug);
  }

  static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new DomainException.InvalidValue("name", "a saved search needs a name");
    }
    String stripped = name.strip();
    if (stripped.codePointCount(0, stripped.length()) > NAME_LIMIT) {
      throw new DomainException.InvalidValue(
          "name", "a saved search's name is limited to " + NAME_LIMIT + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new DomainException.InvalidValue("name", "name cannot contain control characters");
    }
    return stripped;
  }

  static String validQuery(String queryString) {
    JobQueryString parsed = JobQueryString.parse(queryString == null ? "" : queryString);
    String filters = parsed.filtersOnly();
    // Reading it as a search refuses a bad value now rather than in every alert round.
    JobQueryString.parse(filters).toQuery(1);
    return filters;
  }

  public UUID id() {
    return id;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public String name() {
    return name;
  }

  public String query() {
    return query;
  }

  public String tenantSlug() {
    return tenantSlug;
  }

  public boolean alerts() {
    return alerts;
  }

  public Instant matchedThrough() {
    return matchedThrough;
  }

  public Instant lastAlertedAt() {
    return lastAlertedAt;
  }

  public Integer lastAlertJobs() {
    return lastAlertJobs;
  }

  public int alertsSent() {
    return alertsSent;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
