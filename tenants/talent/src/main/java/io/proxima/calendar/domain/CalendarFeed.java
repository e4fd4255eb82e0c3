package io.proxima.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A freelancer's secret iCalendar feed: one per freelancer, kept only as the SHA-256 of its token
 * (see {@link FeedToken}). The freelancer's own, across tenants: row-level security decides.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

  @Id
  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "token_hash", nullable = false)
  private byte[] tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected CalendarFeed() {
    // for JPA
  }

  public static CalendarFeed open(String freelancerSubject, byte[] tokenHash, Instant now) {
    CalendarFeed feed = new CalendarFeed();
    feed.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    feed.rotate(tokenHash, now);
    return feed;
  }

  /** A new token replaces the old one; the old URL stops working. */
  public void rotate(byte[] tokenHash, Instant now) {
    if (tokenHash == null || tokenHash.length != 32) {
      throw new IllegalArgumentException("a feed is kept as a SHA-256 hash");
    }
    this.tokenHash = tokenHash.clone();
    this.createdAt = Objects.requireNonNull(now);
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public byte[] tokenHash() {
    return tokenHash.clone();
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CalendarFeed feed
        && Objects.equals(freelancerSubject, feed.freelancerSubject);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(freelancerSubject);
  }
}
