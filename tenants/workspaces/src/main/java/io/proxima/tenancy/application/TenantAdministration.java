package io.proxima.tenancy.application;

import io.proxima.identity.domain.PersonName;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.IdentityProvisioning;
import io.proxima.tenancy.domain.IdentityProvisioning.Invitee;
import io.proxima.tenancy.domain.IdentityProvisioning.ProvisionedTenant;
import io.proxima.tenancy.domain.IdentityProvisioning.TenantProvisioningRequest;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.PortalAddresses;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.TenantRole;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantSuspended;
import io.proxima.tenancy.domain.TenantType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenant console's use cases. Runs in the platform scope; every change is audited. */
@ApplicationScoped
public class TenantAdministration {

  /** A new tenant as the console submits it. */
  public record NewTenant(
      @NotBlank @Size(max = 40) String slug,
      @NotNull TenantType type,
      @NotNull @Valid BrandingInput branding,
      String plan,
      @NotNull @Valid FirstAdmin firstAdmin) {}

  public record BrandingInput(
      @NotBlank @Size(max = 120) String displayName,
      @Size(max = 2048) String logoUrl,
      String primaryColor,
      String accentColor,
      @Size(max = 10) List<@NotBlank @Size(max = 253) String> hostNames) {

    Branding toBranding() {
      return new Branding(displayName, logoUrl, primaryColor, accentColor, hostNames);
    }
  }

  public record FirstAdmin(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName) {}

  /** A tenant with its usage, as the console lists it. */
  public record TenantOverview(Tenant tenant, TenantRepository.Usage usage) {}

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final IdentityProvisioning provisioning;
  private final AuditLog audit;
  private final String portalBaseUrl;
  private final String baseDomain;
  private final Event<TenantSuspended> suspensions;
  private final Clock clock = Clock.systemUTC();

