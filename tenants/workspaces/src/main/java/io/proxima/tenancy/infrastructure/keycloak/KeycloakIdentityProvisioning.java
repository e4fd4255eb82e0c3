package io.proxima.tenancy.infrastructure.keycloak;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.IdentityProvisioning;
import io.proxima.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Provisions tenants in the {@code proxima} realm: an organization (membership, the token's {@code
 * organization} claim), a public OIDC client carrying the tenant's branding for the {@code proxima}
 * login theme, and people. Each step finds before it creates, so a repeated call changes nothing; a
 * failed call deletes what it created itself and nothing else.
 */
@ApplicationScoped
public class KeycloakIdentityProvisioning implements IdentityProvisioning {

  // Client attributes the proxima login theme reads: keep the names in step with the theme.
  static final String BRAND_NAME = "proxima.brand.name";
  static final String BRAND_LOGO = "proxima.brand.logo";
  static final String BRAND_PRIMARY = "proxima.brand.primary";
  static final String BRAND_ACCENT = "proxima.brand.accent";

  // Organization attributes besides the brand ones above.
  static final String TENANT_TYPE = "proxima.tenant.type";
  static final String BRAND_HOSTS = "proxima.brand.hosts";

  static final String LOGIN_THEME = "proxima";

  /**
   * The first Keycloak 26 releases refused an organization without a domain (26.7.3 accepts one). A
   * domain only matters for sending people to an organization's identity provider by their e-mail's
   * domain, which Proxima does not use, so it is a name nobody's e-mail can have.
   */
  static final String ORGANIZATION_DOMAIN_SUFFIX = ".proxima.local";

  static final List<String> DEFAULT_CLIENT_SCOPES =
      List.of(
          "web-origins",
          "acr",
          "profile",
          "roles",
          "email",
          "basic",
          "microprofile-jwt",
          // adds the organization claim (the tenant's alias) to tokens of members
          "organization");

  static final List<String> NEW_USER_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

