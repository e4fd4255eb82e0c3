package io.proxima.tenancy.application;

import io.proxima.identity.domain.PersonName;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.CompanyWorkspace;
import io.proxima.tenancy.domain.IdentityProvisioning;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.TenantRole;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.domain.WorkspaceRepository;
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

/** Members and company workspaces of the current tenant. */
@ApplicationScoped
public class TenantPeople {

  // The same words whether the workspace is elsewhere or nowhere: no echo, no existence leak.
  private static final String NO_SUCH_WORKSPACE = "There is no such company workspace.";

  /**
   * The characters Keycloak's person-name validator refuses, plus control, format (BOM, bidi),
   * separator and surrogate code points: a name that the identity provider would reject is a 400
   * here, before anything is created.
   */
  static final String PERSON_NAME =
      "[^<>&\"'$%!#?§;*~/\\\\\\|^=\\[\\]{}()\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}]+";

  public record Invitation(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = PERSON_NAME, message = "contains characters a name cannot have")
          String firstName,
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = PERSON_NAME, message = "contains characters a name cannot have")
          String lastName,
      @NotBlank String role,
      UUID workspaceId,
      @Pattern(regexp = "ja|en", message = "must be ja or en") String language) {

    String languageOrDefault() {
      return language == null ? "ja" : language;
    }
  }

  /**
   * An invitation whose link is in hand, to be mailed; the link's token exists only here and in the
   * mail.
   */
  public record IssuedInvitation(Tenant tenant, Membership membership, String token) {}

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final WorkspaceRepository workspaces;
  private final IdentityProvisioning provisioning;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  protected TenantPeople() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public TenantPeople(
      TenantRepository tenants,
      MembershipRepository memberships,
      WorkspaceRepository workspaces,
      IdentityProvisioning provisioning,
      TenantEdge edge,
      AuditLog audit) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.workspaces = workspaces;
    this.provisioning = provisioning;
    this.edge = edge;
    this.audit = audit;
  }

  @StaffOnly
  @Transactional
  public List<Membership> members() {
    List<Membership> members = memberships.members();
    members.forEach(this::settleActivation);
    return members;
  }

  /**
   * An invited account may have got its password another way (Keycloak's own password reset, an
   * operator): then it is active, and the invitation no longer pending.
   */
  void settleActivation(Membership membership) {
    if (membership.needsFirstPassword() && provisioning.canSignIn(membership.memberSubject())) {
      membership.accountActivated(clock.instant());
    }
  }

  /**
   * Invites a person (creating their Keycloak account when needed), gives them a role and issues
   * the link their invitation mail carries.
   */
  @StaffOnly(administrators = true)
  @Transactional
  public IssuedInvitation invite(@NotNull @Valid Invitation invitation) {
    TenantRole callerRole = edge.roleOfCaller().orElseThrow();
    Tenant tenant = currentTenant();
    TenantRole role = parseRole(invitation.role());
    UUID workspaceId = invitation.workspaceId();
    requireGrantable(tenant, callerRole, role, workspaceId);
    if (memberships.countMembers() >= tenant.plan().seats()) {
      throw new DomainException.QuotaExhausted(
          "the " + tenant.plan().wireName() + " plan has " + tenant.plan().seats() + " seats");
    }
    IdentityProvisioning.Invited invited =
        provisioning.invite(
            tenant.identity(),
            new IdentityProvisioning.Invitee(
                invitation.email(), invitation.firstName(), invitation.lastName()));
    if (memberships.findAnyBySubject(invited.subject()).isPresent()) {
      throw new DomainException.Conflict(invitation.email() + " is already a member or invited");
    }
    String displayName = PersonName.display(null, invitation.firstName(), invitation.lastName());
    // An account made by this invitation belongs here from the start; anyone who already had one
    // (a freelancer, another tenant's staff) is only offered the role and decides themselves.
    Membership membership =
        invited.newAccount()
            ? Membership.grant(
                invited.subject(),
                invitation.email(),
                displayName,
                role,
                workspaceId,
                clock.instant())
            : Membership.offer(
                invited.subject(),
                invitation.email(),
                displayName,
                role,
                workspaceId,
                clock.instant());
    if (invited.newAccount()) {
      membership.madeTheAccount();
    }
    String token = membership.issueInvitationLink(invitation.languageOrDefault(), clock.instant());
    memberships.store(membership);
    audit.record(
        "member.invited",
        tenant.id(),
        invitation.email(),
        "role=" + role.wireName() + " status=" + membership.status().name().toLowerCase());
    return new IssuedInvitation(tenant, membership, token);
  }

  /** A new link for a pending invitation (the old one stops working), to mail again. */
  @StaffOnly(administrators = true)
  @Transactional
  public IssuedInvitation reissueInvitation(@NotNull UUID memberId) {
    Tenant tenant = currentTenant();
    Membership membership = member(memberId);
    settleActivation(membership);
    String token = membership.issueInvitationLink(membership.invitationLanguage(), clock.instant());
    audit.record("member.invitation-reissued", tenant.id(), membership.email(), null);
    return new IssuedInvitation(tenant, membership, token);
  }

  /** The mail server took the invitation mail: the inviter can be told it was sent. */
  @Transactional
  public Membership invitationMailed(@NotNull UUID memberId) {
    Membership membership = member(memberId);
    membership.invitationMailed(clock.instant());
    audit.record("member.invitation-mailed", currentTenant().id(), membership.email(), null);
    return membership;
  }

  /** Gives a member another role; the tenant always keeps at least one administrator. */
  @StaffOnly(administrators = true)
  @Transactional
  public Membership changeRole(@NotNull UUID memberId, @NotBlank String role, UUID workspaceId) {
    Tenant tenant = currentTenant();
    TenantRole newRole = parseRole(role);
    TenantRole callerRole = edge.roleOfCaller().orElseThrow();
    requireGrantable(tenant, callerRole, newRole, workspaceId);
    Membership membership = member(memberId);
    if (callerRole == TenantRole.COMPANY_ADMIN && !membership.role().belongsToWorkspace()) {
      throw new DomainException.Refused("a company admin cannot change an agency role");
    }
    TenantRole before = membership.role();
    if (before.administers() && !newRole.administers()) {
      requireAnotherAdministrator(membership);
    }
    membership.changeRole(newRole, workspaceId);
    audit.record(
        "member.role-changed",
        tenant.id(),
        membership.email(),
        "from=" + before.wireName() + " to=" + newRole.wireName());
    return membership;
  }

  /**
   * Takes a person out of the tenant: their membership goes and they leave the tenant's
   * organization, but their account (which may serve other tenants) stays theirs.
   */
  @StaffOnly(administrators = true)
  @Transactional
  public void remove(@NotNull UUID memberId) {
    Tenant tenant = currentTenant();
    Membership membership = member(memberId);
    TenantRole callerRole = edge.roleOfCaller().orElseThrow();
    if (callerRole == TenantRole.COMPANY_ADMIN && !membership.role().belongsToWorkspace()) {
      throw new DomainException.Refused("a company admin cannot remove agency staff");
    }
    if (membership.role().administers()) {
      requireAnotherAdministrator(membership);
    }
    memberships.remove(membership);
    provisioning.dismiss(tenant.identity(), membership.memberSubject());
    audit.record(
        "member.removed", tenant.id(), membership.email(), "role=" + membership.role().wireName());
  }

  /** What an invitation link stands for, shown before the invitee acts on it. */
  public record InvitationLink(
      String email, String displayName, TenantRole role, boolean needsPassword) {}

  /** Anyone holding a valid link may see whom it invites; anything else is one 404. */
  @Transactional
  public InvitationLink inspectInvitationLink(@NotBlank @Size(max = 200) String token) {
    Membership membership = byLink(token);
    return new InvitationLink(
        membership.email(),
        membership.displayName(),
        membership.role(),
        membership.needsFirstPassword());
  }

  /**
   * The invitee follows the link and chooses the first password of the account the invitation made;
   * the link is spent. Someone who already had an account signs in and accepts instead.
   */
  @Transactional
  public Membership activateThroughLink(
      @NotBlank @Size(max = 200) String token,
      @NotBlank @Size(min = 10, max = 128) String password) {
    Membership membership = byLink(token);
    if (!membership.needsFirstPassword()) {
      throw new DomainException.Conflict(
          "this invitation is for an existing account: sign in and accept it");
    }
    if (password.strip().equalsIgnoreCase(membership.email())) {
      throw new DomainException.InvalidValue("password", "the password cannot be the e-mail");
    }
    provisioning.activateAccount(membership.memberSubject(), password);
    membership.accountActivated(clock.instant());
    audit.record("member.activated", currentTenant().id(), membership.email(), null);
    return membership;
  }

  private Membership byLink(String token) {
    return memberships
        .findByInvitationTokenHash(Membership.hashOf(token))
        .filter(membership -> membership.invitationLinkValid(clock.instant()))
        .orElseThrow(
            () ->
                new DomainException.NotFound(
                    "This invitation link is not valid any more; ask for a new invitation."));
  }

  /**
   * Whether the caller may give {@code role} in this tenant, with this workspace: the same rules
   * for an invitation and for a change of role.
   */
  private void requireGrantable(
      Tenant tenant, TenantRole callerRole, TenantRole role, UUID workspaceId) {
    if (tenant.type() == TenantType.COMPANY && !role.belongsToWorkspace()) {
      throw new DomainException.InvalidValue("role", "a company tenant has company roles only");
    }
    if (callerRole == TenantRole.COMPANY_ADMIN && !role.belongsToWorkspace()) {
      throw new DomainException.Refused("a company admin cannot grant agency roles");
    }
    if (workspaceId != null && workspaces.findById(workspaceId).isEmpty()) {
      throw new DomainException.NotFound(NO_SUCH_WORKSPACE);
    }
    if (tenant.type() == TenantType.AGENCY && role.belongsToWorkspace() && workspaceId == null) {
      throw new DomainException.InvalidValue(
          "workspaceId", "company roles in an agency need a workspaceId");
    }
  }

  private Membership member(UUID memberId) {
    return memberships
        .findById(memberId)
        .orElseThrow(() -> new DomainException.NotFound("There is no such member."));
  }

  private void requireAnotherAdministrator(Membership leaving) {
    long admins = memberships.countActive(leaving.role());
    if (leaving.isActive() && admins <= 1) {
      throw new DomainException.Conflict(
          "the tenant needs at least one administrator; make someone else one first");
    }
  }

  /** The caller takes up the role this tenant offered them. */
  @Transactional
  public Membership acceptInvitation() {
    Tenant tenant = currentTenant();
    Membership membership = invitationOfCaller();
    membership.accept(clock.instant());
    provisioning.admit(tenant.identity(), membership.memberSubject());
    audit.record(
        "member.joined", tenant.id(), membership.email(), "role=" + membership.role().wireName());
    return membership;
  }

  /** The caller turns down the role this tenant offered them; nothing of it stays. */
  @Transactional
  public void declineInvitation() {
    Tenant tenant = currentTenant();
    Membership membership = invitationOfCaller();
    memberships.remove(membership);
    audit.record("member.declined", tenant.id(), membership.email(), null);
  }

  private Membership invitationOfCaller() {
    return memberships
        .findAnyBySubject(TenancyContext.current().requireSubject())
        .filter(membership -> !membership.isActive())
        // The words of the tenant edge: someone without an invitation cannot tell from the answer
        // whether the tenant exists.
        .orElseThrow(() -> new DomainException.NotFound("There is no such workspace."));
  }

  @StaffOnly
  @Transactional
  public List<CompanyWorkspace> workspaces() {
    return workspaces.all();
  }

  @StaffOnly(administrators = true)
  @Transactional
  public CompanyWorkspace openWorkspace(@NotBlank @Size(max = 120) String name) {
    TenantRole role = edge.roleOfCaller().orElseThrow();
    Tenant tenant = currentTenant();
    if (tenant.type() != TenantType.AGENCY || role != TenantRole.AGENCY_ADMIN) {
      throw new DomainException.Refused("only an agency admin opens company workspaces");
    }
    if (workspaces.nameTaken(name)) {
      throw new DomainException.Conflict("a workspace named " + name.strip() + " exists");
    }
    CompanyWorkspace workspace = CompanyWorkspace.open(name, clock.instant());
    workspaces.store(workspace);
    audit.record("workspace.opened", tenant.id(), workspace.name(), null);
    return workspace;
  }

  @StaffOnly
  @Transactional
  public CompanyWorkspace workspace(@NotNull UUID id) {
    return workspaces
        .findById(id)
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_WORKSPACE));
  }

  private Tenant currentTenant() {
    return tenants.findById(TenancyContext.current().requireTenant()).orElseThrow();
  }

  private static TenantRole parseRole(String role) {
    try {
      return TenantRole.fromWireName(role);
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue(
          "role", "role must be agency-admin, recruiter, company-admin or company-member");
    }
  }
}
