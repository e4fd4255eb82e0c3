package io.proxima.hiring.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.hiring.api.ApplicationViews.AcceptRequest;
import io.proxima.hiring.api.ApplicationViews.ApplicationView;
import io.proxima.hiring.api.ApplicationViews.DeclineRequest;
import io.proxima.hiring.api.ApplicationViews.DossierView;
import io.proxima.hiring.api.ApplicationViews.WithdrawRequest;
import io.proxima.hiring.application.Hiring;
import io.proxima.platform.error.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The calling freelancer's applications and the interview times offered on them. */
@Path("/v1/me/applications")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyApplicationsResource {

  @Inject Hiring hiring;

  @GET
  @Operation(summary = "My applications, most recently moved first")
  public List<ApplicationView> mine(@QueryParam("limit") String limit) {
    return hiring.mine(limit(limit, 50)).stream().map(ApplicationView::of).toList();
  }

  @GET
  @Path("{applicationId}")
  @Operation(summary = "One of my applications with its history and interview proposals")
  public DossierView application(@PathParam("applicationId") UUID id) {
    return DossierView.of(hiring.myApplication(id));
  }

  @POST
  @Path("{applicationId}/withdraw")
  @Operation(summary = "Withdraw my application (final)")
  public DossierView withdraw(@PathParam("applicationId") UUID id, WithdrawRequest request) {
    WithdrawRequest withdraw = required(request);
    if (withdraw.expectedVersion() == null) {
      throw new DomainException.InvalidValue("expectedVersion", "expectedVersion is required");
    }
    return DossierView.of(hiring.withdraw(id, withdraw.expectedVersion(), withdraw.reason()));
  }

  @POST
  @Path("{applicationId}/interviews/{proposalId}/accept")
  @Operation(summary = "Take one of the proposed interview times")
  public DossierView accept(
      @PathParam("applicationId") UUID id,
      @PathParam("proposalId") UUID proposalId,
      AcceptRequest request) {
    AcceptRequest accept = required(request);
    if (accept.start() == null) {
      throw new DomainException.InvalidValue("start", "start: which of the proposed times");
    }
    return DossierView.of(hiring.acceptInterview(id, proposalId, accept.start()));
  }

  @POST
  @Path("{applicationId}/interviews/{proposalId}/decline")
  @Operation(summary = "Decline the proposed interview times")
  public DossierView decline(
      @PathParam("applicationId") UUID id,
      @PathParam("proposalId") UUID proposalId,
      DeclineRequest request) {
    return DossierView.of(
        hiring.declineInterview(id, proposalId, request == null ? null : request.answer()));
  }
}
