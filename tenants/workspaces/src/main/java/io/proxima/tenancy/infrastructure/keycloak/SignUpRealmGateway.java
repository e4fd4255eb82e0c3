package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import io.proxima.signup.domain.SignUpRealm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.ClientScopeResource;
import org.keycloak.admin.client.resource.IdentityProvidersResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm's self-registration settings, the claims the first-run guide reads, and the external
 * identity providers, through the provisioner's admin client. Every call is idempotent: several
 * nodes starting together do the same work harmlessly.
 */
@ApplicationScoped
public class SignUpRealmGateway implements SignUpRealm {

  /** Keycloak's registration form step that asks for the terms (off in a stock realm). */
  static final String TERMS_FORM_ACTION = "registration-terms-and-conditions";

  /** The claim carrying when the terms box of the sign-up form was ticked (epoch seconds). */
  public static final String TERMS_CLAIM = "terms_accepted_at";

  /** The claim naming the external provider of the session, for people who came through one. */
  public static final String PROVIDER_CLAIM = "identity_provider";

  private static final String REGISTRATION_FLOW = "registration";
  private static final String PROFILE_SCOPE = "profile";
  private static final String TERMS_MAPPER = "proxima terms accepted";
  private static final String PROVIDER_MAPPER = "proxima identity provider";
  private static final Logger LOG = Logger.getLogger(SignUpRealmGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected SignUpRealmGateway() {
    this(null);
  }

  @Inject
  public SignUpRealmGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  @Override
  public void openSelfRegistration() {
    RealmRepresentation current = call("read realm", () -> keycloak.realm().toRepresentation());
    if (!Boolean.TRUE.equals(current.isRegistrationAllowed())
        || !Boolean.TRUE.equals(current.isVerifyEmail())) {
      // Only the two settings: the update merges what is set and leaves the rest as it is.
      RealmRepresentation change = new RealmRepresentation();
      change.setRegistrationAllowed(true);
      change.setVerifyEmail(true);
      run("open self-registration", () -> keycloak.realm().update(change));
      LOG.info("self-registration with e-mail verification turned on");
    }
    requireTermsOnForm();
    ClientScopeResource profile = profileScope();
    ensureMapper(
        profile,
        TERMS_MAPPER,
        "oidc-usermodel-attribute-mapper",
        Map.of(
            "user.attribute", "terms_and_conditions",
            "claim.name", TERMS_CLAIM,
            "jsonType.label", "String",
            "id.token.claim", "true",
            "access.token.claim", "true",
            "userinfo.token.claim", "true"));
    ensureMapper(
        profile,
        PROVIDER_MAPPER,
        "oidc-usersessionmodel-note-mapper",
        Map.of(
            "user.session.note", "identity_provider",
            "claim.name", PROVIDER_CLAIM,
            "jsonType.label", "String",
            "id.token.claim", "true",
            "access.token.claim", "true"));
  }

  private void requireTermsOnForm() {
    AuthenticationManagementResource flows = keycloak.realm().flows();
    List<AuthenticationExecutionInfoRepresentation> executions =
        call("read registration flow", () -> flows.getExecutions(REGISTRATION_FLOW));
    Optional<AuthenticationExecutionInfoRepresentation> terms =
        executions.stream()
            .filter(execution -> TERMS_FORM_ACTION.equals(execution.getProviderId()))
            .findFirst();
    if (terms.isEmpty()) {
      throw new IllegalStateException(
          "the realm's registration flow has no " + TERMS_FORM_ACTION + " step");
    }
    AuthenticationExecutionInfoRepresentation execution = terms.get();
    if (!"REQUIRED".equals(execution.getRequirement())) {
      execution.setRequirement("REQUIRED");
      run(
          "require the terms on the registration form",
          () -> flows.updateExecutions(REGISTRATION_FLOW, execution));
      LOG.info("terms required on the registration form");
    }
  }

  private ClientScopeResource profileScope() {
    String id =
        call("list client scopes", () -> keycloak.realm().clientScopes().findAll()).stream()
            .filter(scope -> PROFILE_SCOPE.equals(scope.getName()))
            .map(ClientScopeRepresentation::getId)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the realm has no profile scope"));
    return keycloak.realm().clientScopes().get(id);
  }

  private static void ensureMapper(
      ClientScopeResource scope, String name, String type, Map<String, String> config) {
    boolean present =
        call("read mappers of the profile scope", () -> scope.getProtocolMappers().getMappers())
            .stream()
            .anyMatch(mapper -> name.equals(mapper.getName()));
    if (present) {
      return;
    }
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper(type);
    mapper.setConfig(new HashMap<>(config));
    try {
      expectSuccess("add mapper " + name, () -> scope.getProtocolMappers().createMapper(mapper));
    } catch (KeycloakCallException e) {
      if (!e.isConflict()) {
        throw e;
      }
      // another node added it meanwhile
    }
  }

  @Override
  public void offerExternalSignIns(List<ExternalSignIn> configured, Set<String> managedAliases) {
    IdentityProvidersResource providers = keycloak.realm().identityProviders();
    Set<String> existing =
        call("list identity providers", providers::findAll).stream()
            .map(IdentityProviderRepresentation::getAlias)
            .collect(java.util.stream.Collectors.toSet());
    for (ExternalSignIn signIn : configured) {
      IdentityProviderRepresentation wanted = representation(providers, signIn);
      if (existing.contains(signIn.alias())) {
        run(
            "update identity provider " + signIn.alias(),
            () -> providers.get(signIn.alias()).update(wanted));
      } else {
        try {
          expectSuccess(
              "create identity provider " + signIn.alias(), () -> providers.create(wanted));
        } catch (KeycloakCallException e) {
          if (!e.isConflict()) {
            throw e;
          }
          run(
              "update identity provider " + signIn.alias(),
              () -> providers.get(signIn.alias()).update(wanted));
        }
      }
      LOG.info(() -> "external sign-in offered: " + signIn);
    }
    Set<String> keep =
        configured.stream().map(ExternalSignIn::alias).collect(java.util.stream.Collectors.toSet());
    for (String alias : managedAliases) {
      if (existing.contains(alias) && !keep.contains(alias)) {
        run("remove identity provider " + alias, () -> providers.get(alias).remove());
        LOG.info(() -> "external sign-in " + alias + " removed: not configured");
      }
    }
  }

  private static IdentityProviderRepresentation representation(
      IdentityProvidersResource providers, ExternalSignIn signIn) {
    Map<String, String> config = new HashMap<>();
    if ("oidc".equals(signIn.kind())) {
      String discovery = signIn.settings().get("discoveryUrl");
      // Keycloak reads the provider's discovery document itself: issuer, endpoints, JWKS.
      Map<String, String> imported =
          call(
              "read discovery document " + discovery,
              () ->
                  providers.importFrom(
                      Map.<String, Object>of("providerId", "oidc", "fromUrl", discovery)));
      config.putAll(imported);
      config.put("validateSignature", "true");
      config.put("useJwksUrl", "true");
      config.put("clientAuthMethod", "client_secret_post");
      config.put("defaultScope", "openid email profile");
      config.put("pkceEnabled", "true");
      config.put("pkceMethod", "S256");
    } else if ("github".equals(signIn.kind())) {
      // GitHub Enterprise or a stand-in: Keycloak's GitHub provider reads both.
      Optional.ofNullable(signIn.settings().get("baseUrl"))
          .ifPresent(v -> config.put("baseUrl", v));
      Optional.ofNullable(signIn.settings().get("apiUrl")).ifPresent(v -> config.put("apiUrl", v));
    }
    config.put("clientId", signIn.clientId());
    config.put("clientSecret", signIn.clientSecret());
    config.put("syncMode", "IMPORT");
    config.put("guiOrder", "0");
    IdentityProviderRepresentation representation = new IdentityProviderRepresentation();
    representation.setAlias(signIn.alias());
    representation.setDisplayName(signIn.displayName());
    representation.setProviderId(signIn.kind());
    representation.setEnabled(true);
    // GitHub and Google verify addresses themselves; asking again would only annoy.
    representation.setTrustEmail(true);
    representation.setFirstBrokerLoginFlowAlias("first broker login");
    representation.setConfig(config);
    return representation;
  }
}
