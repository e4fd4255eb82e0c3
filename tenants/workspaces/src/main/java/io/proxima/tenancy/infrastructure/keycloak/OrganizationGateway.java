package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.createdId;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/** The realm's organizations: one per tenant, found by alias. */
@ApplicationScoped
public class OrganizationGateway {

  private static final Logger LOG = Logger.getLogger(OrganizationGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected OrganizationGateway() {
    this(null);
  }

  @Inject
  public OrganizationGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  public Optional<OrganizationRepresentation> findByAlias(String alias) {
    // The admin API searches names and domains, not aliases; Proxima names an organization after
    // its alias, so an exact name search finds it and the alias check guards against a rename.
    List<OrganizationRepresentation> found =
        call(
            "search organization " + alias,
            () -> keycloak.realm().organizations().search(alias, true, 0, 10));
    return found.stream().filter(org -> alias.equals(org.getAlias())).findFirst();
  }

  /** Finds the organization with the wanted alias, or creates it as wanted. */
  public Ensured ensure(OrganizationRepresentation wanted) {
    Optional<OrganizationRepresentation> existing = findByAlias(wanted.getAlias());
    if (existing.isPresent()) {
      return new Ensured(existing.get().getId(), false);
    }
    try {
      String id =
          createdId(
              "create organization " + wanted.getAlias(),
              () -> keycloak.realm().organizations().create(wanted));
      LOG.info(() -> "Created organization " + wanted.getAlias() + " (" + id + ")");
      return new Ensured(id, true);
    } catch (KeycloakCallException e) {
      // Another node provisioning the same tenant got there first: theirs is ours.
      if (e.isConflict()) {
        return findByAlias(wanted.getAlias())
            .map(org -> new Ensured(org.getId(), false))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  public OrganizationRepresentation get(String id) {
    return call("read organization " + id, () -> organization(id).toRepresentation());
  }

  public void update(OrganizationRepresentation organization) {
    expectSuccess(
        "update organization " + organization.getAlias(),
        () -> organization(organization.getId()).update(organization));
  }

  public void delete(String id) {
    expectSuccess("delete organization " + id, () -> organization(id).delete());
    LOG.info(() -> "Deleted organization " + id);
  }

  /** Makes the user a member; a user who already is one stays one. */
  public void addMember(String organizationId, String userId) {
    try {
      expectSuccess(
          "add member " + userId + " to organization " + organizationId,
          () -> organization(organizationId).members().addMember(userId));
    } catch (KeycloakCallException e) {
      if (!e.isConflict() || !isMember(organizationId, userId)) {
        throw e;
      }
    }
  }

  /** Takes the user out of the organization; someone who is not a member is left as they are. */
  public void removeMember(String organizationId, String userId) {
    try {
      expectSuccess(
          "remove member " + userId + " from organization " + organizationId,
          () -> organization(organizationId).members().member(userId).delete());
    } catch (KeycloakCallException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  public boolean isMember(String organizationId, String userId) {
    try {
      MemberRepresentation member =
          call(
              "read member " + userId + " of organization " + organizationId,
              () -> organization(organizationId).members().member(userId).toRepresentation());
      return member != null;
    } catch (KeycloakCallException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private OrganizationResource organization(String id) {
    return keycloak.realm().organizations().get(id);
  }
}
