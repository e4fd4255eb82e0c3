package io.proxima.tenancy.application;

import io.proxima.integrations.domain.ApiKeyCaller;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.ConsentRepository;
import io.proxima.tenancy.domain.Membership;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the edge needs before any business code runs: which tenant a request is for (by path slug,
 * by {@code <slug>.<base domain>}, or by a custom host name) and what the caller may do in it.
 */
@ApplicationScoped
public class TenantEdge {

  /** How the caller stands in the tenant: a staff role, a sharing freelancer, or both. */
  public record Access(Optional<TenantRole> role, boolean sharingFreelancer) {
    public boolean any() {
      return role.isPresent() || sharingFreelancer;
    }
  }

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final ConsentRepository consents;
  private final String baseDomain;

  protected TenantEdge() {
    this(null, null, null, null);
  }

  @Inject
  public TenantEdge(
      TenantRepository tenants,
      MembershipRepository memberships,
      ConsentRepository consents,
      @ConfigProperty(name = "proxima.tenancy.base-domain") String baseDomain) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.consents = consents;
    this.baseDomain = baseDomain == null ? null : baseDomain.toLowerCase(Locale.ROOT);
  }

  /**
   * @param pathSlug from {@code /t/{slug}/}, wins when present
   * @param host the request's Host header, without port
   */
  @Transactional
  public Optional<Tenant> resolve(String pathSlug, String host) {
    if (pathSlug != null) {
      return tenants.findBySlug(pathSlug);
    }
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String name = host.toLowerCase(Locale.ROOT);
    int port = name.indexOf(':');
    if (port >= 0) {
      name = name.substring(0, port);
    }
    if (baseDomain != null && name.endsWith("." + baseDomain)) {
      String slug = name.substring(0, name.length() - baseDomain.length() - 1);
      if (!slug.contains(".")) {
        return tenants.findBySlug(slug);
      }
    }
    return tenants.findByHost(name);
  }

  /** Must run inside the tenant's context: row-level security bounds both lookups. */
  @Transactional
  public Access access(UUID tenantId, String subject) {
    Optional<TenantRole> role = memberships.findBySubject(subject).map(Membership::role);
    boolean sharing = consents.activeConsent(subject, tenantId).isPresent();
    return new Access(role, sharing);
  }

  /**
   * The caller's role in the current tenant, re-read for every check. A call with an API key acts
   * as staff, never as an administrator; the edge let it through only with the key's scopes.
   */
  @Transactional
  public Optional<TenantRole> roleOfCaller() {
    String subject = TenancyContext.current().requireSubject();
    if (ApiKeyCaller.isKey(subject)) {
      return Optional.of(TenantRole.RECRUITER);
    }
    return memberships.findBySubject(subject).map(Membership::role);
  }
}
