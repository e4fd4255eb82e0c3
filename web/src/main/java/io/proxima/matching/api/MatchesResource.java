package io.proxima.matching.api;

import static io.proxima.web.QueryParameters.limit;

import io.proxima.matching.api.MatchViews.CandidateMatchView;
import io.proxima.matching.application.Matchmaking;
import io.proxima.platform.rest.RateLimit;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's staff: the sharing freelancers who fit one of its jobs best, and why. */
@Path("/v1/jobs/{jobId}/candidates")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MatchesResource {

  @Inject Matchmaking matchmaking;

  @RateLimit("search")
  @GET
  @Operation(
      summary =
          "Ranked candidates for a job, each with skills matched and missing, rate, days and"
              + " style fit, and availability as the live core holds it now")
  public List<CandidateMatchView> candidates(
      @PathParam("jobId") UUID jobId, @QueryParam("limit") String limit) {
    return matchmaking.candidatesFor(jobId, limit(limit, 20)).stream()
        .map(CandidateMatchView::of)
        .toList();
  }
}
