package io.proxima.scouts.api;

import static io.proxima.web.QueryParameters.limit;

import io.proxima.scouts.api.ScoutViews.ReceivedScoutView;
import io.proxima.scouts.api.ScoutViews.ScoutAnswer;
import io.proxima.scouts.application.Scouting;
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

/** The calling freelancer's scouts, and their answers. */
@Path("/v1/me/scouts")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyScoutsResource {

  @Inject Scouting scouting;

  @GET
  @Operation(summary = "Scouts I received, newest first")
  public List<ReceivedScoutView> received(@QueryParam("limit") String limit) {
    return scouting.received(limit(limit, 50)).stream().map(ReceivedScoutView::of).toList();
  }

  @POST
  @Path("{scoutId}/accept")
  @Operation(summary = "Accept a scout (an answer is final)")
  public ReceivedScoutView accept(@PathParam("scoutId") UUID scoutId, ScoutAnswer answer) {
    return ReceivedScoutView.of(scouting.accept(scoutId, answer == null ? null : answer.answer()));
  }

  @POST
  @Path("{scoutId}/decline")
  @Operation(summary = "Decline a scout (an answer is final)")
  public ReceivedScoutView decline(@PathParam("scoutId") UUID scoutId, ScoutAnswer answer) {
    return ReceivedScoutView.of(scouting.decline(scoutId, answer == null ? null : answer.answer()));
  }
}
