package io.proxima.tenancy.infrastructure.keycloak;

import io.proxima.signup.domain.InviteeAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.keycloak.representations.idm.UserRepresentation;

/** Invitees among the realm's users, found by e-mail through {@link UserGateway}. */
@ApplicationScoped
public class KeycloakInviteeAccounts implements InviteeAccounts {

  private final UserGateway users;

  protected KeycloakInviteeAccounts() {
    this(null);
  }

  @Inject
  public KeycloakInviteeAccounts(UserGateway users) {
    this.users = users;
  }

  @Override
  public Optional<String> verifiedOwnerOf(String email) {
    try {
      return users
          .findByEmail(email)
          .filter(user -> Boolean.TRUE.equals(user.isEmailVerified()))
          .filter(user -> !Boolean.FALSE.equals(user.isEnabled()))
          .map(UserRepresentation::getId);
    } catch (RuntimeException e) {
      // Unreachable, refusing the admin client, or answering garbage: all the same to the caller.
      throw new InviteeAccounts.Unavailable("Keycloak could not be asked: " + e.getMessage(), e);
    }
  }
}
