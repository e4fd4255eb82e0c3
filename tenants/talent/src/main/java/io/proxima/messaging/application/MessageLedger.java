package io.proxima.messaging.application;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable side of messaging. A message is acknowledged to its sender only after {@link #append}
 * has committed, so a node lost right after the acknowledgement loses nothing. Callers run as one
 * of the two parties (the tenant, or the freelancer as themselves) so row-level security admits the
 * rows.
 */
@ApplicationScoped
public class MessageLedger {

  private final ConversationRepository conversations;
  private final Clock clock;

  protected MessageLedger() {
    this(null, null);
  }

  @Inject
  public MessageLedger(ConversationRepository conversations) {
    this(conversations, Clock.systemUTC());
  }

  MessageLedger(ConversationRepository conversations, Clock clock) {
    this.conversations = conversations;
    this.clock = clock;
  }

  /**
   * Stores the drafts in one transaction, in order; a draft sent before (a resend after a lost
   * acknowledgement) returns the message stored then.
   */
  @Transactional
  public List<ChatMessage> appendAll(@NotEmpty List<ChatMessage.@NotNull Draft> drafts) {
    Instant now = clock.instant();
    return drafts.stream()
        .map(
            draft ->
                conversations.findResend(draft).orElseGet(() -> conversations.append(draft, now)))
        .toList();
  }

  @Transactional
  public List<Conversation> conversationsOf(@NotBlank String freelancerSubject) {
    return conversations.ofFreelancer(freelancerSubject);
  }

  @Transactional
  public List<Conversation> conversationsOfTenant(@NotNull UUID tenantId) {
    return conversations.ofTenant(tenantId);
  }

  /** A page of history, newest first, strictly before {@code beforeSeq}. */
  @Transactional
  public List<ChatMessage> history(
      @NotNull UUID tenantId,
      @NotBlank String freelancerSubject,
      @Min(1) long beforeSeq,
      @Min(1) @Max(200) int limit) {
    return conversations.history(tenantId, freelancerSubject, beforeSeq, limit);
  }

  @Transactional
  public Conversation acknowledge(
      @NotNull UUID tenantId,
      @NotBlank String freelancerSubject,
      @NotNull Side side,
      boolean read,
      @Min(0) long upToSeq) {
    return conversations.advance(tenantId, freelancerSubject, side, read, upToSeq);
  }
}
