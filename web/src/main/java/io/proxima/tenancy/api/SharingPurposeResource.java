package io.proxima.tenancy.api;

import io.proxima.tenancy.api.TenantViews.SharingPurposeChange;
import io.proxima.tenancy.api.TenantViews.SharingPurposeView;
import io.proxima.tenancy.application.Consents;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The tenant's purpose of use of the profiles shared with it (利用目的), which freelancers are shown
 * before they share and which every consent records as given.
 */
@Path("/v1/sharing-purpose")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SharingPurposeResource {

  @Inject Consents consents;

  @GET
  @Operation(summary = "The purpose of use freelancers are shown before sharing with this tenant")
  public SharingPurposeView purpose() {
    return SharingPurposeView.of(consents.sharingPurpose());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "State the purpose of use (administrators; null for the default). Consents given keep"
              + " theirs; their freelancers see that it changed")
  public SharingPurposeView state(@NotNull @Valid SharingPurposeChange change) {
    return SharingPurposeView.of(consents.stateSharingPurpose(change.purpose()));
  }
}
