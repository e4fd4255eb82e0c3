package io.proxima.tenancy.infrastructure.keycloak;

import io.proxima.privacy.domain.IdentityAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keycloak's users, removed through {@link UserGateway} (the subject is the user's id). */
@ApplicationScoped
public class KeycloakIdentityAccounts implements IdentityAccounts {

  private final UserGateway users;

  protected KeycloakIdentityAccounts() {
    this(null);
  }

  @Inject
  public KeycloakIdentityAccounts(UserGateway users) {
    this.users = users;
  }

  @Override
  public void remove(String subject) {
    try {
      users.deleteIfPresent(subject);
    } catch (RuntimeException e) {
      throw new IdentityAccounts.Unavailable(
          "Keycloak could not remove the user: " + e.getMessage(), e);
    }
  }
}
