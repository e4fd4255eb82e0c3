package io.proxima.tenancy.application;

import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentChanged;
import io.proxima.tenancy.domain.ConsentEvent;
import io.proxima.tenancy.domain.ConsentLog;
import io.proxima.tenancy.domain.ConsentRepository;
import io.proxima.tenancy.domain.ConsentTerms;
import io.proxima.tenancy.domain.ConsentTermsChanged;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public record ConsentView(Consent consent, Tenant tenant) {

    /**
     * Whether the tenant's purpose of use is no longer the one this consent was given for: the
     * freelancer is told, and decides whether to keep sharing.
     */
    public boolean purposeChanged() {
      return consent.terms().purposeDiffersFrom(tenant.sharingPurpose());
    }
  }

  /** A log entry with the tenant it is about. */
  public record LoggedEvent(ConsentEvent event, Tenant tenant) {}

  /** The terms a freelancer is shown before sharing with a tenant. */
  public record OfferedTerms(Tenant tenant, ConsentTerms terms) {}

  /** The most entries of the log one answer holds (an export included). */
  public static final int LOG_LIMIT = 1000;

  /** A freelancer visible to the current tenant. */
  public record SharingFreelancer(Consent consent, Optional<UserAccount> account) {}

  private final ConsentRepository consents;
  private final ConsentLog log;
  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final UserAccountRepository accounts;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Event<ConsentChanged> changes;
  private final Clock clock = Clock.systemUTC();

  protected Consents() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public Consents(
      ConsentRepository consents,
      ConsentLog log,
      TenantRepository tenants,
      MembershipRepository memberships,
      UserAccountRepository accounts,
      TenantEdge edge,
      AuditLog audit,
      Event<ConsentChanged> changes) {
    this.consents = consents;
    this.log = log;
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

  /**
   * Shares the caller's profile with a tenant on the tenant's terms (what is shared, its purpose of
   * use) of version {@code seenVersion}, the one the freelancer was shown; null (an API client that
   * does not track versions) takes today's terms, whatever they are. Sharing again is a no-op.
   *
   * @throws ConsentTermsChanged when the tenant changed its terms since; nothing is shared
   */
  @Transactional
  public ConsentView give(@NotBlank String tenantSlug, String seenVersion) {
    return give(tenantSlug, seenVersion, Consent.Channel.PORTAL);
  }

  /**
   * Shares by accepting the tenant's talent invitation, on the terms of {@code seenVersion} as
   * above; logged as given through it.
   */
  @Transactional
  public ConsentView giveThroughInvitation(@NotBlank String tenantSlug, String seenVersion) {
    return give(tenantSlug, seenVersion, Consent.Channel.INVITATION);
  }

  private ConsentView give(String tenantSlug, String seenVersion, Consent.Channel via) {
    String subject = TenancyContext.current().requireSubject();
    Tenant tenant = activeTenant(tenantSlug);
    // Checked even when already shared: the person asked to share on terms that are not today's,
    // and answering "shared" would let them believe their consent covers what they read.
    ConsentTerms terms = tenant.sharingTermsAsSeen(seenVersion);
    Consent consent =
        consents
            .activeConsent(subject, tenant.id())
            .orElseGet(
                () -> {
                  boolean sharedBefore =
                      consents.ofFreelancer(subject).stream()
                          .anyMatch(earlier -> earlier.tenantId().equals(tenant.id()));
                  Consent given = Consent.give(subject, tenant.id(), terms, via, clock.instant());
                  consents.store(given);
                  log.append(ConsentEvent.given(given, sharedBefore));
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
    log.append(ConsentEvent.revoked(consent));
    audit.record("consent.revoked", tenant.id(), subject, null);
    changes.fire(new ConsentChanged(subject, tenant.id(), false));
    return new ConsentView(consent, tenant);
  }

  /**
   * What sharing with a tenant would share now and for what purpose, shown before the freelancer
   * shares. Any active tenant: its purpose is as public as its login page.
   */
  @Transactional
  public OfferedTerms termsOf(@NotBlank String tenantSlug) {
    Tenant tenant = activeTenant(tenantSlug);
    return new OfferedTerms(tenant, tenant.sharingTerms());
  }

  /** The caller's consent-and-purpose log, newest first. */
  @Transactional
  public List<LoggedEvent> myLog() {
    String subject = TenancyContext.current().requireSubject();
    Map<UUID, Tenant> named = new HashMap<>();
    return log.ofFreelancer(subject, LOG_LIMIT).stream()
        .map(
            event ->
                new LoggedEvent(
                    event,
                    named.computeIfAbsent(
                        event.tenantId(), id -> tenants.findById(id).orElseThrow())))
        .toList();
  }

  /** The current tenant's purpose of use, for its staff. */
  @StaffOnly
  @Transactional
  public Tenant sharingPurpose() {
    return currentTenant();
  }

  /**
   * The tenant's administrators state its purpose of use (null: back to the platform's default).
   * Consents already given keep theirs; their freelancers are shown that it changed.
   */
  @StaffOnly(administrators = true)
  @Transactional
  public Tenant stateSharingPurpose(@Size(max = 2000) String purpose) {
    Tenant tenant = currentTenant();
    String before = tenant.sharingPurpose();
    tenant.stateSharingPurpose(purpose);
    if (!before.equals(tenant.sharingPurpose())) {
      audit.record(
          "consent.purpose-changed",
          tenant.id(),
          tenant.slug().value(),
          "purpose: " + tenant.sharingPurpose());
    }
    return tenant;
  }

  private Tenant currentTenant() {
    return tenants
        .findById(TenancyContext.current().requireTenant())
        .orElseThrow(() -> new DomainException.NotFound("no such tenant"));
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
