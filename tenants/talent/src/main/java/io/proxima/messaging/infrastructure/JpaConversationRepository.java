package io.proxima.messaging.infrastructure;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
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
    ChatMessage message = draft.placedAt(seq, sentAt);
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
  public List<Conversation> ofFreelancer(String freelancerSubject) {
    return conversations(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversation WHERE freelancer_subject = ?1 ORDER BY updated_at DESC",
        freelancerSubject);
  }

  @Override
  public List<Conversation> ofTenant(UUID tenantId) {
    return conversations(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversation WHERE tenant_id = ?1 ORDER BY updated_at DESC",
        tenantId);
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
    String delivered = forwardTo(prefix + "delivered_seq");
    // Reading implies receiving: a read mark also moves the delivered mark.
    String set = read ? forwardTo(prefix + "read_seq") + ", " + delivered : delivered;
    List<Object[]> rows =
        NativeSql.rows(
            NativeSql.query(
                entityManager,
                "UPDATE conversation SET "
                    + set
                    + " WHERE tenant_id = ?1 AND freelancer_subject = ?2 RETURNING "
                    + CONVERSATION_COLUMNS,
                tenantId,
                freelancerSubject,
                upToSeq));
    if (rows.isEmpty()) {
      return new Conversation(tenantId, freelancerSubject, 0, 0, 0, 0, 0, null);
    }
    return conversation(rows.get(0));
  }

  /** Moves a mark forward to ?3, never past the last message and never back. */
  private static String forwardTo(String mark) {
    return mark + " = greatest(" + mark + ", least(?3, last_seq))";
  }

  private static String columnPrefix(Side side) {
    return side == Side.FREELANCER ? "freelancer_" : "tenant_";
  }

  private List<ChatMessage> messages(String sql, Object... parameters) {
    return NativeSql.rows(NativeSql.query(entityManager, sql, parameters)).stream()
        .map(
            c -> {
              return new ChatMessage(
                  (UUID) c[0],
                  (UUID) c[1],
                  (String) c[2],
                  ((Number) c[3]).longValue(),
                  (String) c[4],
                  Side.valueOf((String) c[5]),
                  (String) c[6],
                  (String) c[7],
                  NativeSql.instant(c[8]));
            })
        .toList();
  }

  private List<Conversation> conversations(String sql, Object... parameters) {
    return NativeSql.rows(NativeSql.query(entityManager, sql, parameters)).stream()
        .map(JpaConversationRepository::conversation)
        .toList();
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
        NativeSql.instant(c[7]));
  }
}
