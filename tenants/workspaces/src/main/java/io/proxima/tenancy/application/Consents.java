package io.proxima.tenancy.application;

import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentChanged;
import io.proxima.tenancy.domain.ConsentRepository;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A freelancer's consents: sharing their profile with a tenant and taking it back. Revoking takes
 * effect at once for every read that follows, because reads go through the active consent.
 */
@ApplicationScoped
public class Consents {

  /** A consent with the tenant it names, for the freelancer's own list. */
  public record ConsentView(Consent consent, Tenant tenant) {}

  /** A freelancer visible to the current tenant. */
  public record SharingFreelancer(Consent consent, Optional<UserAccount> account) {}

  private final ConsentRepository consents;
  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final UserAccountRepository accounts;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Event<ConsentChanged> changes;
  private final Clock clock = Clock.systemUTC();

  protected Consents() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public Consents(
      ConsentRepository consents,
      TenantRepository tenants,
      MembershipRepository memberships,
      UserAccountRepository accounts,
      TenantEdge edge,
      AuditLog audit,
      Event<ConsentChanged> changes) {
    this.consents = consents;
    this.tenants = tenants;
    this.memberships = memberships;
    this.accounts = accounts;
    this.edge = edge;
    this.audit = audit;
    this.changes = changes;
  }

  @Transactional
  public List<ConsentView> mine() {
    String subject = TenancyContext.current().requireSubject();
    return consents.ofFreelancer(subject).stream()
        .map(
            consent -> new ConsentView(consent, tenants.findById(consent.tenantId()).orElseThrow()))
        .toList();
  }

  /** Shares the caller's profile with a tenant; sharing again is a no-op. */
  @Transactional
  public ConsentView give(@NotBlank String tenantSlug) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant = activeTenant(tenantSlug);
    Consent consent =
        consents
            .activeConsent(subject, tenant.id())
            .orElseGet(
                () -> {
                  Consent given = Consent.give(subject, tenant.id(), clock.instant());
                  consents.store(given);
                  audit.record("consent.given", tenant.id(), subject, null);
                  changes.fire(new ConsentChanged(subject, tenant.id(), true));
                  return given;
                });
    return new ConsentView(consent, tenant);
  }

  /** Takes the profile back from a tenant; revoking what is not shared is a 404. */
  @Transactional
  public ConsentView revoke(@NotBlank String tenantSlug) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant =
        tenants
            .findBySlug(tenantSlug)
            .orElseThrow(() -> new DomainException.NotFound("no tenant " + tenantSlug));
    Consent consent =
        consents
            .activeConsent(subject, tenant.id())
            .orElseThrow(() -> new DomainException.NotFound("nothing shared with " + tenantSlug));
    consent.revoke(clock.instant());
    audit.record("consent.revoked", tenant.id(), subject, null);
    changes.fire(new ConsentChanged(subject, tenant.id(), false));
    return new ConsentView(consent, tenant);
  }

  /** The tenants a freelancer shares with now; run as that freelancer. */
  @Transactional
  public Set<UUID> tenantsSharedBy(@NotBlank String freelancerSubject) {
    return consents.ofFreelancer(freelancerSubject).stream()
        .filter(Consent::isActive)
        .map(Consent::tenantId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the freelancer shares with the current tenant right now. */
  @Transactional
  public boolean sharesWithCurrentTenant(@NotBlank String freelancerSubject) {
    return consents
        .activeConsent(freelancerSubject, TenancyContext.current().requireTenant())
        .isPresent();
  }

  /** Freelancers who share with the current tenant, for its staff. */
  @StaffOnly
  @Transactional
  public List<SharingFreelancer> sharingWithCurrentTenant() {
    List<SharingFreelancer> sharing =
        consents.activeInCurrentTenant().stream()
            .map(
                consent ->
                    new SharingFreelancer(
                        consent, accounts.findBySubject(consent.freelancerSubject())))
            .toList();
    // Names and e-mail addresses of everyone sharing: on the record, with who was listed.
    audit.recordRead(
        "freelancers.read",
        TenancyContext.current().requireTenant(),
        "list",
        sharing.stream().map(found -> found.consent().freelancerSubject()).toList());
    return sharing;
  }

  /** The caller's accepted memberships in every tenant. */
  @Transactional
  public List<Membership> myMemberships() {
    return memberships.ofSubject(TenancyContext.current().requireSubject()).stream()
        .filter(Membership::isActive)
        .toList();
  }

  /** Roles offered to the caller that they have not accepted yet. */
  @Transactional
  public List<Membership> myInvitations() {
    return memberships.ofSubject(TenancyContext.current().requireSubject()).stream()
        .filter(membership -> !membership.isActive())
        .toList();
  }

  private Tenant activeTenant(String slug) {
    Tenant tenant =
        tenants
            .findBySlug(slug)
            .orElseThrow(() -> new DomainException.NotFound("no tenant " + slug));
    if (!tenant.isActive()) {
      throw new DomainException.TenantSuspended(slug);
    }
    return tenant;
  }
}
