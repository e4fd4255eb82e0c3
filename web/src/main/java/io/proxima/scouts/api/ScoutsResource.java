package io.proxima.scouts.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.platform.rest.RateLimit;
import io.proxima.scouts.api.ScoutViews.AllowanceView;
import io.proxima.scouts.api.ScoutViews.ScoutRequest;
import io.proxima.scouts.api.ScoutViews.ScoutView;
import io.proxima.scouts.application.Scouting;
import io.proxima.web.QueryParameters;
import io.proxima.web.tenancy.ApiKeyArea;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's staff: scouts to sharing freelancers, within the plan's monthly allowance. */
@Path("/v1/scouts")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("scouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoutsResource {

  @Inject Scouting scouting;

  @RateLimit("scout-send")
  @POST
  @Operation(
      summary =
          "Scout a sharing freelancer: delivered live in the conversation; 403 quota-exceeded"
              + " when the month's allowance is spent")
  public Response send(ScoutRequest request) {
    ScoutRequest scout = required(request);
    return Response.status(Response.Status.CREATED)
        .entity(ScoutView.of(scouting.send(scout.freelancerId(), scout.jobId(), scout.message())))
        .build();
  }

  @GET
  @Operation(summary = "The tenant's scouts, newest first; ?jobId= for one job's")
  public List<ScoutView> sent(
      @QueryParam("jobId") String jobId, @QueryParam("limit") String limit) {
    return scouting.sent(QueryParameters.uuid("jobId", jobId), limit(limit, 50)).stream()
        .map(ScoutView::of)
        .toList();
  }

  @GET
  @Path("allowance")
  @Operation(summary = "This month's scouts: the plan's limit, used, remaining, renewal day")
  public AllowanceView allowance() {
    return AllowanceView.of(scouting.allowance());
  }
}
