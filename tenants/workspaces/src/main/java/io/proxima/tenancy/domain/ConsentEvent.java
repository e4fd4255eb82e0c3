package io.proxima.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the consent-and-purpose log: a consent given, revoked or ended, with what it shared
 * and the purpose as the freelancer was shown it at that moment. Entries are never changed (the
 * table refuses updates and deletes, except the person's own erasure), so the log says what was
 * agreed to even after the tenant changes its purpose.
 */
@Entity
@Immutable
@Table(name = "consent_event")
public class ConsentEvent {

  /** What happened to the consent. */
  public enum Kind {
    /** First shared with this tenant. */
    GIVEN,
    /** Shared again after stopping. */
    GIVEN_AGAIN,
    /** Shared by accepting the tenant's talent invitation. */
    GIVEN_BY_INVITATION,
    /** The freelancer stopped sharing. */
    REVOKED,
    /** Ended because the freelancer deleted their account (the tenant's entry, by pseudonym). */
    ENDED_BY_ERASURE,
    /** Ended because the tenant was deleted. */
    ENDED_BY_TENANT_DELETION;

    /** Whether the consent was in force after this entry. */
    public boolean gives() {
      return this == GIVEN || this == GIVEN_AGAIN || this == GIVEN_BY_INVITATION;
    }
  }

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Column(name = "consent_id", updatable = false)
  private UUID consentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "shared_items", nullable = false, updatable = false)
  private List<String> sharedItems;

  @Column(name = "purpose", updatable = false)
  private String purpose;

  protected ConsentEvent() {
    // for JPA
  }

  /**
   * The entry for a consent just given: {@link Kind#GIVEN_BY_INVITATION} through an invitation,
   * {@link Kind#GIVEN_AGAIN} when the freelancer had shared with the tenant before, else {@link
   * Kind#GIVEN}.
   */
  public static ConsentEvent given(Consent consent, boolean sharedBefore) {
    Kind kind =
        consent.givenVia() == Consent.Channel.INVITATION
            ? Kind.GIVEN_BY_INVITATION
            : sharedBefore ? Kind.GIVEN_AGAIN : Kind.GIVEN;
    return of(consent, kind, consent.grantedAt());
  }

  /** The entry for a consent the freelancer revoked, with the terms it had been given on. */
  public static ConsentEvent revoked(Consent consent) {
    if (consent.isActive()) {
      throw new IllegalStateException("consent " + consent.id() + " is not revoked");
    }
    return of(consent, Kind.REVOKED, consent.revokedAt());
  }

  /** The entry for a consent that ended without the freelancer revoking it. */
  public static ConsentEvent ended(Consent consent, Kind kind, Instant now) {
    if (kind != Kind.ENDED_BY_TENANT_DELETION && kind != Kind.ENDED_BY_ERASURE) {
      throw new IllegalArgumentException(kind + " is not an end");
    }
    return of(consent, kind, now);
  }

  private static ConsentEvent of(Consent consent, Kind kind, Instant at) {
    ConsentEvent event = new ConsentEvent();
    event.id = UUID.randomUUID();
    event.occurredAt = Objects.requireNonNull(at);
    event.tenantId = consent.tenantId();
    event.freelancerSubject = consent.freelancerSubject();
    event.consentId = consent.id();
    event.kind = kind;
    ConsentTerms terms = consent.terms();
    event.sharedItems = terms.items().stream().map(SharedItem::name).toList();
    event.purpose = terms.purpose();
    return event;
  }

  public UUID id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public UUID consentId() {
    return consentId;
  }

  public Kind kind() {
    return kind;
  }

  /** What was shared and the purpose, as recorded at the time of this entry. */
  public ConsentTerms terms() {
    return new ConsentTerms(SharedItems.read(sharedItems), purpose);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsentEvent event && Objects.equals(id, event.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
