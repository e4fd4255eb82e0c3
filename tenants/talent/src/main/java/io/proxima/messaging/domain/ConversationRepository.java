package io.proxima.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their messages, bounded by row-level security to the two parties. */
public interface ConversationRepository {

  /** The stored message with the same sender and client id, if the draft was sent before. */
  Optional<ChatMessage> findResend(ChatMessage.Draft draft);

  /**
   * Gives the draft the conversation's next sequence number and stores it; or, when its sender sent
   * the same client message id before (a resend after a lost acknowledgement), stores nothing and
   * gives back the message stored then.
   */
  Appended append(ChatMessage.Draft draft, Instant sentAt);

  /** The message a draft became, and whether it was stored by an earlier send of the same draft. */
  record Appended(ChatMessage message, boolean resent) {}

  List<Conversation> ofFreelancer(String freelancerSubject);

  /** The tenant's conversations, most recently active first. */
  List<Conversation> ofTenant(UUID tenantId);

  /** Messages before {@code beforeSeq} (exclusive), newest first, at most {@code limit}. */
  List<ChatMessage> history(UUID tenantId, String freelancerSubject, long beforeSeq, int limit);

  /** Moves a side's delivered or read mark forward (never back); the conversation as it is now. */
  Conversation advance(
      UUID tenantId, String freelancerSubject, Side side, boolean read, long upToSeq);
}
