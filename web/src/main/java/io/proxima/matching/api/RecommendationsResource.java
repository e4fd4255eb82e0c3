package io.proxima.matching.api;

import static io.proxima.web.QueryParameters.limit;

import io.proxima.matching.api.MatchViews.RecommendationView;
import io.proxima.matching.application.Matchmaking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The calling freelancer's recommended jobs, among every active tenant's open jobs. */
@Path("/v1/me/recommendations")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {

  @Inject Matchmaking matchmaking;

  @GET
  @Operation(
      summary =
          "Open jobs ranked for me: profile and live availability fit blended with the interest"
              + " of freelancers who looked at the same jobs")
  public List<RecommendationView> recommendations(@QueryParam("limit") String limit) {
    return matchmaking.recommendationsForMe(limit(limit, 20)).stream()
        .map(RecommendationView::of)
        .toList();
  }
}