  protected TenantAdministration() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public TenantAdministration(
      TenantRepository tenants,
      MembershipRepository memberships,
      IdentityProvisioning provisioning,
      AuditLog audit,
      @ConfigProperty(name = "proxima.portal.base-url") String portalBaseUrl,
      @ConfigProperty(name = "proxima.tenancy.base-domain") String baseDomain,
      Event<TenantSuspended> suspensions) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.provisioning = provisioning;
    this.audit = audit;
    this.portalBaseUrl = portalBaseUrl;
    this.baseDomain = baseDomain;
    this.suspensions = suspensions;
  }

  /**
   * Registers the tenant, provisions its organization, client and first admin in Keycloak, and
   * makes that admin a member. Provisioning is idempotent, so a request that failed after it can
   * simply be sent again.
   */
  @Transactional
  public Tenant create(@NotNull @Valid NewTenant request) {
    TenantSlug slug = new TenantSlug(request.slug());
    if (tenants.slugTaken(slug.value())) {
      throw new DomainException.Conflict("the slug " + slug + " is taken");
    }
    Branding branding = request.branding().toBranding();
    Plan plan = request.plan() == null ? Plan.FREE : Plan.fromWireName(request.plan());
    Tenant tenant = Tenant.register(slug, request.type(), branding, plan, clock.instant());
    requireHostsFree(tenant.id(), branding);
    FirstAdmin admin = request.firstAdmin();
    ProvisionedTenant provisioned =
        provisioning.provision(
            new TenantProvisioningRequest(
                slug,
                request.type(),
                branding,
                new Invitee(admin.email(), admin.firstName(), admin.lastName()),
                PortalAddresses.of(portalBaseUrl, baseDomain, slug)));
    tenant.linkIdentity(provisioned);
    tenants.store(tenant);
    TenantRole adminRole =
        request.type() == TenantType.AGENCY ? TenantRole.AGENCY_ADMIN : TenantRole.COMPANY_ADMIN;
    Membership firstAdmin =
        Membership.grantInTenant(
            tenant.id(),
            provisioned.firstAdminUserId(),
            admin.email(),
            PersonName.display(null, admin.firstName(), admin.lastName()),
            adminRole,
            null,
            clock.instant());
    if (!provisioning.canSignIn(provisioned.firstAdminUserId())) {
      firstAdmin.madeTheAccount();
    }
    memberships.store(firstAdmin);
    audit.record(
        "tenant.created",
        tenant.id(),
        slug.value(),
        "type=" + request.type() + " plan=" + plan.wireName() + " admin=" + admin.email());
    return tenant;
  }

  /**
   * A new link for the first administrator's invitation, while they have not set a password; the
   * console mails it right after creating the tenant and again when asked.
   */
  @Transactional
  public TenantPeople.IssuedInvitation firstAdministratorInvitation(@NotNull UUID tenantId) {
    Tenant tenant = find(tenantId);
    Membership admin = firstAdministrator(tenant);
    String token = admin.issueInvitationLink(admin.invitationLanguage(), clock.instant());
    audit.record("member.invitation-reissued", tenant.id(), admin.email(), "first administrator");
    return new TenantPeople.IssuedInvitation(tenant, admin, token);
  }

  /** Whether the first administrator still has to set a password through an invitation. */
  @Transactional
  public boolean firstAdministratorNeedsInvitation(@NotNull UUID tenantId) {
    Membership admin = firstAdministrator(find(tenantId));
    // Activated another way (Keycloak's password reset, an operator): nothing left to invite to.
    if (admin.needsFirstPassword() && provisioning.canSignIn(admin.memberSubject())) {
      admin.accountActivated(clock.instant());
    }
    return admin.needsFirstPassword();
  }

  @Transactional
  public Membership firstAdministratorInvitationMailed(
      @NotNull UUID tenantId, @NotNull UUID memberId) {
    Tenant tenant = find(tenantId);
    Membership admin = firstAdministrator(tenant);
    if (!admin.id().equals(memberId)) {
      throw new DomainException.NotFound("There is no such member.");
    }
    admin.invitationMailed(clock.instant());
    audit.record("member.invitation-mailed", tenant.id(), admin.email(), "first administrator");
    return admin;
  }

  private Membership firstAdministrator(Tenant tenant) {
    return memberships
        .firstAdministratorOf(tenant.id())
        .orElseThrow(() -> new DomainException.NotFound("The tenant has no first administrator."));
  }

  @Transactional
  public List<TenantOverview> list() {
    Map<UUID, TenantRepository.Usage> usage =
        tenants.usage().stream()
            .collect(Collectors.toMap(TenantRepository.Usage::tenantId, Function.identity()));
    return tenants.all().stream()
        .map(
            tenant ->
                new TenantOverview(
                    tenant,
                    usage.getOrDefault(
                        tenant.id(), new TenantRepository.Usage(tenant.id(), 0, 0, 0))))
        .toList();
  }

  @Transactional
  public TenantOverview get(@NotNull UUID tenantId) {
    Tenant tenant = find(tenantId);
    TenantRepository.Usage usage =
        tenants.usage().stream()
            .filter(row -> row.tenantId().equals(tenantId))
            .findFirst()
            .orElse(new TenantRepository.Usage(tenantId, 0, 0, 0));
    return new TenantOverview(tenant, usage);
  }

  @Transactional
  public Tenant rebrand(@NotNull UUID tenantId, @NotNull @Valid BrandingInput input) {
    Tenant tenant = find(tenantId);
    Branding branding = input.toBranding();
    requireHostsFree(tenantId, branding);
    tenant.rebrand(branding);
    provisioning.applyBranding(tenant.identity(), branding);
    allowPortalAddresses(tenant);
    audit.record("tenant.rebranded", tenantId, tenant.slug().value(), branding.displayName());
    return tenant;
  }

  @Transactional
  // Named as the console's body member, so a refusal names "plan".
  public Tenant changePlan(@NotNull UUID tenantId, @NotBlank String plan) {
    Tenant tenant = find(tenantId);
    Plan chosen = Plan.fromWireName(plan);
    Plan before = tenant.plan();
    tenant.changePlan(chosen);
    audit.record(
        "tenant.plan-changed",
        tenantId,
        tenant.slug().value(),
        before.wireName() + " -> " + chosen.wireName());
    return tenant;
  }

  @Transactional
  public Tenant requireMfa(@NotNull UUID tenantId, boolean required) {
    Tenant tenant = find(tenantId);
    tenant.requireMfa(required);
    provisioning.requireTotp(tenant.identity(), required);
    audit.record(
        "tenant.mfa-" + (required ? "required" : "optional"),
        tenantId,
        tenant.slug().value(),
        null);
    return tenant;
  }

  @Transactional
  public Tenant suspend(@NotNull UUID tenantId) {
    Tenant tenant = find(tenantId);
    tenant.suspend(clock.instant());
    provisioning.enableSignIn(tenant.identity(), false);
    audit.record("tenant.suspended", tenantId, tenant.slug().value(), null);
    suspensions.fire(new TenantSuspended(tenantId, tenant.slug().value()));
    return tenant;
  }

  /**
   * Closes a tenant for good: its people are signed out and refused at once (as on suspension), and
   * after the retention period {@link TenantDeletions} erases the personal data it held.
   */
  @Transactional
  public Tenant close(@NotNull UUID tenantId) {
    Tenant tenant = find(tenantId);
    tenant.close(clock.instant());
    provisioning.enableSignIn(tenant.identity(), false);
    audit.record("tenant.closed", tenantId, tenant.slug().value(), null);
    suspensions.fire(new TenantSuspended(tenantId, tenant.slug().value()));
    return tenant;
  }

  @Transactional
  public Tenant resume(@NotNull UUID tenantId) {
    Tenant tenant = find(tenantId);
    tenant.resume(clock.instant());
    provisioning.enableSignIn(tenant.identity(), true);
    allowPortalAddresses(tenant);
    audit.record("tenant.resumed", tenantId, tenant.slug().value(), null);
    return tenant;
  }

  /**
   * Brings every tenant's client up to the portal's current addresses, so tenants provisioned
   * before an address existed (or before the base domain changed) can sign in on it. Each tenant is
   * tried on its own: one that fails is named in the result and the rest go on.
   *
   * @return the slugs whose client could not be reconciled
   */
  @Transactional
  public List<String> reconcileSignInAddresses() {
    List<String> failed = new ArrayList<>();
    for (Tenant tenant : tenants.all()) {
      if (tenant.identity() == null) {
        continue;
      }
      try {
        if (allowPortalAddresses(tenant)) {
          audit.record(
              "tenant.sign-in-addresses",
              tenant.id(),
              tenant.slug().value(),
              String.join(" ", addresses(tenant)));
        }
      } catch (RuntimeException e) {
        failed.add(tenant.slug().value());
      }
    }
    return failed;
  }

  private boolean allowPortalAddresses(Tenant tenant) {
    return provisioning.allowPortalAddresses(tenant.identity(), addresses(tenant));
  }

  private List<String> addresses(Tenant tenant) {
    return PortalAddresses.of(portalBaseUrl, baseDomain, tenant.slug());
  }

  private Tenant find(UUID tenantId) {
    return tenants
        .findById(tenantId)
        .orElseThrow(() -> new DomainException.NotFound("no tenant " + tenantId));
  }

  private void requireHostsFree(UUID tenantId, Branding branding) {
    List<String> taken = tenants.hostsTakenByOthers(tenantId, branding.hostNames());
    if (!taken.isEmpty()) {
      throw new DomainException.Conflict("host names already used by another tenant: " + taken);
    }
  }
}
