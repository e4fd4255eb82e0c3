package io.proxima.messaging.infrastructure;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL: the sequence number comes from an {@code UPDATE … RETURNING} on the conversation row,
 * whose row lock orders concurrent senders without gaps; row-level security bounds every statement.
 */
@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

  private static final String MESSAGE_COLUMNS =
      "id, tenant_id, freelancer_subject, seq, sender_subject, sender_side, client_message_id,"
          + " body, sent_at";
  private static final String CONVERSATION_COLUMNS =
      "tenant_id, freelancer_subject, last_seq, freelancer_delivered_seq, freelancer_read_seq,"
          + " tenant_delivered_seq, tenant_read_seq, updated_at";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public Optional<ChatMessage> findResend(ChatMessage.Draft draft) {
    return messages(
            "SELECT "
                + MESSAGE_COLUMNS
                + " FROM chat_message WHERE tenant_id = ?1 AND freelancer_subject = ?2"
                + " AND sender_subject = ?3 AND client_message_id = ?4",
            draft.tenantId(),
            draft.freelancerSubject(),
            draft.senderSubject(),
            draft.clientMessageId())
        .stream()
        .findFirst();
  }

  @Override
  public ChatMessage append(ChatMessage.Draft draft, Instant sentAt) {
    String sender = columnPrefix(draft.senderSide());
    entityManager
        .createNativeQuery(
            "INSERT INTO conversation (tenant_id, freelancer_subject, updated_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
        .setParameter(1, draft.tenantId())
        .setParameter(2, draft.freelancerSubject())
        .setParameter(3, Timestamp.from(sentAt))
        .executeUpdate();
    long seq =
        ((Number)
                entityManager
                    .createNativeQuery(
                        // The sender has received and read what they wrote.
                        "UPDATE conversation SET last_seq = last_seq + 1, updated_at = ?3, "
                            + sender
                            + "delivered_seq = last_seq + 1, "
                            + sender
                            + "read_seq = last_seq + 1"
                            + " WHERE tenant_id = ?1 AND freelancer_subject = ?2"
                            + " RETURNING last_seq")
                    .setParameter(1, draft.tenantId())
                    .setParameter(2, draft.freelancerSubject())
                    .setParameter(3, Timestamp.from(sentAt))
                    .getSingleResult())
            .longValue();
    ChatMessage message =
        new ChatMessage(
            UUID.randomUUID(),
            draft.tenantId(),
            draft.freelancerSubject(),
            seq,
            draft.senderSubject(),
            draft.senderSide(),
            draft.clientMessageId(),
            draft.body(),
            sentAt);
    entityManager
        .createNativeQuery(
            "INSERT INTO chat_message ("
                + MESSAGE_COLUMNS
                + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, message.id())
        .setParameter(2, message.tenantId())
        .setParameter(3, message.freelancerSubject())
        .setParameter(4, message.seq())
        .setParameter(5, message.senderSubject())
        .setParameter(6, message.senderSide().name())
        .setParameter(7, message.clientMessageId())
        .setParameter(8, message.body())
        .setParameter(9, Timestamp.from(message.sentAt()))
        .executeUpdate();
    return message;
  }

  @Override
  public Optional<Conversation> find(UUID tenantId, String freelancerSubject) {
    return conversations(
            "SELECT "
                + CONVERSATION_COLUMNS
                + " FROM conversation WHERE tenant_id = ?1 AND freelancer_subject = ?2",
            tenantId,
            freelancerSubject)
        .stream()
        .findFirst();
  }

  @Override
  public List<Conversation> ofFreelancer(String freelancerSubject) {
    return conversations(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversation WHERE freelancer_subject = ?1 ORDER BY updated_at DESC",
        freelancerSubject);
  }

  @Override
  public List<ChatMessage> history(
      UUID tenantId, String freelancerSubject, long beforeSeq, int limit) {
    return messages(
        "SELECT "
            + MESSAGE_COLUMNS
            + " FROM chat_message WHERE tenant_id = ?1 AND freelancer_subject = ?2 AND seq < ?3"
            + " ORDER BY seq DESC LIMIT ?4",
        tenantId,
        freelancerSubject,
        beforeSeq,
        limit);
  }

  @Override
  public Conversation advance(
      UUID tenantId, String freelancerSubject, Side side, boolean read, long upToSeq) {
    String prefix = columnPrefix(side);
    // Reading implies receiving: a read mark also moves the delivered mark.
    String set =
        read
            ? prefix
                + "read_seq = greatest("
                + prefix
                + "read_seq, least(?3, last_seq)), "
                + prefix
                + "delivered_seq = greatest("
                + prefix
                + "delivered_seq, least(?3, last_seq))"
            : prefix + "delivered_seq = greatest(" + prefix + "delivered_seq, least(?3, last_seq))";
    List<?> rows =
        entityManager
            .createNativeQuery(
                "UPDATE conversation SET "
                    + set
                    + " WHERE tenant_id = ?1 AND freelancer_subject = ?2 RETURNING "
                    + CONVERSATION_COLUMNS)
            .setParameter(1, tenantId)
            .setParameter(2, freelancerSubject)
            .setParameter(3, upToSeq)
            .getResultList();
    if (rows.isEmpty()) {
      return new Conversation(tenantId, freelancerSubject, 0, 0, 0, 0, 0, null);
    }
    return conversation((Object[]) rows.get(0));
  }

  private static String columnPrefix(Side side) {
    return side == Side.FREELANCER ? "freelancer_" : "tenant_";
  }

  private List<ChatMessage> messages(String sql, Object... parameters) {
    var query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<?>) query.getResultList())
        .stream()
            .map(
                row -> {
                  Object[] c = (Object[]) row;
                  return new ChatMessage(
                      (UUID) c[0],
                      (UUID) c[1],
                      (String) c[2],
                      ((Number) c[3]).longValue(),
                      (String) c[4],
                      Side.valueOf((String) c[5]),
                      (String) c[6],
                      (String) c[7],
                      instant(c[8]));
                })
            .toList();
  }

  private List<Conversation> conversations(String sql, Object... parameters) {
    var query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<?>) query.getResultList())
        .stream().map(row -> conversation((Object[]) row)).toList();
  }

  private static Conversation conversation(Object[] c) {
    return new Conversation(
        (UUID) c[0],
        (String) c[1],
        ((Number) c[2]).longValue(),
        ((Number) c[3]).longValue(),
        ((Number) c[4]).longValue(),
        ((Number) c[5]).longValue(),
        ((Number) c[6]).longValue(),
        instant(c[7]));
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }
}
