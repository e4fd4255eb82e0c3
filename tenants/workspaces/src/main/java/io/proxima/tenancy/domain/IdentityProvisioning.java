package io.proxima.tenancy.domain;

import java.util.List;

/**
 * The identity provider's side of a tenant: a Keycloak organization, an OIDC client whose login
 * page carries the tenant's branding, and the people invited into it. Every operation is idempotent
 * (safe to repeat after a failure) and leaves nothing half-made when it fails.
 */
public interface IdentityProvisioning {

  /**
   * Creates, or finds when they already exist, the tenant's organization and OIDC client and the
   * first administrator (a user who must set a password, and verify an e-mail, on first login).
   * When a step fails, the steps this call made are undone before the exception leaves.
   */
  ProvisionedTenant provision(TenantProvisioningRequest request);

  /** Puts new branding on the tenant's client (login page) and organization. */
  void applyBranding(ProvisionedTenant tenant, Branding branding);

  /** Whether the tenant's users must use TOTP to sign in through its client. */
  void requireTotp(ProvisionedTenant tenant, boolean required);

  /** Disables or re-enables sign-in through the tenant's client. */
  void enableSignIn(ProvisionedTenant tenant, boolean enabled);

  /**
   * Makes the tenant's client accept sign-in started from each of the portal's addresses (see
   * {@link PortalAddresses}), adding what is missing and keeping everything else; idempotent.
   * Brings clients made before an address existed up to date.
   *
   * @return whether the client had to change
   */
  boolean allowPortalAddresses(ProvisionedTenant tenant, List<String> portalAddresses);

  /**
   * Invites a person, creating their Keycloak user when there is none. A new account joins the
   * tenant's organization at once (it was made for this tenant); a person who already has an
   * account joins only through {@link #admit}, once they accepted.
   */
  Invited invite(ProvisionedTenant tenant, Invitee invitee);

  /** Adds a person who accepted an invitation to the tenant's organization; idempotent. */
  void admit(ProvisionedTenant tenant, String subject);

  /**
   * Sets the first password of an account an invitation made and clears the actions that stood
   * before its first sign-in (the invitee proved the address by following the mailed link). A
   * password the identity provider's policy refuses is an invalid value naming its reason.
   */
  void activateAccount(String subject, String password);

  /** Whether the account has a password yet: one an invitation made has none until activated. */
  boolean canSignIn(String subject);

  /** Takes the person out of the tenant's organization; their account stays theirs. */
  void dismiss(ProvisionedTenant tenant, String subject);

  /**
   * @param subject the Keycloak user id (the token's {@code sub})
   * @param newAccount whether the invitation created the account
   */
  record Invited(String subject, boolean newAccount) {}

  /** What a new tenant needs from the identity provider. */
  record TenantProvisioningRequest(
      TenantSlug slug,
      TenantType type,
      Branding branding,
      Invitee firstAdmin,
      List<String> portalAddresses) {}

  /** A person to invite: the e-mail is their login. */
  record Invitee(String email, String firstName, String lastName) {}

  /** What the identity provider made for a tenant. */
  record ProvisionedTenant(
      String organizationId, String clientId, String clientUuid, String firstAdminUserId) {}
}
