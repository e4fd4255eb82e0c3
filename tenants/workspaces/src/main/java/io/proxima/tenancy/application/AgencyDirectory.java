package io.proxima.tenancy.application;

import io.proxima.platform.text.PlainText;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.List;

/**
 * The agencies a freelancer can find by name to share their profile with.
 *
 * <p>Only agencies are listed, and only while active. An agency exists to be found by freelancers:
 * representing them is its business, and its portal is public anyway. A company (a client that
 * hires) is not listed: which companies use the platform, and that they look for engineers, is
 * their own business information, and a freelancer shares with one because the company asked them
 * to, giving them its portal ID (which the sharing page still takes). A suspended tenant is not
 * listed, as its staff could not see the profile. The listing carries the public branding only
 * (what the tenant's login page shows), never an id or anything about the tenant's people.
 */
@ApplicationScoped
public class AgencyDirectory {

  static final int LIMIT = 20;

  private final TenantRepository tenants;

  protected AgencyDirectory() {
    this(null);
  }

  @Inject
  public AgencyDirectory(TenantRepository tenants) {
    this.tenants = tenants;
  }

  /**
   * Agencies whose name contains {@code q}; full-width letters and digits match their half-width
   * forms (NFKC), as people type either. A blank query lists agencies by name.
   */
  @Transactional
  public List<Tenant> search(@Size(max = 100) String q) {
    String text = PlainText.require(q == null ? "" : q, "q");
    return tenants.listedAgencies(Normalizer.normalize(text, Normalizer.Form.NFKC).strip(), LIMIT);
  }
}
