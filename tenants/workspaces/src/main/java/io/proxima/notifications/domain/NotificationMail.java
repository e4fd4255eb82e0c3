package io.proxima.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A mail in the notification outbox: written with the change it reports, sent by a worker after the
 * commit, tried again after failures until it went out, was given up on, or the recipient turned
 * the kind off.
 */
@Entity
@Table(name = "notification_mail")
public class NotificationMail {

  public enum Status {
    PENDING,
    SENT,
    FAILED,
    /** Not sent on purpose: the kind is off, or the recipient has no address. */
    SKIPPED
  }

  /** Longest error text kept. */
  static final int ERROR_LIMIT = 500;

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "recipient_subject", nullable = false, updatable = false)
  private String recipient;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false, updatable = false)
  private boolean staff;

  @Column(name = "subject_id", updatable = false)
  private UUID subjectId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  private Map<String, String> data;

  @Column(nullable = false, updatable = false)
  private int items;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected NotificationMail() {
    // for JPA
  }

  /**
   * A worker takes it until {@code leaseUntil}: no other node sends it before then, and a worker
   * that dies leaves it due again. The attempt counts from here.
   */
  public void claim(Instant leaseUntil) {
    attempts++;
    nextAttemptAt = leaseUntil;
  }

  public void sent(Instant now) {
    status = Status.SENT;
    sentAt = now;
    nextAttemptAt = null;
    lastError = null;
  }

  public void retryAt(Instant at, String error) {
    nextAttemptAt = at;
    lastError = shorten(error);
  }

  public void failed(String error) {
    status = Status.FAILED;
    nextAttemptAt = null;
    lastError = shorten(error);
  }

  public void skipped(String why) {
    status = Status.SKIPPED;
    nextAttemptAt = null;
    lastError = shorten(why);
  }

  private static String shorten(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= ERROR_LIMIT ? text : text.substring(0, ERROR_LIMIT);
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String recipient() {
    return recipient;
  }

  public NotificationKind kind() {
    return NotificationKind.ofWireName(kind).orElseThrow();
  }

  public boolean staff() {
    return staff;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public Map<String, String> data() {
    return data == null ? Map.of() : Map.copyOf(data);
  }

  public int items() {
    return items;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant sentAt() {
    return sentAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NotificationMail mail && Objects.equals(id, mail.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
