package io.proxima.tenancy.api;

import io.proxima.tenancy.api.TenantViews.MemberView;
import io.proxima.tenancy.application.TenantPeople;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The invitee's answer to a tenant's invitation. The caller is not a member yet, so the edge only
 * resolves the tenant; the service finds the invitation by the caller's own subject, and anyone
 * without one gets 404, as for any tenant they do not belong to.
 */
@Path("/v1/invitation")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped(requiresAccess = false)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

  private final TenantPeople people;

  @Inject
  public InvitationResource(TenantPeople people) {
    this.people = people;
  }

  protected InvitationResource() {
    this(null);
  }

  @POST
  @Path("accept")
  @Operation(summary = "Accept the role this tenant offered the caller")
  public MemberView accept() {
    return MemberView.of(people.acceptInvitation());
  }

  @DELETE
  @Operation(summary = "Decline the role this tenant offered the caller")
  public Response decline() {
    people.declineInvitation();
    return Response.noContent().build();
  }
}
