package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.createdId;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The realm's users, found by e-mail (which is also their username). */
@ApplicationScoped
public class UserGateway {

  private static final Logger LOG = Logger.getLogger(UserGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected UserGateway() {
    this(null);
  }

  @Inject
  public UserGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  public Optional<UserRepresentation> findByEmail(String email) {
    String normalized = normalize(email);
    List<UserRepresentation> found =
        call(
            "search user " + normalized,
            () -> keycloak.realm().users().searchByEmail(normalized, true));
    return found.stream()
        .filter(user -> user.getEmail() != null && normalized.equals(normalize(user.getEmail())))
        .findFirst();
  }

  /**
   * Finds the user with the wanted e-mail, or creates them as wanted. Only the e-mail identifies a
   * person: a username taken by an account with another e-mail is a conflict, not a match.
   */
  public Ensured ensure(UserRepresentation wanted) {
    Optional<UserRepresentation> existing = findByEmail(wanted.getEmail());
    if (existing.isPresent()) {
      return new Ensured(existing.get().getId(), false);
    }
    try {
      String id =
          createdId(
              "create user " + wanted.getUsername(), () -> keycloak.realm().users().create(wanted));
      LOG.info(() -> "Created user " + id);
      return new Ensured(id, true);
    } catch (KeycloakCallException e) {
      if (e.isConflict()) {
        return findByEmail(wanted.getEmail())
            .map(user -> new Ensured(user.getId(), false))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  public UserRepresentation get(String id) {
    return call("read user " + id, () -> keycloak.realm().users().get(id).toRepresentation());
  }

  /** A permanent password; Keycloak's password policy may refuse it (a 400 with its reason). */
  public void setPassword(String id, String password) {
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setTemporary(false);
    credential.setValue(password);
    run(
        "set password of user " + id,
        () -> keycloak.realm().users().get(id).resetPassword(credential));
  }

  public boolean hasPassword(String id) {
    return call(
            "read credentials of user " + id, () -> keycloak.realm().users().get(id).credentials())
        .stream()
        .anyMatch(credential -> CredentialRepresentation.PASSWORD.equals(credential.getType()));
  }

  /**
   * The person proved the address by following a link mailed to it and chose a password: nothing is
   * left for them to do before signing in.
   */
  public void completeFirstSignInActions(String id) {
    UserRepresentation user = get(id);
    user.setEmailVerified(true);
    user.setRequiredActions(List.of());
    run("update user " + id, () -> keycloak.realm().users().get(id).update(user));
  }

  public void delete(String id) {
    expectSuccess("delete user " + id, () -> keycloak.realm().users().delete(id));
    LOG.info(() -> "Deleted user " + id);
  }

  /** Deletes the user; one already gone (a retry after a lost answer) is not an error. */
  public void deleteIfPresent(String id) {
    try {
      delete(id);
    } catch (KeycloakCallException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  static String normalize(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
