package io.proxima.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A message as stored: written once at its place in the conversation and never edited or deleted
 * (the application role may only insert and read it), so it needs no version. Like its conversation
 * it has no Hibernate tenant id; row-level security admits the two parties. {@link ChatMessage} is
 * the value the real-time entity and the API work with.
 */
@Entity
@Immutable
@Table(name = "chat_message")
public class StoredMessage {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false)
  private String freelancerSubject;

  @Column(name = "seq", nullable = false)
  private long seq;

  @Column(name = "sender_subject", nullable = false)
  private String senderSubject;

  @Enumerated(EnumType.STRING)
  @Column(name = "sender_side", nullable = false)
  private Side senderSide;

  @Column(name = "client_message_id", nullable = false)
  private String clientMessageId;

  @Column(name = "body", nullable = false)
  private String body;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected StoredMessage() {
    // for JPA
  }

  public static StoredMessage of(ChatMessage message) {
    StoredMessage stored = new StoredMessage();
    stored.id = Objects.requireNonNull(message.id());
    stored.tenantId = message.tenantId();
    stored.freelancerSubject = message.freelancerSubject();
    stored.seq = message.seq();
    stored.senderSubject = message.senderSubject();
    stored.senderSide = message.senderSide();
    stored.clientMessageId = message.clientMessageId();
    stored.body = message.body();
    stored.sentAt = message.sentAt();
    return stored;
  }

  public ChatMessage message() {
    return new ChatMessage(
        id,
        tenantId,
        freelancerSubject,
        seq,
        senderSubject,
        senderSide,
        clientMessageId,
        body,
        sentAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredMessage stored && Objects.equals(id, stored.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
