package io.proxima.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One item of a person's notification centre. It belongs to its recipient, not to the tenant it
 * happened in, so a freelancer's centre lists every tenant's. Written by the transaction that made
 * the thing happen ({@link NotificationRepository#post}); the recipient only reads it.
 */
@Entity
@Table(name = "notification")
public class Notification {

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
  @Column(nullable = false)
  private Map<String, String> data;

  @Column(nullable = false)
  private int items;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {
    // for JPA
  }

  /** Marks it read; reading it again keeps the first time. */
  public void read(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
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

  /** How many things it sums up: the messages of a conversation that came while it was unread. */
  public int items() {
    return items;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When the last item came. */
  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant readAt() {
    return readAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Notification notification && Objects.equals(id, notification.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
