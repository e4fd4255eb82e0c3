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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
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

  @Column(name = "invitation_token_hash")
  private String invitationTokenHash;

  @Column(name = "invitation_expires_at")
  private Instant invitationExpiresAt;

  @Column(name = "invitation_mailed_at")
  private Instant invitationMailedAt;

  @Column(name = "invitation_language", nullable = false)
  private String invitationLanguage = "ja";

  @Column(name = "invited_new_account", nullable = false)
  private boolean invitedNewAccount;

  @Column(name = "account_activated_at")
  private Instant accountActivatedAt;

  /** How long an invitation link works: a week, as colleagues are often away for days. */
  public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

  private static final SecureRandom TOKENS = new SecureRandom();

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
    forgetInvitationLink();
  }

  /**
   * Marks the membership as the one that made the person's account: until they set a password
   * through the invitation link, the account cannot sign in and the invitation is pending.
   */
  public void madeTheAccount() {
    invitedNewAccount = true;
  }

  /**
   * Whether the person still has to act on the invitation: accept an offered role, or set the first
   * password of an account the invitation made.
   */
  public boolean invitationPending() {
    return status == Status.INVITED || (invitedNewAccount && accountActivatedAt == null);
  }

  /** Whether following the invitation link sets the account's first password. */
  public boolean needsFirstPassword() {
    return invitedNewAccount && accountActivatedAt == null;
  }

  /**
   * A new one-time link for the invitation mail; any earlier link stops working. Only the link's
   * SHA-256 is kept, so a leaked database does not let anyone in.
   *
   * @return the token to put in the link, shown nowhere else
   */
  public String issueInvitationLink(String language, Instant now) {
    if (!invitationPending()) {
      throw new DomainException.Conflict(email + " has already joined");
    }
    if (!"ja".equals(language) && !"en".equals(language)) {
      throw new DomainException.InvalidValue("language", "language must be ja or en");
    }
    byte[] random = new byte[32];
    TOKENS.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    invitationTokenHash = hashOf(token);
    invitationExpiresAt = now.plus(INVITATION_VALIDITY);
    invitationMailedAt = null;
    invitationLanguage = language;
    return token;
  }

  /** The mail server took the invitation mail. */
  public void invitationMailed(Instant now) {
    invitationMailedAt = now;
  }

  /** Whether {@code token} is this membership's current, unexpired invitation link. */
  public boolean invitationLinkValid(Instant now) {
    return invitationTokenHash != null && now.isBefore(invitationExpiresAt);
  }

  /** The invitee set their first password through the link: the account can sign in now. */
  public void accountActivated(Instant now) {
    if (!needsFirstPassword()) {
      throw new DomainException.Conflict("this invitation was already used");
    }
    accountActivatedAt = now;
    forgetInvitationLink();
  }

  private void forgetInvitationLink() {
    invitationTokenHash = null;
    invitationExpiresAt = null;
  }

  /** Gives the member another role; company roles carry their workspace. */
  public void changeRole(TenantRole newRole, UUID newWorkspaceId) {
    if (!newRole.belongsToWorkspace() && newWorkspaceId != null) {
      throw new DomainException.InvalidValue(
          "workspaceId", newRole.wireName() + " does not belong to a workspace");
    }
    role = newRole;
    workspaceId = newWorkspaceId;
  }

  /** The lookup key of a link's token, as stored. */
  public static String hashOf(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Instant> invitationMailedAt() {
    return Optional.ofNullable(invitationMailedAt);
  }

  public Optional<Instant> invitationExpiresAt() {
    return Optional.ofNullable(invitationExpiresAt);
  }

  public String invitationLanguage() {
    return invitationLanguage;
  }

  public long version() {
    return version;
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
