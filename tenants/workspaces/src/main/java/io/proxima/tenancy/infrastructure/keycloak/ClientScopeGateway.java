package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.resource.ClientScopeResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The realm's client scopes: what every client's tokens carry. A mapper added to a default scope
 * reaches the platform's own clients and every tenant's client alike.
 */
@ApplicationScoped
public class ClientScopeGateway {

  private final KeycloakAdminClientProvider keycloak;

  protected ClientScopeGateway() {
    this(null);
  }

  @Inject
  public ClientScopeGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  /** Adds an OpenID Connect mapper of this name to the scope unless one is there already. */
  public void ensureMapper(String scopeName, String name, String type, Map<String, String> config) {
    ensureMapper(scope(scopeName), name, type, config);
  }

  private ClientScopeResource scope(String name) {
    String id =
        call("list client scopes", () -> keycloak.realm().clientScopes().findAll()).stream()
            .filter(scope -> name.equals(scope.getName()))
            .map(ClientScopeRepresentation::getId)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the realm has no client scope " + name));
    return keycloak.realm().clientScopes().get(id);
  }

  private static void ensureMapper(
      ClientScopeResource scope, String name, String type, Map<String, String> config) {
    boolean present =
        call("read mappers of a client scope", () -> scope.getProtocolMappers().getMappers())
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
}
