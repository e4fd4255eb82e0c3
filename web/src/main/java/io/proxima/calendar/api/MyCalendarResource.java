package io.proxima.calendar.api;

import io.proxima.calendar.api.CalendarViews.BusyView;
import io.proxima.calendar.api.CalendarViews.FeedStatusView;
import io.proxima.calendar.api.CalendarViews.FeedView;
import io.proxima.calendar.api.CalendarViews.ImportView;
import io.proxima.calendar.api.CalendarViews.SourceRequest;
import io.proxima.calendar.api.CalendarViews.SourceView;
import io.proxima.calendar.application.FreelancerCalendar;
import io.proxima.calendar.domain.FeedToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The calling freelancer's calendars: the secret feed their calendar app subscribes to, and the
 * external calendars whose busy time moves their availability.
 */
@Path("/v1/me/calendar")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyCalendarResource {

  @Inject FreelancerCalendar calendar;
  @Context UriInfo uri;

  @GET
  @Path("feed")
  @Operation(summary = "Whether I have a calendar feed (its address is shown only when made)")
  public FeedStatusView feed() {
    return new FeedStatusView(calendar.hasFeed());
  }

  @POST
  @Path("feed")
  @Operation(
      summary = "Make my secret calendar feed address",
      description = "Shown once: only a hash is kept. 409 if I have one; rotate it instead.")
  public Response createFeed() {
    FeedView feed = view(calendar.createFeed());
    return Response.created(URI.create(feed.url())).entity(feed).build();
  }

  @POST
  @Path("feed/rotate")
  @Operation(summary = "Replace my feed address; the old one stops working at once")
  public FeedView rotateFeed() {
    return view(calendar.rotateFeed());
  }

  @DELETE
  @Path("feed")
  @Operation(summary = "Revoke my feed address")
  public Response revokeFeed() {
    calendar.revokeFeed();
    return Response.noContent().build();
  }

  @GET
  @Path("sources")
  @Operation(summary = "The external calendars I import busy time from")
  public List<SourceView> sources() {
    return calendar.sources().stream().map(SourceView::of).toList();
  }

  @POST
  @Path("sources")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import busy time from an external iCalendar / CalDAV address",
      description =
          "Read at once: 422 if it is not iCalendar, 502/504 if its server fails or is too slow."
              + " Busy time reaching past today moves my 'available from' date, live.")
  public Response addSource(
      @NotNull(message = "a JSON request body is required") @Valid SourceRequest body) {
    ImportView imported = ImportView.of(calendar.addSource(body.url(), body.label()));
    return Response.status(Response.Status.CREATED).entity(imported).build();
  }

  @DELETE
  @Path("sources/{sourceId}")
  @Operation(summary = "Stop importing a calendar and forget its busy time")
  public Response removeSource(@PathParam("sourceId") UUID id) {
    calendar.removeSource(id);
    return Response.noContent().build();
  }

  @POST
  @Path("sources/{sourceId}/refresh")
  @Operation(summary = "Read an imported calendar again now")
  public ImportView refreshSource(@PathParam("sourceId") UUID id) {
    return ImportView.of(calendar.refreshSource(id));
  }

  @GET
  @Path("busy")
  @Operation(summary = "My imported busy time from now on")
  public List<BusyView> busy() {
    return calendar.busy().stream().map(BusyView::of).toList();
  }

  private FeedView view(FeedToken token) {
    URI url = uri.getBaseUriBuilder().path("v1/calendar/{token}.ics").build(token.value());
    String webcal = "webcal" + url.toString().substring(url.getScheme().length());
    return new FeedView(token.value(), url.toString(), webcal);
  }
}
