package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import io.proxima.signup.domain.SignUpRealm.ExternalSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.IdentityProvidersResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * The realm's identity providers (GitHub, Google, any OpenID Connect provider): the buttons on the
 * login page that sign people in through another account, brokered by Keycloak.
 */
@ApplicationScoped
public class IdentityProviderGateway {

  private static final Logger LOG = Logger.getLogger(IdentityProviderGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected IdentityProviderGateway() {
    this(null);
  }

  @Inject
  public IdentityProviderGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  /** Creates or updates the configured providers and removes managed ones not configured. */
  public void offerExactly(List<ExternalSignIn> configured, Set<String> managedAliases) {
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
