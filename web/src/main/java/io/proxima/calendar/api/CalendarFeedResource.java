package io.proxima.calendar.api;

import io.proxima.calendar.application.FreelancerCalendar;
import io.proxima.platform.text.Digests;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A freelancer's calendar as calendar apps subscribe to it. Apps cannot send a bearer token, so the
 * secret in the address is the credential. Apps poll: an unchanged feed answers 304 to their
 * If-None-Match / If-Modified-Since.
 */
@Path("/v1/calendar")
@RequestScoped
public class CalendarFeedResource {

  static final String TEXT_CALENDAR = "text/calendar";

  @Inject FreelancerCalendar calendar;
  @Context Request request;

  @GET
  @Path("{token}.ics")
  @PermitAll
  @Produces({TEXT_CALENDAR + ";charset=utf-8", "application/problem+json"})
  @Operation(
      summary = "A freelancer's availability, interviews and busy time as iCalendar (public)",
      description = "The token is the credential; a wrong or revoked one is 404.")
  public Response feed(@PathParam("token") String token) {
    FreelancerCalendar.Feed feed = calendar.feed(token);
    EntityTag tag = new EntityTag(digest(feed.document()));
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setNoCache(true); // store, but ask again each time: the 304 is what keeps polling cheap
    Date lastModified = feed.lastModified() == null ? null : Date.from(feed.lastModified());
    Response.ResponseBuilder unchanged =
        lastModified == null
            ? request.evaluatePreconditions(tag)
            : request.evaluatePreconditions(lastModified, tag);
    Response.ResponseBuilder response =
        unchanged != null
            ? unchanged
            : Response.ok(feed.document(), TEXT_CALENDAR + ";charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"proxima.ics\"");
    if (lastModified != null) {
      response.lastModified(lastModified);
    }
    return response.tag(tag).cacheControl(cache).build();
  }

  private static String digest(String document) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(document));
  }
}
