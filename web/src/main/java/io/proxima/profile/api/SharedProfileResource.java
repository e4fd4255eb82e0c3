package io.proxima.profile.api;

import io.proxima.platform.rest.RateLimit;
import io.proxima.profile.api.ProfileRequests.ProfileJson;
import io.proxima.profile.application.PersonalDetailsDesk;
import io.proxima.profile.application.ProfileStudio;
import io.proxima.profile.domain.Portfolio;
import io.proxima.profile.domain.ProfileView;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A freelancer's profile as the tenant's staff see it: only while the freelancer shares with the
 * tenant, and every look is shown to the freelancer.
 */
@Path("/v1/freelancers/{freelancerId}")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SharedProfileResource {

  @Inject ProfileStudio studio;
  @Inject PersonalDetailsDesk personalDetails;

  @GET
  @Path("profile")
  @Operation(summary = "The profile of a freelancer sharing with this tenant")
  public ProfileJson profile(@PathParam("freelancerId") String freelancerId) {
    return ProfileJson.of(studio.sharedProfile(freelancerId, ProfileView.Kind.PROFILE));
  }

  @RateLimit("github")
  @GET
  @Path("portfolio")
  @Operation(summary = "The GitHub portfolio linked on a shared profile")
  public Portfolio portfolio(@PathParam("freelancerId") String freelancerId) {
    return studio.portfolioOf(studio.sharedGithubUsername(freelancerId));
  }

  @GET
  @Path("profile.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The freelancer's skill sheet as a printable PDF")
  public Response pdf(@PathParam("freelancerId") String freelancerId) {
    return ProfileDownloads.pdf(studio.sharedProfilePdf(freelancerId), "skill-sheet");
  }

  @GET
  @Path("profile.json")
  @Operation(summary = "The freelancer's profile as a JSON Resume document")
  public Response json(@PathParam("freelancerId") String freelancerId) {
    return ProfileDownloads.json(studio.sharedProfileJson(freelancerId), "profile");
  }

  @GET
  @Path("payout-account")
  @Operation(
      summary = "The bank account to pay a freelancer into",
      description =
          "Only while this tenant has a contract with the freelancer that runs or ended less than"
              + " 90 days ago, and only if the freelancer gave one (404 otherwise). Every read is on"
              + " the freelancer's 閲覧履歴 and the audit chain.")
  public PersonalDetailsViews.Account payoutAccount(
      @PathParam("freelancerId") String freelancerId) {
    return PersonalDetailsViews.Account.of(personalDetails.payoutAccountOf(freelancerId));
  }
}
