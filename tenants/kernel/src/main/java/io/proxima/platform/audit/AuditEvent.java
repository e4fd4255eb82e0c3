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

  // Filled in by the database's chain trigger, whatever a writer sends; see V12__audit_chain.sql.
  @Column(name = "chain_key", insertable = false, updatable = false)
  private String chainKey;

  @Column(name = "chain_seq", insertable = false, updatable = false)
  private Long chainSeq;

  @Column(name = "hash", insertable = false, updatable = false)
  private byte[] hash;

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

  /** The tenant id, or {@code platform}; null on an entity persisted in this transaction. */
  public String chainKey() {
    return chainKey;
  }

  public Long chainSeq() {
    return chainSeq;
  }

  public byte[] hash() {
    return hash == null ? null : hash.clone();
  }
}
