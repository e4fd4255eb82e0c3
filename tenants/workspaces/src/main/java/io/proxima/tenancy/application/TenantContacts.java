package io.proxima.tenancy.application;

import io.proxima.identity.domain.UserAccountRepository;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.MembershipRepository;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom to write to about a tenant's business when no request asks (reminders of contracts ending):
 * its administrators, and a person by their account. Read in the platform scope, by the scheduled
 * work of other contexts.
 */
@ApplicationScoped
public class TenantContacts {

  /** A person mail can go to. */
  public record Recipient(String email, String name) {}

  /** The tenant as its mail shows it, and its administrators. */
  public record Contacts(String slug, Branding branding, List<Recipient> administrators) {}

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final UserAccountRepository accounts;

  protected TenantContacts() {
    this(null, null, null);
  }

  @Inject
  public TenantContacts(
      TenantRepository tenants, MembershipRepository memberships, UserAccountRepository accounts) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.accounts = accounts;
  }

  /** Empty for a tenant that is gone or suspended: its people are not written to. */
  @Transactional
  public Optional<Contacts> of(@NotNull UUID tenantId) {
    return tenants
        .findById(tenantId)
        .filter(Tenant::isActive)
        .map(
            tenant ->
                new Contacts(
                    tenant.slug().value(),
                    tenant.branding(),
                    memberships.activeAdministratorsOf(tenantId).stream()
                        .map(admin -> new Recipient(admin.email(), admin.displayName()))
                        .toList()));
  }

  /** A person by their account, if they have signed in once and have an address. */
  @Transactional
  public Optional<Recipient> person(@NotNull String subject) {
    return accounts
        .findBySubject(subject)
        .filter(account -> account.email() != null && !account.email().isBlank())
        .map(account -> new Recipient(account.email(), account.displayName()));
  }
}