  private static final String BROWSER_BINDING = "browser";
  private static final Pattern ERROR_DESCRIPTION =
      Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]{1,200})\"");
  private static final Logger LOG = Logger.getLogger(KeycloakIdentityProvisioning.class.getName());

  private final OrganizationGateway organizations;
  private final ClientGateway clients;
  private final UserGateway users;
  private final AuthenticationFlowGateway flows;

  protected KeycloakIdentityProvisioning() {
    this(null, null, null, null);
  }

  @Inject
  public KeycloakIdentityProvisioning(
      OrganizationGateway organizations,
      ClientGateway clients,
      UserGateway users,
      AuthenticationFlowGateway flows) {
    this.organizations = organizations;
    this.clients = clients;
    this.users = users;
    this.flows = flows;
  }

  /** Wires the service by hand around one admin client, for use outside CDI (tests, tools). */
  static KeycloakIdentityProvisioning using(KeycloakAdminClientProvider keycloak) {
    return new KeycloakIdentityProvisioning(
        new OrganizationGateway(keycloak),
        new ClientGateway(keycloak),
        new UserGateway(keycloak),
        new AuthenticationFlowGateway(keycloak));
  }

  @Override
  public ProvisionedTenant provision(TenantProvisioningRequest request) {
    TenantSlug slug = request.slug();
    Undo undo = new Undo();
    Step step = Step.ORGANIZATION;
    try {
      Ensured organization = organizations.ensure(organization(request));
      undo.ifCreated(organization, "organization", () -> organizations.delete(organization.id()));

      step = Step.CLIENT;
      ClientRepresentation wanted = client(request);
      Ensured client = clients.ensure(wanted);
      undo.ifCreated(client, "client", () -> clients.delete(client.id()));

      step = Step.FIRST_ADMIN;
      Ensured admin = users.ensure(newUser(request.firstAdmin()));
      undo.ifCreated(admin, "first administrator", () -> users.delete(admin.id()));

      step = Step.MEMBERSHIP;
      organizations.addMember(organization.id(), admin.id());

      LOG.info(
          () ->
              "Tenant "
                  + slug
                  + " provisioned: organization "
                  + organization.id()
                  + ", client "
                  + wanted.getClientId());
      return new ProvisionedTenant(
          organization.id(), wanted.getClientId(), client.id(), admin.id());
    } catch (RuntimeException e) {
      List<String> undone = undo.run(e);
      IdentityProvisioningException failure =
          new IdentityProvisioningException(
              "provisioning tenant "
                  + slug
                  + " failed at "
                  + step.description
                  + (undone.isEmpty() ? "" : " (deleted again: " + String.join(", ", undone) + ")")
                  + ": "
                  + e.getMessage(),
              e);
      throw unavailable(failure).orElse(failure);
    }
  }

  @Override
  public void applyBranding(ProvisionedTenant tenant, Branding branding) {
    Step step = Step.CLIENT;
    try {
      List<String> previousHosts =
          Optional.ofNullable(organizations.get(tenant.organizationId()).getAttributes())
              .map(attributes -> attributes.get(BRAND_HOSTS))
              .orElse(List.of());
      ClientRepresentation client = clients.get(tenant.clientUuid());
      client.setName(branding.displayName());
      client.setRedirectUris(redirectUris(client.getRedirectUris(), previousHosts, branding));
      Map<String, String> attributes = mutable(client.getAttributes());
      attributes.putAll(brandAttributes(branding));
      if (branding.logoUrl() == null) {
        // An empty value is how the admin API removes a client attribute; absence keeps it.
        attributes.put(BRAND_LOGO, "");
      }
      client.setAttributes(attributes);
      clients.update(client);

      step = Step.ORGANIZATION;
      OrganizationRepresentation organization = organizations.get(tenant.organizationId());
      Map<String, List<String>> organizationAttributes =
          new LinkedHashMap<>(
              organization.getAttributes() == null ? Map.of() : organization.getAttributes());
      organizationAttributes.keySet().removeIf(key -> key.startsWith("proxima.brand."));
      organizationAttributes.putAll(organizationBrandAttributes(branding));
      organization.setAttributes(organizationAttributes);
      organization.setDescription(branding.displayName());
      organizations.update(organization);
    } catch (RuntimeException e) {
      throw failure("rebranding", tenant, step, e);
    }
  }

  @Override
  public void requireTotp(ProvisionedTenant tenant, boolean required) {
    Step step = Step.CLIENT;
    try {
      String flowId = null;
      if (required) {
        step = Step.TOTP_FLOW;
        flowId = flows.ensureTotpBrowserFlow();
        step = Step.CLIENT;
      }
      ClientRepresentation client = clients.get(tenant.clientUuid());
      Map<String, String> overrides =
          client.getAuthenticationFlowBindingOverrides() == null
              ? new HashMap<>()
              : new HashMap<>(client.getAuthenticationFlowBindingOverrides());
      // An empty id removes the override; leaving the key out would keep it.
      overrides.put(BROWSER_BINDING, required ? flowId : "");
      client.setAuthenticationFlowBindingOverrides(overrides);
      clients.update(client);
      LOG.info(
          () ->
              "TOTP " + (required ? "required" : "optional") + " for client " + tenant.clientId());
    } catch (RuntimeException e) {
      throw failure(required ? "requiring TOTP" : "relaxing TOTP", tenant, step, e);
    }
  }

  @Override
  public void enableSignIn(ProvisionedTenant tenant, boolean enabled) {
    try {
      ClientRepresentation client = clients.get(tenant.clientUuid());
      client.setEnabled(enabled);
      clients.update(client);
      LOG.info(() -> "Sign-in " + (enabled ? "enabled" : "disabled") + " for " + tenant.clientId());
    } catch (RuntimeException e) {
      throw failure(enabled ? "enabling sign-in" : "disabling sign-in", tenant, Step.CLIENT, e);
    }
  }

  @Override
  public boolean allowPortalAddresses(ProvisionedTenant tenant, List<String> portalAddresses) {
    try {
      ClientRepresentation client = clients.get(tenant.clientUuid());
      List<String> redirects = withPortalAddresses(client.getRedirectUris(), portalAddresses);
      List<String> origins = client.getWebOrigins() == null ? List.of() : client.getWebOrigins();
      // "+" lets the browser's token and CORS requests come from every redirect URI's origin.
      boolean changed =
          !redirects.equals(client.getRedirectUris() == null ? List.of() : client.getRedirectUris())
              || !origins.contains("+");
      if (!changed) {
        return false;
      }
      client.setRedirectUris(redirects);
      List<String> newOrigins = new ArrayList<>(origins);
      if (!newOrigins.contains("+")) {
        newOrigins.add("+");
      }
      client.setWebOrigins(newOrigins);
      clients.update(client);
      LOG.info(() -> "Sign-in from " + portalAddresses + " allowed for " + tenant.clientId());
      return true;
    } catch (RuntimeException e) {
      throw failure("allowing the portal's addresses", tenant, Step.CLIENT, e);
    }
  }

  @Override
  public Invited invite(ProvisionedTenant tenant, Invitee invitee) {
    Undo undo = new Undo();
    Step step = Step.INVITEE;
    try {
      Ensured user = users.ensure(newUser(invitee));
      undo.ifCreated(user, "invitee", () -> users.delete(user.id()));
      if (user.created()) {
        // An account made for this tenant joins it at once; someone who already has an account
        // joins only when they accept (admit).
        step = Step.MEMBERSHIP;
        organizations.addMember(tenant.organizationId(), user.id());
      }
      return new Invited(user.id(), user.created());
    } catch (RuntimeException e) {
      undo.run(e);
      throw failure("inviting a person", tenant, step, e);
    }
  }

  @Override
  public void admit(ProvisionedTenant tenant, String subject) {
    try {
      if (!organizations.isMember(tenant.organizationId(), subject)) {
        organizations.addMember(tenant.organizationId(), subject);
      }
    } catch (RuntimeException e) {
      throw failure("admitting an invitee", tenant, Step.MEMBERSHIP, e);
    }
  }

  @Override
  public void activateAccount(String subject, String password) {
    try {
      users.setPassword(subject, password);
    } catch (KeycloakCallException e) {
      if (e.status() == 400) {
        throw new DomainException.InvalidValue("password", refusedPassword(e.body()));
      }
      throw unavailableOr(e, "setting a first password");
    } catch (RuntimeException e) {
      throw unavailableOr(e, "setting a first password");
    }
    try {
      users.completeFirstSignInActions(subject);
    } catch (RuntimeException e) {
      throw unavailableOr(e, "completing first sign-in actions");
    }
  }

  @Override
  public boolean canSignIn(String subject) {
    try {
      return users.hasPassword(subject);
    } catch (RuntimeException e) {
      throw unavailableOr(e, "reading an account's credentials");
    }
  }

  @Override
  public void dismiss(ProvisionedTenant tenant, String subject) {
    try {
      organizations.removeMember(tenant.organizationId(), subject);
    } catch (RuntimeException e) {
      throw failure("removing a member", tenant, Step.MEMBERSHIP, e);
    }
  }

  /** Keycloak's reason for refusing a password ("Invalid password: minimum length 12."). */
  static String refusedPassword(String body) {
    Matcher reason = ERROR_DESCRIPTION.matcher(body == null ? "" : body);
    return reason.find()
        ? "the password does not meet the policy: " + reason.group(1)
        : "the password does not meet the policy";
  }

  private static RuntimeException unavailableOr(RuntimeException e, String what) {
    IdentityProvisioningException failure =
        new IdentityProvisioningException(what + " failed: " + e.getMessage(), e);
    return unavailable(failure).orElse(failure);
  }

  private static RuntimeException failure(
      String what, ProvisionedTenant tenant, Step step, RuntimeException e) {
    IdentityProvisioningException failure = failureOf(what, tenant, step, e);
    return unavailable(failure).orElse(failure);
  }

  /**
   * A 503 the caller can retry when Keycloak could not be reached or failed itself (5xx): each step
   * finds before it creates and a failed call deletes what it made, so trying again later is safe,
   * and the caller's transaction rolls back with this exception. The detail goes to the log only.
   */
  static Optional<RuntimeException> unavailable(IdentityProvisioningException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      boolean unreachable =
          cause instanceof KeycloakCallException call
              ? call.status() == 0 || call.status() >= 500
              : cause instanceof jakarta.ws.rs.ProcessingException
                  || cause instanceof java.io.IOException;
      if (unreachable) {
        LOG.warning(() -> "Identity provider unavailable: " + failure.getMessage());
        return Optional.of(
            new DomainException.Unavailable(
                "The identity provider cannot be reached right now; nothing was saved."
                    + " Try again in a minute."));
      }
    }
    return Optional.empty();
  }

  private static IdentityProvisioningException failureOf(
      String what, ProvisionedTenant tenant, Step step, RuntimeException e) {
    return new IdentityProvisioningException(
        what
            + " for client "
            + tenant.clientId()
            + " failed at "
            + step.description
            + ": "
            + e.getMessage(),
        e);
  }

  private static OrganizationRepresentation organization(TenantProvisioningRequest request) {
    String slug = request.slug().value();
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setName(slug);
    organization.setAlias(slug);
    organization.setDescription(request.branding().displayName());
    organization.setEnabled(true);
    organization.addDomain(new OrganizationDomainRepresentation(slug + ORGANIZATION_DOMAIN_SUFFIX));
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put(TENANT_TYPE, List.of(request.type().name()));
    attributes.putAll(organizationBrandAttributes(request.branding()));
    organization.setAttributes(attributes);
    return organization;
  }

  private static ClientRepresentation client(TenantProvisioningRequest request) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId(request.slug()));
    client.setName(request.branding().displayName());
    client.setDescription("Sign-in to the portal of tenant " + request.slug());
    client.setProtocol("openid-connect");
    client.setEnabled(true);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setImplicitFlowEnabled(false);
    client.setServiceAccountsEnabled(false);
    // The local realm allows the password grant so scripts and tests can sign in without a
    // browser; a production realm would switch it off here.
    client.setDirectAccessGrantsEnabled(true);
    client.setRedirectUris(
        redirectUris(
            withPortalAddresses(List.of(), request.portalAddresses()),
            List.of(),
            request.branding()));
    client.setWebOrigins(List.of("+"));
    client.setDefaultClientScopes(DEFAULT_CLIENT_SCOPES);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("pkce.code.challenge.method", "S256");
    attributes.put("post.logout.redirect.uris", "+");
    attributes.put("login_theme", LOGIN_THEME);
    attributes.putAll(brandAttributes(request.branding()));
    client.setAttributes(attributes);
    return client;
  }

  private static String clientId(TenantSlug slug) {
    return "tenant-" + slug.value();
  }

  private static UserRepresentation newUser(Invitee invitee) {
    String email = UserGateway.normalize(invitee.email());
    UserRepresentation user = new UserRepresentation();
    user.setUsername(email);
    user.setEmail(email);
    user.setFirstName(invitee.firstName());
    user.setLastName(invitee.lastName());
    user.setEnabled(true);
    user.setEmailVerified(false);
    user.setRequiredActions(NEW_USER_ACTIONS);
    return user;
  }

  /**
   * Where the tenant's sign-in may send a browser back to: the portal's own address (kept as it
   * is), and each of the tenant's own host names, over HTTPS, following its branding.
   */
  static List<String> redirectUris(
      List<String> current, List<String> previousHosts, Branding branding) {
    List<String> uris = new ArrayList<>(current == null ? List.of() : current);
    previousHosts.forEach(host -> uris.remove(hostRedirect(host)));
    branding.hostNames().stream()
        .map(KeycloakIdentityProvisioning::hostRedirect)
        .filter(uri -> !uris.contains(uri))
        .forEach(uris::add);
    return uris;
  }

  /** The current redirect URIs with {@code <address>/*} for each portal address not yet there. */
  static List<String> withPortalAddresses(List<String> current, List<String> portalAddresses) {
    List<String> uris = new ArrayList<>(current == null ? List.of() : current);
    portalAddresses.stream()
        .map(address -> address.strip().replaceAll("/+$", "") + "/*")
        .filter(uri -> !uris.contains(uri))
        .forEach(uris::add);
    return uris;
  }

  private static String hostRedirect(String host) {
    return "https://" + host + "/*";
  }

  /** The login theme's view of the brand; a missing logo is simply absent. */
  private static Map<String, String> brandAttributes(Branding branding) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(BRAND_NAME, branding.displayName());
    if (branding.logoUrl() != null) {
      attributes.put(BRAND_LOGO, branding.logoUrl());
    }
    attributes.put(BRAND_PRIMARY, branding.primaryColor());
    attributes.put(BRAND_ACCENT, branding.accentColor());
    return attributes;
  }

  /**
   * The organization keeps the brand without the logo: Keycloak 26.7.3 answers a value longer than
   * 255 characters in an organization attribute with a server error, and a logo URL may be up to
   * 2048. The client, which the login page reads, carries the logo.
   */
  private static Map<String, List<String>> organizationBrandAttributes(Branding branding) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put(BRAND_NAME, List.of(branding.displayName()));
    attributes.put(BRAND_PRIMARY, List.of(branding.primaryColor()));
    attributes.put(BRAND_ACCENT, List.of(branding.accentColor()));
    if (!branding.hostNames().isEmpty()) {
      attributes.put(BRAND_HOSTS, List.copyOf(branding.hostNames()));
    }
    return attributes;
  }

  private static <V> Map<String, V> mutable(Map<String, V> map) {
    return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
  }

  private enum Step {
    ORGANIZATION("the organization"),
    CLIENT("the OIDC client"),
    FIRST_ADMIN("the first administrator"),
    INVITEE("the invitee's user"),
    MEMBERSHIP("the organization membership"),
    TOTP_FLOW("the TOTP browser flow");

    private final String description;

    Step(String description) {
      this.description = description;
    }
  }

  /** What a call created, to be deleted in reverse order if a later step fails. */
  private static final class Undo {

    private record Action(String what, Runnable delete) {}

    private final Deque<Action> actions = new ArrayDeque<>();

    void ifCreated(Ensured ensured, String what, Runnable delete) {
      if (ensured.created()) {
        actions.push(new Action(what, delete));
      }
    }

    /** Deletes what was created; returns what is gone again. */
    List<String> run(RuntimeException cause) {
      List<String> undone = new ArrayList<>();
      while (!actions.isEmpty()) {
        Action action = actions.pop();
        try {
          action.delete().run();
          undone.add(action.what());
        } catch (RuntimeException e) {
          // Keep going: the other leftovers can still go, and the caller sees what stayed.
          cause.addSuppressed(e);
          LOG.log(Level.WARNING, "Could not undo the " + action.what() + " after a failure", e);
        }
      }
      if (!undone.isEmpty()) {
        LOG.info(() -> "Deleted the " + undone + " again after: " + cause.getMessage());
      }
      return undone;
    }
  }
}
