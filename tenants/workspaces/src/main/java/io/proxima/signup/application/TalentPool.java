package io.proxima.signup.application;

import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.signup.domain.TalentInvitation;
import io.proxima.signup.domain.TalentInvitationRepository;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's invitations of freelancers into its talent pool, and the freelancer's answer. The
 * tenant learns nothing about the freelancer until they accept, and accepting is the freelancer's
 * own consent, given through {@link Consents} like any other.
 */
@ApplicationScoped
public class TalentPool {

  /**
   * Characters a person's name cannot hold: markup and quoting, control, format (BOM, bidi),
   * separators and surrogates, as the staff invitation refuses them.
   */
  static final String PERSON_NAME =
      "[^<>&\"'$%!#?§;*~/\\\\\\|^=\\[\\]{}()\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}]+";

  /** What staff fill in; names are optional (an address is enough to invite). */
  public record Invite(
      @NotBlank @Email @Size(max = 320) String email,
      @Size(max = 100)
          @Pattern(regexp = PERSON_NAME, message = "contains characters a name cannot have")
          String familyName,
      @Size(max = 100)
          @Pattern(regexp = PERSON_NAME, message = "contains characters a name cannot have")
          String givenName,
      @Pattern(regexp = "ja|en", message = "must be ja or en") String language) {}

  /** An invitation whose link is in hand, to be mailed. */
  public record Issued(Tenant tenant, TalentInvitation invitation, String token) {}

  /** What the person following a link is shown before they answer. */
  public record Link(Tenant tenant, TalentInvitation invitation) {}

  private static final int LIST_LIMIT = 500;
  private static final String INVALID_LINK =
      "This invitation link is not valid any more; ask the agency for a new invitation.";

  private final TalentInvitationRepository invitations;
  private final TenantRepository tenants;
  private final Consents consents;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  protected TalentPool() {
    this(null, null, null, null);
  }

  @Inject
  public TalentPool(
      TalentInvitationRepository invitations,
      TenantRepository tenants,
      Consents consents,
      AuditLog audit) {
    this.invitations = invitations;
    this.tenants = tenants;
    this.consents = consents;
    this.audit = audit;
  }

  /** Invites an address; inviting an address with a pending invitation sends a new link. */
  @StaffOnly
  @Transactional
  public Issued invite(@NotNull @Valid Invite invite) {
    String staff = TenancyContext.current().requireSubject();
    Tenant tenant = currentTenant();
    if (!tenant.isActive()) {
      throw new DomainException.TenantSuspended(tenant.slug().value());
    }
    var pending = invitations.findPendingTo(invite.email());
    if (pending.isPresent()) {
      String token = pending.get().reissue(staff, clock.instant());
      audit.record("talent.invitation-reissued", tenant.id(), pending.get().email(), null);
      return new Issued(tenant, pending.get(), token);
    }
    TalentInvitation.Issued issued =
        TalentInvitation.invite(
            invite.email(),
            invite.familyName(),
            invite.givenName(),
            invite.language(),
            staff,
            clock.instant());
    invitations.store(issued.invitation());
    audit.record("talent.invited", tenant.id(), issued.invitation().email(), null);
    return new Issued(tenant, issued.invitation(), issued.token());
  }

  /** A new link for a pending or expired invitation; the old link stops working. */
  @StaffOnly
  @Transactional
  public Issued reissue(@NotNull UUID invitationId) {
    Tenant tenant = currentTenant();
    TalentInvitation invitation = invitation(invitationId);
    String token = invitation.reissue(TenancyContext.current().requireSubject(), clock.instant());
    audit.record("talent.invitation-reissued", tenant.id(), invitation.email(), null);
    return new Issued(tenant, invitation, token);
  }

  /** The mail server took the invitation mail. */
  @Transactional
  public TalentInvitation mailed(@NotNull UUID invitationId) {
    TalentInvitation invitation = invitation(invitationId);
    invitation.mailed(clock.instant());
    return invitation;
  }

  /** Staff take a pending invitation back; its link stops working. */
  @StaffOnly
  @Transactional
  public TalentInvitation revoke(@NotNull UUID invitationId) {
    TalentInvitation invitation = invitation(invitationId);
    invitation.revoke(TenancyContext.current().requireSubject(), clock.instant());
    audit.record("talent.invitation-revoked", currentTenant().id(), invitation.email(), null);
    return invitation;
  }

  /** Every invitation of the tenant, newest first. */
  @StaffOnly
  @Transactional
  public List<TalentInvitation> list() {
    return invitations.all(LIST_LIMIT);
  }

  @StaffOnly
  @Transactional
  public TalentInvitation get(@NotNull UUID invitationId) {
    return invitation(invitationId);
  }

  /** Whom a link invites and from which tenant; anyone holding the link may look. */
  @Transactional
  public Link inspect(@NotBlank @Size(max = 200) String token) {
    return new Link(currentTenant(), byLink(token));
  }

  /**
   * The signed-in freelancer accepts: the invitation is answered and their profile shared with the
   * tenant, in one transaction, so there is never one without the other.
   */
  @Transactional
  public Link accept(@NotBlank @Size(max = 200) String token) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant = currentTenant();
    TalentInvitation invitation = byLink(token);
    invitation.accept(subject, clock.instant());
    consents.give(tenant.slug().value());
    audit.record("talent.invitation-accepted", tenant.id(), invitation.email(), null);
    return new Link(tenant, invitation);
  }

  /** The invitee declines; signed in or not, nothing is shared. */
  @Transactional
  public Link decline(@NotBlank @Size(max = 200) String token) {
    Tenant tenant = currentTenant();
    TalentInvitation invitation = byLink(token);
    invitation.decline(TenancyContext.current().subject(), clock.instant());
    audit.record("talent.invitation-declined", tenant.id(), invitation.email(), null);
    return new Link(tenant, invitation);
  }

  private TalentInvitation byLink(String token) {
    return invitations
        .findByTokenHash(TalentInvitation.hashOf(token))
        .filter(invitation -> invitation.answerable(clock.instant()))
        .orElseThrow(() -> new DomainException.NotFound(INVALID_LINK));
  }

  private TalentInvitation invitation(UUID id) {
    return invitations
        .findById(id)
        .orElseThrow(() -> new DomainException.NotFound("There is no such invitation."));
  }

  private Tenant currentTenant() {
    return tenants
        .findById(TenancyContext.current().requireTenant())
        .orElseThrow(() -> new DomainException.NotFound("no such tenant"));
  }
}
