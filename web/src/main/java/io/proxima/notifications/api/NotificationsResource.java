package io.proxima.notifications.api;

import io.proxima.notifications.api.NotificationViews.ReadAllView;
import io.proxima.notifications.api.NotificationViews.UnreadView;
import io.proxima.notifications.application.NotificationCentre;
import io.proxima.web.QueryParameters;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A staff member's own notifications inside the tenant's portal: this tenant's only. */
@Path("/v1/notifications")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject NotificationCentre centre;

  @GET
  @Operation(summary = "The caller's notifications in this tenant, last changed first, paged")
  public NotificationCentre.Page notifications(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return centre.page(NotificationViews.page(page), NotificationViews.size(size));
  }

  @GET
  @Path("unread")
  @Operation(summary = "How many of the caller's notifications in this tenant are unread")
  public UnreadView unread() {
    return new UnreadView(centre.unread());
  }

  @POST
  @Path("{notificationId}/read")
  @Operation(summary = "Mark one of the caller's notifications in this tenant read")
  public UnreadView read(@PathParam("notificationId") String notificationId) {
    return new UnreadView(
        centre.read(
            io.proxima.platform.rest.RequestBodies.required(
                QueryParameters.uuid("notificationId", notificationId), "notificationId")));
  }

  @POST
  @Path("read-all")
  @Operation(summary = "Mark all of the caller's notifications in this tenant read")
  public ReadAllView readAll() {
    return new ReadAllView(centre.readAll(), 0);
  }
}
