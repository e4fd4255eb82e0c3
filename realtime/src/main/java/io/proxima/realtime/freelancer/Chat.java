package io.proxima.realtime.freelancer;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.realtime.freelancer.Freelancer.Acknowledge;
import io.proxima.realtime.freelancer.Freelancer.AcknowledgeStored;
import io.proxima.realtime.freelancer.Freelancer.Command;
import io.proxima.realtime.freelancer.Freelancer.Deliver;
import io.proxima.realtime.freelancer.Freelancer.MessagesStored;
import io.proxima.realtime.freelancer.Freelancer.SendMessage;
import io.proxima.realtime.freelancer.Freelancer.SetTyping;
import io.proxima.realtime.live.LiveEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * The freelancer's conversations with the tenants they share with: messages, receipts and typing.
 * Messages and receipts are acknowledged only once stored; typing is never stored.
 */
final class Chat {

  /** At most this many messages in one transaction; a batch stays well under a second. */
  static final int BATCH_LIMIT = 100;

  private final Freelancer freelancer;

  Chat(Freelancer freelancer) {
    this.freelancer = freelancer;
  }

  Behavior<Command> onSendMessage(SendMessage send) {
    if (!acceptable(send)) {
      return Behaviors.same();
    }
    return appendAll(List.of(send));
  }

  /**
   * Group commit: messages that arrive while a write is in flight, with nothing else waiting before
   * them, go to the database together in the next transaction, so a busy conversation costs one
   * commit per round trip instead of one per message. Anything else already waiting keeps its
   * place: then the message waits in the stash behind it.
   */
  Behavior<Command> onSendWhileWriting(SendMessage send) {
    if (!freelancer.stash.isEmpty() || freelancer.waitingSends.size() >= BATCH_LIMIT) {
      return freelancer.stashOrDrop(send);
    }
    if (acceptable(send)) {
      freelancer.waitingSends.add(send);
    }
    return Behaviors.same();
  }

  private boolean acceptable(SendMessage send) {
    ChatMessage.Draft draft = send.draft();
    if (!freelancer.id.equals(draft.freelancerSubject())) {
      send.replyTo()
          .tell(
              StatusReply.error(
                  Refusal.invalid("message addressed to another freelancer").asError()));
      return false;
    }
    if (!freelancer.sharedWith.contains(draft.tenantId())) {
      send.replyTo().tell(StatusReply.error(Refusal.notShared().asError()));
      return false;
    }
    return true;
  }

  Behavior<Command> appendAll(List<SendMessage> sends) {
    List<ActorRef<StatusReply<ChatMessage>>> replyTo =
        sends.stream().map(SendMessage::replyTo).toList();
    freelancer.context.pipeToSelf(
        freelancer.store.appendAll(sends.stream().map(SendMessage::draft).toList()),
        (messages, failure) ->
            new MessagesStored(
                messages, failure == null ? null : Freelancer.reason(failure), replyTo));
    return freelancer.writing();
  }

  Behavior<Command> onMessagesStored(MessagesStored stored) {
    if (stored.failure() != null) {
      stored
          .replyTo()
          .forEach(replyTo -> replyTo.tell(StatusReply.error(stored.failure().asError())));
    } else {
      for (int i = 0; i < stored.messages().size(); i++) {
        ChatMessage message = stored.messages().get(i);
        freelancer.conversations.put(
            message.tenantId(),
            afterMessage(freelancer.conversations.get(message.tenantId()), message));
        stored.replyTo().get(i).tell(StatusReply.success(message));
        freelancer.publish(message.tenantId(), new LiveEvent.MessagePosted(freelancer.id, message));
      }
    }
    return freelancer.afterWrite();
  }

  Behavior<Command> onDeliver(Deliver deliver) {
    ChatMessage message = deliver.message();
    freelancer.conversations.put(
        message.tenantId(),
        afterMessage(freelancer.conversations.get(message.tenantId()), message));
    freelancer.publish(message.tenantId(), new LiveEvent.MessagePosted(freelancer.id, message));
    return Behaviors.same();
  }

  Behavior<Command> onAcknowledge(Acknowledge acknowledge) {
    // The tenant's side writes toward the freelancer only while they share; the freelancer may
    // still mark what they received from a tenant they left.
    if (acknowledge.side() == Side.TENANT
        && !freelancer.sharedWith.contains(acknowledge.tenantId())) {
      acknowledge.replyTo().tell(StatusReply.error(Refusal.notShared().asError()));
      return Behaviors.same();
    }
    if (!freelancer.conversations.containsKey(acknowledge.tenantId())) {
      acknowledge
          .replyTo()
          .tell(StatusReply.error(Refusal.invalid("no conversation with this tenant").asError()));
      return Behaviors.same();
    }
    freelancer.context.pipeToSelf(
        freelancer.store.acknowledge(
            acknowledge.tenantId(),
            freelancer.id,
            acknowledge.side(),
            acknowledge.read(),
            acknowledge.upToSeq()),
        (conversation, failure) ->
            new AcknowledgeStored(
                conversation,
                failure == null ? null : Freelancer.reason(failure),
                acknowledge.replyTo()));
    return freelancer.writing();
  }

  Behavior<Command> onAcknowledgeStored(AcknowledgeStored stored) {
    if (stored.failure() != null) {
      stored.replyTo().tell(StatusReply.error(stored.failure().asError()));
      return freelancer.afterWrite();
    }
    Conversation conversation = stored.conversation();
    freelancer.conversations.put(conversation.tenantId(), conversation);
    stored.replyTo().tell(StatusReply.success(conversation));
    freelancer.publish(
        conversation.tenantId(), new LiveEvent.ReceiptAdvanced(freelancer.id, conversation));
    return freelancer.afterWrite();
  }

  Behavior<Command> onSetTyping(SetTyping typing) {
    if (freelancer.sharedWith.contains(typing.tenantId())) {
      freelancer.publish(
          typing.tenantId(),
          new LiveEvent.Typing(
              freelancer.id, typing.tenantId(), typing.side(), typing.who(), typing.typing()));
    }
    return Behaviors.same();
  }

  /** The conversation after {@code message}: its sender has received and read it. */
  static Conversation afterMessage(Conversation known, ChatMessage message) {
    Conversation base =
        known != null
            ? known
            : new Conversation(
                message.tenantId(), message.freelancerSubject(), 0, 0, 0, 0, 0, null);
    if (base.lastSeq() >= message.seq()) {
      return base; // a resend of a message already counted
    }
    boolean byFreelancer = message.senderSide() == Side.FREELANCER;
    return new Conversation(
        base.tenantId(),
        base.freelancerSubject(),
        message.seq(),
        byFreelancer ? message.seq() : base.freelancerDeliveredSeq(),
        byFreelancer ? message.seq() : base.freelancerReadSeq(),
        byFreelancer ? base.tenantDeliveredSeq() : message.seq(),
        byFreelancer ? base.tenantReadSeq() : message.seq(),
        message.sentAt());
  }
}
