package io.proxima.profile.api;

import io.proxima.profile.api.PersonalDetailsViews.PersonalDetailsEdit;
import io.proxima.profile.api.PersonalDetailsViews.PersonalDetailsJson;
import io.proxima.profile.application.PersonalDetailsDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
 * The caller's personal details (contact, date of birth, payout account): sealed at rest, never
 * shown to a tenant except the payout account to one that pays them under a contract.
 */
@Path("/v1/me/personal-details")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyPersonalDetailsResource {

  @Inject PersonalDetailsDesk desk;

  @GET
  @Operation(summary = "The caller's personal details (version 0 before the first save)")
  public PersonalDetailsJson details() {
    return PersonalDetailsJson.of(desk.mine());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save the caller's personal details",
      description =
          "Contact details, date of birth and the payout account (全銀: bank code, branch code,"
              + " account type, number, holder in katakana), each optional. Sealed with the"
              + " freelancer's data key; expectedVersion is the version the edit was made on, a"
              + " stale one gets 409.")
  public PersonalDetailsJson save(
      @NotNull(message = "a JSON request body is required") PersonalDetailsEdit body) {
    return PersonalDetailsJson.of(
        desk.reviseMine(
            body.contactDetails(), body.dateOfBirth(), body.account(), body.expectedVersion()));
  }
}
