package io.proxima.profile.api;

import io.proxima.profile.application.PersonalDetailsDesk;
import io.proxima.profile.domain.ContactDetails;
import io.proxima.profile.domain.PayoutAccount;
import io.proxima.profile.domain.PersonalDetails;
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
import java.time.Instant;
import java.time.LocalDate;
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

  /**
   * The details as the freelancer saves them; a part left out (null) is removed.
   *
   * @param expectedVersion the version the edit was made on (0 before the first save); a stale one
   *     is refused (409)
   */
  public record PersonalDetailsEdit(
      ContactDetails contact,
      LocalDate dateOfBirth,
      PayoutAccount payoutAccount,
      long expectedVersion) {}

  public record PersonalDetailsJson(
      ContactDetails contact,
      LocalDate dateOfBirth,
      PayoutAccount payoutAccount,
      Instant updatedAt,
      long version) {

    static PersonalDetailsJson of(PersonalDetails details) {
      return new PersonalDetailsJson(
          details.contact(),
          details.dateOfBirth(),
          details.payoutAccount(),
          details.updatedAt(),
          details.version());
    }
  }

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
            body.contact(), body.dateOfBirth(), body.payoutAccount(), body.expectedVersion()));
  }
}
