package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import io.proxima.signup.domain.SignUpRealm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;
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

  /**
   * The event Keycloak records when its registration form creates an account. The form's terms step
   * only refuses an unticked box and stores nothing itself, so this event (Keycloak's record,
   * Keycloak's time) is what shows that, and when, an account was made through the form.
   */
  static final String REGISTER_EVENT = "REGISTER";

  /** The detail a registration through an external provider's first sign-in carries. */
  private static final String BROKERED_DETAIL = "identity_provider";

  /** The claim naming the external provider of the session, for people who came through one. */
  public static final String PROVIDER_CLAIM = "identity_provider";

  private static final String PROFILE_SCOPE = "profile";
  private static final String PROVIDER_MAPPER = "proxima identity provider";
  private static final Logger LOG = Logger.getLogger(SignUpRealmGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;
  private final AuthenticationFlowGateway flows;
  private final ClientScopeGateway scopes;
  private final IdentityProviderGateway identityProviders;

  protected SignUpRealmGateway() {
    this(null, null, null, null);
  }

  @Inject
  public SignUpRealmGateway(
      KeycloakAdminClientProvider keycloak,
      AuthenticationFlowGateway flows,
      ClientScopeGateway scopes,
      IdentityProviderGateway identityProviders) {
    this.keycloak = keycloak;
    this.flows = flows;
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
    recordRegistrations();
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

  /**
   * Keeps Keycloak's registration events. A realm that stores no events gets only these (logins are
   * not Proxima's to keep); one that already stores some keeps its choice, plus registrations.
   */
  private void recordRegistrations() {
    RealmEventsConfigRepresentation events =
        call("read event settings", () -> keycloak.realm().getRealmEventsConfig());
    List<String> types =
        events.getEnabledEventTypes() == null ? List.of() : events.getEnabledEventTypes();
    boolean stored = Boolean.TRUE.equals(events.isEventsEnabled());
    if (stored && (types.isEmpty() || types.contains(REGISTER_EVENT))) {
      // An empty list stores every event type Keycloak saves by default, registrations among them.
      return;
    }
    List<String> wanted = new ArrayList<>(stored ? types : List.of());
    wanted.add(REGISTER_EVENT);
    events.setEventsEnabled(true);
    events.setEnabledEventTypes(wanted);
    run("keep registration events", () -> keycloak.realm().updateRealmEventsConfig(events));
    LOG.info("Keycloak keeps registration events: " + wanted);
  }

  @Override
  public Optional<Instant> registeredThroughFormAt(String subject) {
    List<EventRepresentation> registrations =
        call(
            "read the registration of " + subject,
            () ->
                keycloak
                    .realm()
                    .getEvents(List.of(REGISTER_EVENT), null, subject, null, null, null, 0, 5));
    return registrations.stream()
        .filter(event -> subject.equals(event.getUserId()))
        .filter(
            event -> event.getDetails() == null || !event.getDetails().containsKey(BROKERED_DETAIL))
        .map(event -> Instant.ofEpochMilli(event.getTime()))
        .min(Instant::compareTo);
  }

  @Override
  public void offerExternalSignIns(List<ExternalSignIn> configured, Set<String> managedAliases) {
    identityProviders.offerExactly(configured, managedAliases);
  }
}
