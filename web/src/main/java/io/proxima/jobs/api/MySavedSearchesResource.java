package io.proxima.jobs.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.jobs.api.JobSearchViews.SavedSearchChange;
import io.proxima.jobs.api.JobSearchViews.SavedSearchRequest;
import io.proxima.jobs.api.JobSearchViews.SavedSearchView;
import io.proxima.jobs.application.SavedSearches;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The calling freelancer's saved job searches. With alerts on, a job published later that matches
 * raises a {@code saved_search.matched} notification (mail and in-app).
 */
@Path("/v1/me/saved-searches")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MySavedSearchesResource {

  @Inject SavedSearches searches;

  @GET
  @Operation(summary = "My saved searches, newest first")
  public List<SavedSearchView> list() {
    return searches.own().stream().map(SavedSearchView::of).toList();
  }

  @POST
  @Operation(summary = "Save a job search under a name, with alerts for new matching jobs")
  public Response save(SavedSearchRequest request) {
    SavedSearchRequest body = required(request);
    SavedSearchView saved =
        SavedSearchView.of(
            searches.save(
                required(body.name(), "name"),
                required(body.query(), "query"),
                body.alerts() == null || body.alerts()));
    return Response.status(Response.Status.CREATED).entity(saved).build();
  }

  @PUT
  @Path("{savedSearchId}")
  @Operation(summary = "Rename a saved search or switch its alerts; refused on a stale version")
  public SavedSearchView change(@PathParam("savedSearchId") UUID id, SavedSearchChange change) {
    SavedSearchChange body = required(change);
    return SavedSearchView.of(
        searches.change(id, body.name(), body.alerts(), body.expectedVersion()));
  }

  @DELETE
  @Path("{savedSearchId}")
  @Operation(summary = "Delete a saved search")
  public Response delete(@PathParam("savedSearchId") UUID id) {
    searches.delete(id);
    return Response.noContent().build();
  }
}
