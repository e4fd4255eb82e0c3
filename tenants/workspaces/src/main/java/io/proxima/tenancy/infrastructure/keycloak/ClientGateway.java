package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.createdId;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/** The realm's OIDC clients: one per tenant, found by client id. */
@ApplicationScoped
public class ClientGateway {

  private static final Logger LOG = Logger.getLogger(ClientGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected ClientGateway() {
    this(null);
  }

  @Inject
  public ClientGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  public Optional<ClientRepresentation> findByClientId(String clientId) {
    List<ClientRepresentation> found =
        call(
            "search client " + clientId, () -> keycloak.realm().clients().findByClientId(clientId));
    return found.stream().filter(client -> clientId.equals(client.getClientId())).findFirst();
  }

  /** Finds the client with the wanted client id, or creates it as wanted. */
  public Ensured ensure(ClientRepresentation wanted) {
    Optional<ClientRepresentation> existing = findByClientId(wanted.getClientId());
    if (existing.isPresent()) {
      return new Ensured(existing.get().getId(), false);
    }
    requireClientScopes(wanted.getDefaultClientScopes());
    try {
      String id =
          createdId(
              "create client " + wanted.getClientId(),
              () -> keycloak.realm().clients().create(wanted));
      LOG.info(() -> "Created client " + wanted.getClientId() + " (" + id + ")");
      return new Ensured(id, true);
    } catch (KeycloakCallException e) {
      if (e.isConflict()) {
        return findByClientId(wanted.getClientId())
            .map(client -> new Ensured(client.getId(), false))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  public ClientRepresentation get(String uuid) {
    return call(
        "read client " + uuid, () -> keycloak.realm().clients().get(uuid).toRepresentation());
  }

  public void update(ClientRepresentation client) {
    run(
        "update client " + client.getClientId(),
        () -> keycloak.realm().clients().get(client.getId()).update(client));
  }

  public void delete(String uuid) {
    expectSuccess("delete client " + uuid, () -> keycloak.realm().clients().delete(uuid));
    LOG.info(() -> "Deleted client " + uuid);
  }

  /**
   * Keycloak skips a default scope it does not know without a word, which would leave a client
   * whose tokens silently lack claims; refuse instead.
   */
  private void requireClientScopes(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      return;
    }
    Set<String> known =
        call("list client scopes", () -> keycloak.realm().clientScopes().findAll()).stream()
            .map(ClientScopeRepresentation::getName)
            .collect(Collectors.toSet());
    List<String> missing = names.stream().filter(name -> !known.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "realm " + keycloak.realmName() + " has no client scope(s) " + missing);
    }
  }
}
