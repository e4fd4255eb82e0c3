package io.proxima.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One entry of the append-only audit log: who did what, when, from where. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_subject")
  private String actorSubject;

  @Column(name = "actor_name")
  private String actorName;

  @Column(nullable = false)
  private String action;

  @Column(name = "tenant_id")
  private UUID tenantId;

  private String target;

  @Column(name = "source_ip")
  private String sourceIp;

  @Column(name = "request_id")
  private String requestId;

  private String details;

  protected AuditEvent() {
    // for JPA
  }

  public AuditEvent(
      Instant occurredAt,
      String actorSubject,
      String actorName,
      String action,
      UUID tenantId,
      String target,
      String sourceIp,
      String requestId,
      String details) {
    this.occurredAt = occurredAt;
    this.actorSubject = actorSubject;
    this.actorName = actorName;
    this.action = action;
    this.tenantId = tenantId;
    this.target = target;
    this.sourceIp = sourceIp;
    this.requestId = requestId;
    this.details = details;
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actorSubject() {
    return actorSubject;
  }

  public String actorName() {
    return actorName;
  }

  public String action() {
    return action;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String target() {
    return target;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String requestId() {
    return requestId;
  }

  public String details() {
    return details;
  }
}
