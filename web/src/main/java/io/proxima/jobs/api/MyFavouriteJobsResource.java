package io.proxima.jobs.api;

import io.proxima.jobs.api.JobSearchViews.FavouritesView;
import io.proxima.jobs.application.Favourites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The open jobs the calling freelancer marked 気になる. */
@Path("/v1/me/favourite-jobs")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyFavouriteJobsResource {

  @Inject Favourites favourites;

  @GET
  @Operation(summary = "My favourite jobs still open, most recently marked first")
  public FavouritesView list() {
    return new FavouritesView(favourites.list());
  }

  @PUT
  @Path("{jobId}")
  @Operation(summary = "Mark an open job as a favourite (again: no change)")
  public Response mark(@PathParam("jobId") UUID jobId) {
    favourites.mark(jobId);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{jobId}")
  @Operation(summary = "Remove a job from my favourites")
  public Response unmark(@PathParam("jobId") UUID jobId) {
    favourites.unmark(jobId);
    return Response.noContent().build();
  }
}
