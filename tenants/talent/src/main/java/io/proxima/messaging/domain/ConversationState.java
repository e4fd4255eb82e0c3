package io.proxima.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The stored counters of one conversation between a tenant and a freelancer: its last sequence
 * number and how far each side received and read. Both parties reach it across tenants (the
 * freelancer sees all of theirs), so it carries no Hibernate tenant id: row-level security admits
 * exactly the two parties. Changed only under the row's lock (the repository takes it), which
 * orders concurrent senders without gaps; {@link Conversation} is the value everyone else reads.
 */
@Entity
@Table(name = "conversation")
public class ConversationState {

  /** A conversation is the tenant and the freelancer it is between. */
  @Embeddable
  public record Key(
      @Column(name = "tenant_id", nullable = false, updatable = false) UUID tenantId,
      @Column(name = "freelancer_subject", nullable = false, updatable = false)
          String freelancerSubject)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "freelancer_delivered_seq", nullable = false)
  private long freelancerDeliveredSeq;

  @Column(name = "freelancer_read_seq", nullable = false)
  private long freelancerReadSeq;

  @Column(name = "tenant_delivered_seq", nullable = false)
  private long tenantDeliveredSeq;

  @Column(name = "tenant_read_seq", nullable = false)
  private long tenantReadSeq;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ConversationState() {
    // for JPA
  }

  /**
   * Moves a side's delivered mark, and with {@code read} its read mark (reading implies receiving),
   * forward to {@code upToSeq}: never past the last message and never back.
   */
  public void advance(Side side, boolean read, long upToSeq) {
    long to = Math.min(upToSeq, lastSeq);
    if (side == Side.FREELANCER) {
      freelancerDeliveredSeq = Math.max(freelancerDeliveredSeq, to);
      if (read) {
        freelancerReadSeq = Math.max(freelancerReadSeq, to);
      }
    } else {
      tenantDeliveredSeq = Math.max(tenantDeliveredSeq, to);
      if (read) {
        tenantReadSeq = Math.max(tenantReadSeq, to);
      }
    }
  }

  public Key key() {
    return key;
  }

  /** Where the conversation stands, as a value. */
  public Conversation conversation() {
    return new Conversation(
        key.tenantId(),
        key.freelancerSubject(),
        lastSeq,
        freelancerDeliveredSeq,
        freelancerReadSeq,
        tenantDeliveredSeq,
        tenantReadSeq,
        updatedAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConversationState state && Objects.equals(key, state.key);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key);
  }
}
