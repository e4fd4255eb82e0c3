package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import io.proxima.signup.domain.SignUpRealm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm's self-registration settings and the claims the first-run guide reads, through the
 * provisioner's admin client; the external identity providers through {@link
 * IdentityProviderGateway}. Every call is idempotent: several nodes starting together do the same
 * work harmlessly.
 */
@ApplicationScoped
public class SignUpRealmGateway implements SignUpRealm {

  /** Keycloak's registration form step that asks for the terms (off in a stock realm). */
  static final String TERMS_FORM_ACTION = "registration-terms-and-conditions";

  /** Where Keycloak's terms step keeps when the box was ticked (epoch seconds). */
  static final String TERMS_ATTRIBUTE = "terms_and_conditions";

  /** The claim carrying when the terms box of the sign-up form was ticked (epoch seconds). */
  public static final String TERMS_CLAIM = "terms_accepted_at";

  /** The claim naming the external provider of the session, for people who came through one. */
  public static final String PROVIDER_CLAIM = "identity_provider";

  private static final String PROFILE_SCOPE = "profile";
  private static final String TERMS_MAPPER = "proxima terms accepted";
  private static final String PROVIDER_MAPPER = "proxima identity provider";
  private static final Logger LOG = Logger.getLogger(SignUpRealmGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;
  private final AuthenticationFlowGateway flows;
  private final UserGateway users;
  private final ClientScopeGateway scopes;
  private final IdentityProviderGateway identityProviders;

  protected SignUpRealmGateway() {
    this(null, null, null, null, null);
  }

  @Inject
  public SignUpRealmGateway(
      KeycloakAdminClientProvider keycloak,
      AuthenticationFlowGateway flows,
      UserGateway users,
      ClientScopeGateway scopes,
      IdentityProviderGateway identityProviders) {
    this.keycloak = keycloak;
    this.flows = flows;
    this.users = users;
    this.scopes = scopes;
    this.identityProviders = identityProviders;
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
    flows.requireOnRegistrationForm(TERMS_FORM_ACTION);
    users.declareAdministratorsOnlyAttribute(TERMS_ATTRIBUTE);
    scopes.ensureMapper(
        PROFILE_SCOPE,
        TERMS_MAPPER,
        "oidc-usermodel-attribute-mapper",
        Map.of(
            "user.attribute", TERMS_ATTRIBUTE,
            "claim.name", TERMS_CLAIM,
            "jsonType.label", "String",
            "id.token.claim", "true",
            "access.token.claim", "true",
            "userinfo.token.claim", "true"));
    scopes.ensureMapper(
        PROFILE_SCOPE,
        PROVIDER_MAPPER,
        "oidc-usersessionmodel-note-mapper",
        Map.of(
            "user.session.note", "identity_provider",
            "claim.name", PROVIDER_CLAIM,
            "jsonType.label", "String",
            "id.token.claim", "true",
            "access.token.claim", "true"));
  }

  @Override
  public void offerExternalSignIns(List<ExternalSignIn> configured, Set<String> managedAliases) {
    identityProviders.offerExactly(configured, managedAliases);
  }
}
