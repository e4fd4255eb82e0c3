package io.proxima.jobs.api;

import io.proxima.jobs.api.JobViews.PostingView;
import io.proxima.jobs.application.Favourites;
import io.proxima.jobs.application.JobBoard;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.platform.rest.RateLimit;
import io.proxima.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

/**
 * Open jobs as freelancers find them: every active tenant's; {@code tenant=<slug>} narrows to one.
 */
@Path("/v1/postings")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PostingsResource {

  @Inject JobBoard board;
  @Inject Favourites favourites;

  @RateLimit("search")
  @GET
  @Operation(summary = "Search open jobs, with facets and a cursor")
  public JobSearch.Result search(@BeanParam JobSearchParameters parameters) {
    return board.searchOpen(parameters.toQuery());
  }

  @GET
  @Path("{jobId}/similar")
  @Operation(
      summary = "Open jobs like this one: shared skills, then work style, then the nearest rate")
  public List<JobSearch.SimilarJob> similar(
      @PathParam("jobId") UUID id, @QueryParam("limit") String limit) {
    return favourites.similarTo(id, QueryParameters.limit(limit, 5));
  }

  @GET
  @Path("{jobId}")
  @Operation(summary = "An open job; the look counts toward recommendations")
  public PostingView posting(@PathParam("jobId") UUID id) {
    return PostingView.of(board.posting(id));
  }
}
