package io.proxima.notifications.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.notifications.api.NotificationViews.ReadAllView;
import io.proxima.notifications.api.NotificationViews.SettingsRequest;
import io.proxima.notifications.api.NotificationViews.UnreadView;
import io.proxima.notifications.application.NotificationCentre;
import io.proxima.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A person's own notification centre outside any tenant (the freelancer's portal: every tenant's
 * notifications), and their notification settings, which are one per person.
 */
@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyNotificationsResource {

  @Inject NotificationCentre centre;

  @GET
  @Path("notifications")
  @Operation(summary = "The caller's notifications from every tenant, last changed first, paged")
  public NotificationCentre.Page notifications(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return centre.page(NotificationViews.page(page), NotificationViews.size(size));
  }

  @GET
  @Path("notifications/unread")
  @Operation(summary = "How many of the caller's notifications are unread (the bell)")
  public UnreadView unread() {
    return new UnreadView(centre.unread());
  }

  @POST
  @Path("notifications/{notificationId}/read")
  @Operation(summary = "Mark one of the caller's notifications read; 404 for anyone else's")
  public UnreadView read(@PathParam("notificationId") String notificationId) {
    return new UnreadView(
        centre.read(
            io.proxima.platform.rest.RequestBodies.required(
                QueryParameters.uuid("notificationId", notificationId), "notificationId")));
  }

  @POST
  @Path("notifications/read-all")
  @Operation(summary = "Mark all of the caller's notifications read")
  public ReadAllView readAll() {
    return new ReadAllView(centre.readAll(), 0);
  }

  @GET
  @Path("notification-settings")
  @Operation(
      summary = "Which kinds reach the caller in the portal and by mail, and in which language")
  public NotificationCentre.Settings settings() {
    return centre.settings();
  }

  @PUT
  @Path("notification-settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the caller's notification channels per kind, or their mail language")
  public NotificationCentre.Settings change(SettingsRequest body) {
    SettingsRequest request = required(body);
    return centre.change(request.language(), request.changes());
  }
}
