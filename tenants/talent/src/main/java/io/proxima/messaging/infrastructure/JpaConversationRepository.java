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
 * Conversations and messages through Hibernate. The sequence number is still taken under the
 * conversation row's lock ({@code SELECT … FOR UPDATE}), which orders concurrent senders without
 * gaps, and every write reaches PostgreSQL inside the transaction the sender's acknowledgement
 * waits for. Row-level security bounds every statement. Two statements stay native, each for an
 * {@code ON CONFLICT} that JPA cannot say: creating the conversation row if it is not there yet,
 * which two first senders may do at the same moment; and inserting a message, where the sender's
 * unique client id tells a resend from a new message without a lookup before every insert.
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
    // Nearly every message goes to a conversation that exists: lock it first, and create it only
    // for the first message (a statement less per message on the chat's hot path).
    ConversationState conversation =
        locked(draft.tenantId(), draft.freelancerSubject()).orElseGet(() -> created(draft, sentAt));
    ChatMessage message = draft.placedAt(conversation.nextSeq(), sentAt);
    // The insert itself tells a resend from a new message (the sender's client id is unique in
    // the conversation), so a new message, nearly every one, costs no lookup beforehand.
    int inserted =
        NativeSql.query(
                entityManager,
                "INSERT INTO chat_message (tenant_id, freelancer_subject, seq, id, sender_subject,"
                    + " sender_side, client_message_id, body, sent_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                    + " ON CONFLICT (tenant_id, freelancer_subject, sender_subject,"
                    + " client_message_id) DO NOTHING",
                message.tenantId(),
                message.freelancerSubject(),
                message.seq(),
                message.id(),
                message.senderSubject(),
                message.senderSide().name(),
                message.clientMessageId(),
                message.body(),
                message.sentAt())
            .executeUpdate();
    if (inserted == 1) {
      conversation.place(draft.senderSide(), sentAt);
      return new Appended(message, false);
    }
    return new Appended(
        findResend(draft)
            .orElseThrow(
                () -> new IllegalStateException("a conflicting message its sender cannot read")),
        true);
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
  /** The conversation's row, created unless a concurrent first message created it first. */
  private ConversationState created(ChatMessage.Draft draft, Instant sentAt) {
    NativeSql.query(
            entityManager,
            "INSERT INTO conversation (tenant_id, freelancer_subject, updated_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            draft.tenantId(),
            draft.freelancerSubject(),
            sentAt)
        .executeUpdate();
    return locked(draft.tenantId(), draft.freelancerSubject())
        .orElseThrow(() -> new IllegalStateException("the conversation row was just ensured"));
  }

  private Optional<ConversationState> locked(UUID tenantId, String freelancerSubject) {
    return Optional.ofNullable(
        entityManager.find(
            ConversationState.class,
            new ConversationState.Key(tenantId, freelancerSubject),
            LockModeType.PESSIMISTIC_WRITE));
  }
}
