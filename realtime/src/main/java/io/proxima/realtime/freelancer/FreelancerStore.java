package io.proxima.realtime.freelancer;

import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Where a freelancer entity's durable state lives (PostgreSQL in the platform). Every method
 * completes only once the write is committed: the entity acknowledges nothing before that.
 */
public interface FreelancerStore {

  /** What an entity needs when it starts, on whichever node. */
  record Stored(
      String displayName,
      Availability availability,
      Set<UUID> sharedWith,
      List<Conversation> conversations) {}

  CompletionStage<Stored> load(String freelancerId);

  CompletionStage<Availability> saveAvailability(String freelancerId, Availability next);

  /**
   * Appends the drafts in one transaction, in order; a draft already stored (a client's resend)
   * comes back as the stored message. All or none are committed.
   */
  CompletionStage<List<ChatMessage>> appendAll(List<ChatMessage.Draft> drafts);

  CompletionStage<Conversation> acknowledge(
      UUID tenantId, String freelancerId, Side side, boolean read, long upToSeq);
}
