package io.proxima.hiring.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;
import static io.proxima.web.QueryParameters.oneOf;
import static io.proxima.web.QueryParameters.uuid;

import io.proxima.hiring.api.ApplicationViews.ApplicationView;
import io.proxima.hiring.api.ApplicationViews.DossierView;
import io.proxima.hiring.api.ApplicationViews.InterviewView;
import io.proxima.hiring.api.ApplicationViews.MoveRequest;
import io.proxima.hiring.api.ApplicationViews.NoteRequest;
import io.proxima.hiring.api.ApplicationViews.NoteView;
import io.proxima.hiring.api.ApplicationViews.ProposeRequest;
import io.proxima.hiring.application.Hiring;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.platform.error.DomainException;
import io.proxima.web.tenancy.ApiKeyArea;
import io.proxima.web.tenancy.TenantScoped;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's staff: the pipeline of applications to its jobs. */
@Path("/v1/applications")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

  @Inject Hiring hiring;
  @Inject io.proxima.web.tenancy.ErasedAccounts erasedAccounts;

  @GET
  @Operation(summary = "Applications, most recently moved first; ?jobId= and ?stage= narrow")
  public List<ApplicationView> list(
      @QueryParam("jobId") String jobId,
      @QueryParam("stage") String stage,
      @QueryParam("limit") String limit) {
    return hiring
        .ofTenant(
            uuid("jobId", jobId), oneOf("stage", ApplicationStage.class, stage), limit(limit, 50))
        .stream()
        .map(a -> ApplicationView.of(a, erasedAccounts.isErased(a.freelancerSubject())))
        .toList();
  }

  @GET
  @Path("{applicationId}")
  @Operation(summary = "An application with its history, notes and interview proposals")
  public DossierView application(@PathParam("applicationId") UUID id) {
    return DossierView.of(hiring.application(id));
  }

  @POST
  @Path("{applicationId}/stage")
  @Operation(summary = "Move the application on or reject it; 409 when illegal or stale")
  public DossierView move(@PathParam("applicationId") UUID id, MoveRequest request) {
    MoveRequest move = required(request);
    if (move.to() == null) {
      throw new DomainException.InvalidValue("to", "to and expectedVersion are required");
    }
    if (move.expectedVersion() == null) {
      throw new DomainException.InvalidValue(
          "expectedVersion", "to and expectedVersion are required");
    }
    return DossierView.of(hiring.move(id, move.to(), move.expectedVersion(), move.reason()));
  }

  @POST
  @Path("{applicationId}/notes")
  @Operation(summary = "Add an internal note (never shown to the freelancer)")
  public Response note(@PathParam("applicationId") UUID id, NoteRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(NoteView.of(hiring.note(id, required(request).body())))
        .build();
  }

  @POST
  @Path("{applicationId}/interviews")
  @Operation(summary = "Propose 1 to 5 interview times")
  public Response propose(@PathParam("applicationId") UUID id, ProposeRequest request) {
    ProposeRequest proposal = required(request);
    return Response.status(Response.Status.CREATED)
        .entity(
            InterviewView.of(
                hiring.proposeInterview(
                    id,
                    ApplicationViews.slots(proposal),
                    proposal.location(),
                    proposal.meetingUrl())))
        .build();
  }

  @POST
  @Path("{applicationId}/interviews/{proposalId}/cancel")
  @Operation(summary = "Withdraw an unanswered interview proposal")
  public InterviewView cancel(
      @PathParam("applicationId") UUID id, @PathParam("proposalId") UUID proposalId) {
    return InterviewView.of(hiring.cancelInterview(id, proposalId));
  }
}
