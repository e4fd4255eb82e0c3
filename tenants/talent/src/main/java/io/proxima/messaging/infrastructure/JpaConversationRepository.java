package io.proxima.messaging.infrastructure;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.ConversationState;
import io.proxima.messaging.domain.Side;
import io.proxima.messaging.domain.StoredMessage;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations and messages through Hibernate. A message takes its sequence number under the
 * conversation row's lock, which orders concurrent senders without gaps, and every write reaches
 * PostgreSQL inside the transaction the sender's acknowledgement waits for. Row-level security
 * bounds every statement.
 *
 * <p>Storing a message is native SQL, one statement for nearly every message: the conversation's
 * update and the message's insert together, skipped when the sender's client id was stored before
 * (a resend after a lost acknowledgement). On the chat's hot path each statement was a round trip
 * and a good part of a message's cost; so is creating the conversation row for its first message
 * ({@code ON CONFLICT DO NOTHING}: two first senders may do it at the same moment).
 */
@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

  private final EntityManager entityManager;

  protected JpaConversationRepository() {
    this(null);
  }

  @Inject
  public JpaConversationRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<ChatMessage> findResend(ChatMessage.Draft draft) {
    return entityManager
        .createQuery(
            "select m from StoredMessage m where m.tenantId = :tenant"
                + " and m.freelancerSubject = :freelancer and m.senderSubject = :sender"
                + " and m.clientMessageId = :clientId",
            StoredMessage.class)
        .setParameter("tenant", draft.tenantId())
        .setParameter("freelancer", draft.freelancerSubject())
        .setParameter("sender", draft.senderSubject())
        .setParameter("clientId", draft.clientMessageId())
        .getResultStream()
        .findFirst()
        .map(StoredMessage::message);
  }

  @Override
  public Appended append(ChatMessage.Draft draft, Instant sentAt) {
    Optional<ChatMessage> placed = placed(draft, sentAt);
    if (placed.isPresent()) {
      return new Appended(placed.get(), false);
    }
    Optional<ChatMessage> earlier = findResend(draft);
    if (earlier.isPresent()) {
      return new Appended(earlier.get(), true);
    }
    // Neither placed nor sent before: the conversation's first message.
    NativeSql.query(
            entityManager,
            "INSERT INTO conversation (tenant_id, freelancer_subject, updated_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            draft.tenantId(),
            draft.freelancerSubject(),
            sentAt)
        .executeUpdate();
    return new Appended(
        placed(draft, sentAt)
            .orElseThrow(() -> new IllegalStateException("the conversation row was just ensured")),
        false);
  }

  /**
   * One statement gives the message the conversation's next number and stores it: the row's update
   * takes its lock, moves {@code last_seq} and the sender's own delivered and read marks to the new
   * message (the sender has read what they wrote), and feeds the insert. Nothing happens when the
   * sender sent this client id before or the conversation has no row yet.
   */
  private Optional<ChatMessage> placed(ChatMessage.Draft draft, Instant sentAt) {
    UUID id = UUID.randomUUID();
    String side = draft.senderSide() == Side.FREELANCER ? "freelancer" : "tenant";
    List<?> placed =
        NativeSql.query(
                entityManager,
                "WITH placed AS ("
                    + " UPDATE conversation SET last_seq = last_seq + 1, updated_at = ?3,"
                    + side
                    + "_delivered_seq = last_seq + 1, "
                    + side
                    + "_read_seq = last_seq + 1"
                    + " WHERE tenant_id = ?1 AND freelancer_subject = ?2 AND NOT EXISTS ("
                    + " SELECT 1 FROM chat_message m WHERE m.tenant_id = ?1"
                    + " AND m.freelancer_subject = ?2 AND m.sender_subject = ?4"
                    + " AND m.client_message_id = ?5)"
                    + " RETURNING last_seq)"
                    + " INSERT INTO chat_message (tenant_id, freelancer_subject, seq, id,"
                    + " sender_subject, sender_side, client_message_id, body, sent_at)"
                    + " SELECT ?1, ?2, placed.last_seq, ?6, ?4, ?7, ?5, ?8, ?3 FROM placed"
                    + " RETURNING seq",
                draft.tenantId(),
                draft.freelancerSubject(),
                sentAt,
                draft.senderSubject(),
                draft.clientMessageId(),
                id,
                draft.senderSide().name(),
                draft.body())
            .getResultList();
    return placed.stream()
        .findFirst()
        .map(seq -> draft.placedAt(id, ((Number) seq).longValue(), sentAt));
  }

  @Override
  public List<Conversation> ofFreelancer(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select c from ConversationState c where c.key.freelancerSubject = :freelancer"
                + " order by c.updatedAt desc",
            ConversationState.class)
        .setParameter("freelancer", freelancerSubject)
        .getResultStream()
        .map(ConversationState::conversation)
        .toList();
  }

  @Override
  public List<Conversation> ofTenant(UUID tenantId) {
    return entityManager
        .createQuery(
            "select c from ConversationState c where c.key.tenantId = :tenant"
                + " order by c.updatedAt desc",
            ConversationState.class)
        .setParameter("tenant", tenantId)
        .getResultStream()
        .map(ConversationState::conversation)
        .toList();
  }

  @Override
  public List<ChatMessage> history(
      UUID tenantId, String freelancerSubject, long beforeSeq, int limit) {
    return entityManager
        .createQuery(
            "select m from StoredMessage m where m.tenantId = :tenant"
                + " and m.freelancerSubject = :freelancer and m.seq < :before"
                + " order by m.seq desc",
            StoredMessage.class)
        .setParameter("tenant", tenantId)
        .setParameter("freelancer", freelancerSubject)
        .setParameter("before", beforeSeq)
        .setMaxResults(limit)
        .getResultStream()
        .map(StoredMessage::message)
        .toList();
  }

  @Override
  public Conversation advance(
      UUID tenantId, String freelancerSubject, Side side, boolean read, long upToSeq) {
    Optional<ConversationState> conversation = locked(tenantId, freelancerSubject);
    if (conversation.isEmpty()) {
      return new Conversation(tenantId, freelancerSubject, 0, 0, 0, 0, 0, null);
    }
    conversation.get().advance(side, read, upToSeq);
    entityManager.flush();
    return conversation.get().conversation();
  }

  /** The conversation under its row lock, held until the transaction ends. */
  private Optional<ConversationState> locked(UUID tenantId, String freelancerSubject) {
    return Optional.ofNullable(
        entityManager.find(
            ConversationState.class,
            new ConversationState.Key(tenantId, freelancerSubject),
            LockModeType.PESSIMISTIC_WRITE));
  }
}
