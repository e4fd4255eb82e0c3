package io.proxima.signup.application;

import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.signup.domain.InviteeAccounts;
import io.proxima.signup.domain.TalentInvitation;
import io.proxima.signup.domain.TalentInvitationRepository;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  private static final Logger LOG = Logger.getLogger(TalentPool.class.getName());
  private static final int LIST_LIMIT = 500;
  private static final String NO_SUCH_INVITATION = "There is no such invitation.";
  private static final String INVALID_LINK =
      "This invitation link is not valid any more; ask the agency for a new invitation.";

  private final TalentInvitationRepository invitations;
  private final TenantRepository tenants;
  private final Consents consents;
  private final AuditLog audit;
  private final InviteeAccounts accounts;
  private final Event<PlatformEvent> events;
  private final Clock clock = Clock.systemUTC();

  protected TalentPool() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public TalentPool(
      TalentInvitationRepository invitations,
      TenantRepository tenants,
      Consents consents,
      AuditLog audit,
      InviteeAccounts accounts,
      Event<PlatformEvent> events) {
    this.invitations = invitations;
    this.tenants = tenants;
    this.consents = consents;
    this.audit = audit;
    this.accounts = accounts;
    this.events = events;
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
      tellAccountHolder(tenant, pending.get());
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
    tellAccountHolder(tenant, issued.invitation());
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
    tellAccountHolder(tenant, invitation);
    return new Issued(tenant, invitation, token);
  }

  /**
   * Someone who already has an account hears of the invitation in the app too, where they can
   * answer it signed in. Only an account that proved the address: an unverified one may have been
   * opened with someone else's address. The event commits with the invitation; when the identity
   * provider cannot be asked, the mail alone carries the invitation.
   */
  private void tellAccountHolder(Tenant tenant, TalentInvitation invitation) {
    Optional<String> holder;
    try {
      holder = accounts.verifiedOwnerOf(invitation.email());
    } catch (InviteeAccounts.Unavailable e) {
      LOG.log(
          Level.WARNING,
          "Talent invitation " + invitation.id() + " goes by mail only: " + e.getMessage(),
          e);
      return;
    }
    holder.ifPresent(
        subject ->
            events.fire(
                PlatformEvent.toPerson(
                    PlatformEventType.CONSENT_REQUESTED,
                    tenant.id(),
                    invitation.id(),
                    subject,
                    Map.of(
                        "tenantName",
                        tenant.branding().displayName(),
                        "invitationId",
                        invitation.id().toString()),
                    clock.instant())));
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
  public Link accept(@NotBlank @Size(max = 200) String token, String termsVersion) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant = currentTenant();
    return accepted(subject, tenant, byLink(token), termsVersion);
  }

  /** The invitee declines; signed in or not, nothing is shared. */
  @Transactional
  public Link decline(@NotBlank @Size(max = 200) String token) {
    Tenant tenant = currentTenant();
    TalentInvitation invitation = byLink(token);
    return declined(tenant, invitation, TenancyContext.current().subject());
  }

  // ---- the invitee, signed in, without the mail's link ------------------------------------------

  /** An invitation as the invitee sees it in the app, with the tenant that sent it. */
  public record Addressed(Tenant tenant, TalentInvitation invitation) {}

  /**
   * Live invitations to a verified address, in every tenant; run in the platform's scope, as the
   * invitee has no tenant of their own here.
   */
  @Transactional
  public List<Addressed> addressedTo(@NotBlank @Email @Size(max = 320) String verifiedEmail) {
    return invitations.answerableTo(verifiedEmail, clock.instant(), LIST_LIMIT).stream()
        .map(invitation -> new Addressed(tenantOf(invitation), invitation))
        .toList();
  }

  /** One live invitation to a verified address, in any tenant; platform scope as above. */
  @Transactional
  public Optional<Addressed> addressedTo(
      @NotNull UUID invitationId, @NotBlank @Email @Size(max = 320) String verifiedEmail) {
    return findAddressed(invitationId, verifiedEmail)
        .map(invitation -> new Addressed(tenantOf(invitation), invitation));
  }

  /**
   * The invitee accepts in the app, in the invitation's tenant: the same consent as through the
   * link, in one transaction with the answer.
   */
  @Transactional
  public Link acceptAddressed(
      @NotNull UUID invitationId,
      @NotBlank @Email @Size(max = 320) String verifiedEmail,
      String termsVersion) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant = currentTenant();
    return accepted(subject, tenant, addressedInTenant(invitationId, verifiedEmail), termsVersion);
  }

  /** The invitee declines in the app; nothing is shared. */
  @Transactional
  public Link declineAddressed(
      @NotNull UUID invitationId, @NotBlank @Email @Size(max = 320) String verifiedEmail) {
    Tenant tenant = currentTenant();
    TalentInvitation invitation = addressedInTenant(invitationId, verifiedEmail);
    return declined(tenant, invitation, TenancyContext.current().requireSubject());
  }

  /**
   * Accepting gives the consent, in the transaction of the answer, whichever way it came; terms
   * changed since the page showed them refuse both (the invitation stays open).
   */
  private Link accepted(
      String subject, Tenant tenant, TalentInvitation invitation, String termsVersion) {
    invitation.accept(subject, clock.instant());
    consents.giveThroughInvitation(tenant.slug().value(), termsVersion);
    audit.record("talent.invitation-accepted", tenant.id(), invitation.email(), null);
    return new Link(tenant, invitation);
  }

  private Link declined(Tenant tenant, TalentInvitation invitation, String subject) {
    invitation.decline(subject, clock.instant());
    audit.record("talent.invitation-declined", tenant.id(), invitation.email(), null);
    return new Link(tenant, invitation);
  }

  private TalentInvitation addressedInTenant(UUID invitationId, String verifiedEmail) {
    return findAddressed(invitationId, verifiedEmail)
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVITATION));
  }

  private Optional<TalentInvitation> findAddressed(UUID invitationId, String verifiedEmail) {
    return invitations
        .findById(invitationId)
        .filter(invitation -> isAddressedTo(invitation, verifiedEmail));
  }

  private boolean isAddressedTo(TalentInvitation invitation, String verifiedEmail) {
    return invitation.answerable(clock.instant())
        && invitation
            .email()
            .toLowerCase(Locale.ROOT)
            .equals(verifiedEmail.strip().toLowerCase(Locale.ROOT));
  }

  private Tenant tenantOf(TalentInvitation invitation) {
    return tenants
        .findById(invitation.tenantId())
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVITATION));
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
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVITATION));
  }

  private Tenant currentTenant() {
    return tenants
        .findById(TenancyContext.current().requireTenant())
        .orElseThrow(() -> new DomainException.NotFound("no such tenant"));
  }
}
