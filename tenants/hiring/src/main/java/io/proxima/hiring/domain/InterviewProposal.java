package io.proxima.hiring.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Times the tenant offers for an interview (面談); the freelancer picks one or declines, and the
 * tenant may withdraw the offer while it is open.
 *
 * @param chosen the slot the freelancer accepted, null until then
 */
public record InterviewProposal(
    UUID id,
    UUID applicationId,
    List<Slot> slots,
    String location,
    String meetingUrl,
    Status status,
    Slot chosen,
    String answer,
    String proposedBy,
    Instant proposedAt,
    Instant answeredAt) {

  public static final int MAX_SLOTS = 5;
  public static final Duration LONGEST = Duration.ofHours(4);

  public enum Status {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    CANCELLED
  }

  /** One time the interview could take place. */
  public record Slot(Instant start, Instant end) {
    public Slot {
      if (start == null || end == null) {
        throw new DomainException.InvalidValue("a slot needs its start and end");
      }
      if (!end.isAfter(start)) {
        throw new DomainException.InvalidValue("a slot must end after it starts");
      }
      if (Duration.between(start, end).compareTo(LONGEST) > 0) {
        throw new DomainException.InvalidValue("a slot is at most 4 hours");
      }
    }
  }

  public InterviewProposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(status, "status");
    slots = slots == null ? List.of() : List.copyOf(slots);
    location = Texts.optional(location, "location", 200);
    meetingUrl = Texts.optional(meetingUrl, "meetingUrl", 500);
    if (meetingUrl != null && !meetingUrl.matches("https://\\S+")) {
      throw new DomainException.InvalidValue(
          "meetingUrl", "meetingUrl must be an https:// address");
    }
  }

  /** A proposal of 1 to 5 distinct future slots. */
  public static InterviewProposal propose(
      UUID applicationId,
      List<Slot> slots,
      String location,
      String meetingUrl,
      String proposedBy,
      Instant now) {
    if (slots == null || slots.isEmpty() || slots.size() > MAX_SLOTS) {
      throw new DomainException.InvalidValue(
          "slots", "slots: propose 1 to " + MAX_SLOTS + " times");
    }
    Set<Slot> distinct = new HashSet<>(slots);
    if (distinct.size() != slots.size()) {
      throw new DomainException.InvalidValue("slots", "slots: the same time is proposed twice");
    }
    for (Slot slot : slots) {
      if (!slot.start().isAfter(now)) {
        throw new DomainException.InvalidValue(
            "slots", "slots: " + slot.start() + " is not in the future");
      }
    }
    return new InterviewProposal(
        UUID.randomUUID(),
        applicationId,
        slots,
        location,
        meetingUrl,
        Status.PROPOSED,
        null,
        null,
        proposedBy,
        now,
        null);
  }

  /** The freelancer takes the slot starting at {@code start}. */
  public InterviewProposal accept(Instant start, Instant now) {
    requireOpen();
    Slot slot =
        slots.stream()
            .filter(s -> s.start().equals(start))
            .findFirst()
            .orElseThrow(
                () ->
                    new DomainException.InvalidValue(
                        "start", "start: not one of the proposed times"));
    if (!slot.start().isAfter(now)) {
      throw new DomainException.Conflict("that time has passed; ask for new times");
    }
    return answered(Status.ACCEPTED, slot, null, now);
  }

  public InterviewProposal decline(String answer, Instant now) {
    requireOpen();
    return answered(Status.DECLINED, null, Texts.optional(answer, "answer", 1000), now);
  }

  public InterviewProposal cancel(Instant now) {
    requireOpen();
    return answered(Status.CANCELLED, null, null, now);
  }

  private void requireOpen() {
    if (status != Status.PROPOSED) {
      throw new DomainException.Conflict("the proposal is already " + status);
    }
  }

  private InterviewProposal answered(Status to, Slot slot, String text, Instant now) {
    return new InterviewProposal(
        id,
        applicationId,
        slots,
        location,
        meetingUrl,
        to,
        slot,
        text,
        proposedBy,
        proposedAt,
        now);
  }
}
