package io.proxima.hiring.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Times the tenant offers for an interview (面談); the freelancer picks one or declines, and the
 * tenant may withdraw the offer while it is open. The offered times are one JSON document.
 *
 * <p>Not filtered by Hibernate's tenant id: the freelancer reads and answers proposals across
 * tenants; row-level security decides who reaches which.
 */
@Entity
@Table(name = "interview_proposal")
public class InterviewProposal {

  public static final int MAX_SLOTS = 5;
  public static final Duration LONGEST = Duration.ofHours(4);

  public enum Status {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    CANCELLED
  }

  /** One time the interview could take place; stored as ISO-8601 instants. */
  public record Slot(
      @JsonFormat(shape = JsonFormat.Shape.STRING) Instant start,
      @JsonFormat(shape = JsonFormat.Shape.STRING) Instant end) {
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

  @Id private UUID id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  private List<Slot> slots;

  @Column(updatable = false)
  private String location;

  @Column(name = "meeting_url", updatable = false)
  private String meetingUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "chosen_start")
  private Instant chosenStart;

  @Column(name = "chosen_end")
  private Instant chosenEnd;

  private String answer;

  @Column(name = "proposed_by", nullable = false, updatable = false)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private Instant proposedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Version private long version;

  protected InterviewProposal() {
    // for JPA
  }

  /** A proposal of 1 to 5 distinct future slots, filed under the application's tenant. */
  public static InterviewProposal propose(
      JobApplication application,
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
    InterviewProposal proposal = new InterviewProposal();
    proposal.id = UUID.randomUUID();
    proposal.applicationId = Objects.requireNonNull(application.id(), "applicationId");
    proposal.tenantId = application.tenantId();
    proposal.freelancerSubject = application.freelancerSubject();
    proposal.slots = List.copyOf(slots);
    proposal.location = Texts.optional(location, "location", 200);
    String url = Texts.optional(meetingUrl, "meetingUrl", 500);
    if (url != null && !url.matches("https://\\S+")) {
      throw new DomainException.InvalidValue(
          "meetingUrl", "meetingUrl must be an https:// address");
    }
    proposal.meetingUrl = url;
    proposal.status = Status.PROPOSED;
    proposal.proposedBy = proposedBy;
    proposal.proposedAt = now;
    proposal.version = 1;
    return proposal;
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
    status = to;
    chosenStart = slot == null ? null : slot.start();
    chosenEnd = slot == null ? null : slot.end();
    answer = text;
    answeredAt = now;
    return this;
  }

  public UUID id() {
    return id;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public List<Slot> slots() {
    return List.copyOf(slots);
  }

  public String location() {
    return location;
  }

  public String meetingUrl() {
    return meetingUrl;
  }

  public Status status() {
    return status;
  }

  /** The slot the freelancer accepted, null until then. */
  public Slot chosen() {
    return chosenStart == null ? null : new Slot(chosenStart, chosenEnd);
  }

  public String answer() {
    return answer;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public Instant proposedAt() {
    return proposedAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InterviewProposal proposal && Objects.equals(id, proposal.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
