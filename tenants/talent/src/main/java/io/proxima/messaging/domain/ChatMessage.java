package io.proxima.messaging.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.PlainText;
import java.time.Instant;
import java.util.UUID;

/**
 * One message in the conversation between a tenant and a freelancer. {@code seq} orders the
 * conversation without gaps; {@code clientMessageId} makes a resend after a lost acknowledgement
 * return the stored message instead of a second copy.
 */
public record ChatMessage(
    UUID id,
    UUID tenantId,
    String freelancerSubject,
    long seq,
    String senderSubject,
    Side senderSide,
    String clientMessageId,
    String body,
    Instant sentAt) {

  public static final int BODY_LIMIT = 4000;
  public static final int CLIENT_ID_LIMIT = 64;

  /** A message as its sender wrote it, before the ledger gives it a place in the conversation. */
  public record Draft(
      UUID tenantId,
      String freelancerSubject,
      String senderSubject,
      Side senderSide,
      String clientMessageId,
      String body) {

    public Draft {
      if (tenantId == null || freelancerSubject == null || senderSubject == null) {
        throw new DomainException.InvalidValue("a message needs its tenant, freelancer and sender");
      }
      if (senderSide == null) {
        throw new DomainException.InvalidValue("a message needs its sender's side");
      }
      if (clientMessageId == null
          || clientMessageId.isBlank()
          || clientMessageId.length() > CLIENT_ID_LIMIT) {
        throw new DomainException.InvalidValue(
            "clientMessageId",
            "clientMessageId is required, at most " + CLIENT_ID_LIMIT + " characters");
      }
      if (body == null || body.isBlank()) {
        throw new DomainException.InvalidValue("body", "a message cannot be empty");
      }
      // Before the database sees them: PostgreSQL refuses NUL, which would read as "try again".
      PlainText.require(clientMessageId, "clientMessageId");
      PlainText.require(body, "body");
      if (body.codePointCount(0, body.length()) > BODY_LIMIT) {
        throw new DomainException.InvalidValue(
            "body", "a message is limited to " + BODY_LIMIT + " characters");
      }
    }

    /** The message this draft became, stored as {@code id} at its place {@code seq}. */
    public ChatMessage placedAt(UUID id, long seq, Instant sentAt) {
      return new ChatMessage(
          id,
          tenantId,
          freelancerSubject,
          seq,
          senderSubject,
          senderSide,
          clientMessageId,
          body,
          sentAt);
    }
  }
}
