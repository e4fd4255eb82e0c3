package io.proxima.messaging.application;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import java.util.Map;
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
  private final Event<PlatformEvent> happened;
  private final Clock clock;

  protected MessageLedger() {
    this(null, null, null);
  }

  @Inject
  public MessageLedger(ConversationRepository conversations, Event<PlatformEvent> happened) {
    this(conversations, happened, Clock.systemUTC());
  }

  MessageLedger(ConversationRepository conversations, Event<PlatformEvent> happened, Clock clock) {
    this.conversations = conversations;
    this.happened = happened;
    this.clock = clock;
  }

  /**
   * Stores the drafts in one transaction, in order; a draft sent before (a resend after a lost
   * acknowledgement) returns the message stored then. The other side is told of each new one.
   */
  @Transactional
  public List<ChatMessage> appendAll(@NotEmpty List<ChatMessage.@NotNull Draft> drafts) {
    return append(drafts, true);
  }

  /**
   * As {@link #appendAll}, for a caller that tells the recipient in its own words (a scout is a
   * notification of its own, not a new message).
   */
  @Transactional
  public List<ChatMessage> appendUntold(@NotEmpty List<ChatMessage.@NotNull Draft> drafts) {
    return append(drafts, false);
  }

  private List<ChatMessage> append(List<ChatMessage.Draft> drafts, boolean tell) {
    Instant now = clock.instant();
    return drafts.stream()
        .map(
            draft -> {
              ConversationRepository.Appended appended = conversations.append(draft, now);
              if (tell && !appended.resent()) {
                happened.fire(received(appended.message(), now));
              }
              return appended.message();
            })
        .toList();
  }

  /**
   * A message for the side that did not write it: the freelancer, or the tenant's staff. The thread
   * is the conversation, so a recipient away is told once about all its new messages.
   */
  static PlatformEvent received(ChatMessage message, Instant now) {
    Map<String, String> facts =
        Map.of(
            "thread", message.freelancerSubject(),
            "freelancerId", message.freelancerSubject(),
            "actor", message.senderSubject());
    boolean toStaff = message.senderSide() == Side.FREELANCER;
    return new PlatformEvent(
        PlatformEventType.MESSAGE_RECEIVED.wireName(),
        message.tenantId(),
        message.id(),
        toStaff ? List.of() : List.of(message.freelancerSubject()),
        toStaff,
        facts,
        now);
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
