package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person's role in one tenant; company roles belong to a workspace. */
@Entity
@Table(name = "membership")
public class Membership {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "member_subject", nullable = false, updatable = false)
  private String memberSubject;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name")
  private String displayName;

  @Convert(converter = RoleColumn.class)
  @Column(nullable = false)
  private TenantRole role;

  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  /** Whether the person took up the membership; an invitation grants nothing. */
  public enum Status {
    ACTIVE,
    INVITED
  }

  @Version private long version;

  protected Membership() {
    // for JPA
  }

  /**
   * @param workspaceId required for company roles inside an agency, absent for agency roles
   */
  public static Membership grant(
      String memberSubject,
      String email,
      String displayName,
      TenantRole role,
      UUID workspaceId,
      Instant now) {
    if (memberSubject == null || memberSubject.isBlank()) {
      throw new IllegalArgumentException("member subject required");
    }
    if (!role.belongsToWorkspace() && workspaceId != null) {
      throw new DomainException.InvalidValue(role.wireName() + " does not belong to a workspace");
    }
    Membership membership = new Membership();
    membership.id = UUID.randomUUID();
    membership.memberSubject = memberSubject;
    membership.email = email;
    membership.displayName = displayName;
    membership.role = role;
    membership.workspaceId = workspaceId;
    membership.createdAt = now;
    membership.status = Status.ACTIVE;
    membership.acceptedAt = now;
    return membership;
  }

  /**
   * A role offered to someone who already has an account: it counts against the tenant's seats but
   * gives no access until they {@link #accept} it.
   */
  public static Membership offer(
      String memberSubject,
      String email,
      String displayName,
      TenantRole role,
      UUID workspaceId,
      Instant now) {
    Membership membership = grant(memberSubject, email, displayName, role, workspaceId, now);
    membership.status = Status.INVITED;
    membership.acceptedAt = null;
    return membership;
  }

  /** The invitee takes up the role offered. */
  public void accept(Instant now) {
    if (status != Status.INVITED) {
      throw new DomainException.Conflict("this invitation was already accepted");
    }
    status = Status.ACTIVE;
    acceptedAt = now;
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public Status status() {
    return status;
  }

  /** For the tenant console, which works across tenants and must name the tenant itself. */
  public static Membership grantInTenant(
      UUID tenantId,
      String memberSubject,
      String email,
      String displayName,
      TenantRole role,
      UUID workspaceId,
      Instant now) {
    Membership membership = grant(memberSubject, email, displayName, role, workspaceId, now);
    membership.tenantId = Objects.requireNonNull(tenantId);
    return membership;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String memberSubject() {
    return memberSubject;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public TenantRole role() {
    return role;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Membership membership && Objects.equals(id, membership.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  /** Stores roles by their wire names ({@code agency-admin}), as the API spells them. */
  @Converter
  public static class RoleColumn implements AttributeConverter<TenantRole, String> {
    @Override
    public String convertToDatabaseColumn(TenantRole role) {
      return role == null ? null : role.wireName();
    }

    @Override
    public TenantRole convertToEntityAttribute(String value) {
      return value == null ? null : TenantRole.fromWireName(value);
    }
  }
}
