package io.proxima.tenancy.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The addresses a tenant's portal answers on that its sign-in must accept as places to send a
 * browser back to: the shared portal ({@code /t/<slug>/} under it) and the tenant's own sub-domain
 * of the platform's base domain, with the shared portal's scheme and port. The tenant's own host
 * names come from its branding and are handled with it.
 */
public final class PortalAddresses {

  private PortalAddresses() {}

  /**
   * @param portalBaseUrl e.g. {@code http://localhost:8080}
   * @param baseDomain e.g. {@code proxima.localhost}; blank when tenants have no sub-domains
   */
  public static List<String> of(String portalBaseUrl, String baseDomain, TenantSlug slug) {
    String portal = portalBaseUrl.strip().replaceAll("/+$", "");
    if (baseDomain == null || baseDomain.isBlank()) {
      return List.of(portal);
    }
    URI base = URI.create(portal);
    String host = slug.value() + "." + baseDomain.strip().toLowerCase(Locale.ROOT);
    String subDomain =
        base.getScheme() + "://" + host + (base.getPort() < 0 ? "" : ":" + base.getPort());
    return List.of(portal, subDomain);
  }
}
