package io.proxima.realtime.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.realtime.CborSerializable;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.UUID;

/**
 * What a freelancer entity tells the world: published on the topic of every tenant it shares with,
 * and pushed to the freelancer's own connections. The WebSocket layer turns these into frames.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LiveEvent.AvailabilityChanged.class, name = "availability"),
  @JsonSubTypes.Type(value = LiveEvent.FreelancerJoined.class, name = "joined"),
  @JsonSubTypes.Type(value = LiveEvent.FreelancerLeft.class, name = "left"),
  @JsonSubTypes.Type(value = LiveEvent.PresenceChanged.class, name = "presence"),
  @JsonSubTypes.Type(value = LiveEvent.MessagePosted.class, name = "message"),
  @JsonSubTypes.Type(value = LiveEvent.ReceiptAdvanced.class, name = "receipt"),
  @JsonSubTypes.Type(value = LiveEvent.Typing.class, name = "typing"),
  @JsonSubTypes.Type(value = LiveEvent.TenantSuspended.class, name = "suspended"),
  @JsonSubTypes.Type(value = LiveEvent.Notified.class, name = "notified")
})
public sealed interface LiveEvent extends CborSerializable {

  String freelancerId();

  /** Board events may be coalesced for a slow client (latest per freelancer wins). */
  default boolean coalescible() {
    return false;
  }

  /**
   * The freelancer's availability changed from {@code previous} (null when they had none) to {@code
   * availability}. Both travel so a board decides from the event alone whether the freelancer
   * appears, changes or disappears under its filter, and keeps nothing per freelancer; boards show
   * only the new one.
   */
  record AvailabilityChanged(
      String freelancerId, Availability availability, @JsonbTransient Availability previous)
      implements LiveEvent {
    @Override
    public boolean coalescible() {
      return true;
    }
  }

  /** The freelancer started sharing with the tenant: add them to its boards. */
  record FreelancerJoined(String freelancerId, String displayName, Availability availability)
      implements LiveEvent {}

  /** Consent revoked: remove the freelancer from the tenant's boards at once. */
  record FreelancerLeft(String freelancerId, UUID tenantId) implements LiveEvent {}

  /**
   * Online or not, and on how many devices. The availability travels with it so a board can tell
   * whether its filter shows the freelancer without remembering whom it shows; it is not part of
   * the frame.
   */
  record PresenceChanged(
      String freelancerId,
      boolean online,
      int devices,
      Instant lastSeen,
      @JsonbTransient Availability availability)
      implements LiveEvent {
    @Override
    public boolean coalescible() {
      return true;
    }
  }

  record MessagePosted(String freelancerId, ChatMessage message) implements LiveEvent {}

  /** One side received or read the conversation up to a sequence number. */
  record ReceiptAdvanced(String freelancerId, Conversation conversation) implements LiveEvent {}

  record Typing(String freelancerId, UUID tenantId, Side side, String who, boolean typing)
      implements LiveEvent {}

  /**
   * The platform suspended the tenant: its staff's boards and chats close at once, everywhere,
   * rather than at their next periodic re-check. About no freelancer.
   */
  record TenantSuspended(UUID tenantId) implements LiveEvent {
    @Override
    public String freelancerId() {
      return null;
    }
  }

  /**
   * A notification was written to {@code recipient}'s centre: their bell rings on every device.
   * Published on the recipient's own topic ({@link TenantTopics#personKey}), about no freelancer.
   */
  record Notified(String recipient, UUID tenantId, UUID notificationId, String type)
      implements LiveEvent {
    @Override
    public String freelancerId() {
      return null;
    }
  }
}
