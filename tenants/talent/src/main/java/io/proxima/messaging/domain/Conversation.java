package io.proxima.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/** Where a conversation stands: its last message and how far each side received and read it. */
public record Conversation(
    UUID tenantId,
    String freelancerSubject,
    long lastSeq,
    long freelancerDeliveredSeq,
    long freelancerReadSeq,
    long tenantDeliveredSeq,
    long tenantReadSeq,
    Instant updatedAt) {

  public long unreadFor(Side side) {
    return lastSeq - (side == Side.FREELANCER ? freelancerReadSeq : tenantReadSeq);
  }

  public long deliveredTo(Side side) {
    return side == Side.FREELANCER ? freelancerDeliveredSeq : tenantDeliveredSeq;
  }

  public long readBy(Side side) {
    return side == Side.FREELANCER ? freelancerReadSeq : tenantReadSeq;
  }
}
