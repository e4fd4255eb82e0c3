package io.proxima.hiring.api;

import io.proxima.hiring.api.ApplicationViews.ApplyRequest;
import io.proxima.hiring.api.ApplicationViews.DossierView;
import io.proxima.hiring.application.Hiring;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A freelancer applies to an open job. */
@Path("/v1/postings/{jobId}/applications")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplyResource {

  @Inject Hiring hiring;

  @POST
  @Operation(summary = "Apply to an open job; 409 when already applied")
  public Response apply(@PathParam("jobId") UUID jobId, ApplyRequest request) {
    ApplyRequest application = request == null ? new ApplyRequest(null, null) : request;
    return Response.status(Response.Status.CREATED)
        .entity(
            DossierView.of(
                hiring.apply(jobId, application.coverNote(), application.proposedRateYen())))
        .build();
  }
}
