package io.proxima.signup.api;

import io.proxima.identity.api.CallerClaims;
import io.proxima.identity.application.IdentityService;
import io.proxima.signup.api.TalentInvitationViews.MyTalentInvitationView;
import io.proxima.signup.application.MyTalentInvitations;
import io.proxima.tenancy.api.TenantViews;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Talent invitations addressed to the caller, answered signed in instead of through the mail's
 * link. The address is the one the caller's account proved (the token's {@code email} with {@code
 * email_verified}); an unverified address sees none, and an invitation to anyone else is a 404.
 */
@Path("/v1/me/talent-invitations")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyTalentInvitationsResource {

  private static final String INVITATION_ID_EXAMPLE = "4f6c2a9e-1b7d-4c3e-9a51-2d8e6f0b7c13";

  @Inject MyTalentInvitations invitations;
  @Inject IdentityService identity;
  @Inject JsonWebToken token;

  @GET
  @Operation(
      summary = "Agencies' pending invitations to my verified address, newest first",
      description = "Empty while the account's e-mail address is not verified.")
  public List<MyTalentInvitationView> pending() {
    return invitations.pending(verifiedEmail()).stream().map(MyTalentInvitationView::of).toList();
  }

  @POST
  @Path("{invitationId}/accept")
  @Operation(
      summary = "Accept: share my profile with the inviting agency",
      description =
          "The same as accepting through the mail's link: the caller's consent, revocable like any"
              + " other (Sharing). 404 for an invitation that is not the caller's or not pending.")
  public MyTalentInvitationView accept(
      @Parameter(required = true, example = INVITATION_ID_EXAMPLE) @PathParam("invitationId")
          UUID invitationId,
      @Parameter(
              description =
                  "the invitation's termsVersion as shown; terms changed since are refused with"
                      + " 409 carrying the current ones (absent: today's apply)",
              example = "q3Xb9Lk0aZ1c")
          @QueryParam("termsVersion")
          String termsVersion) {
    String seen = TenantViews.termsVersion(termsVersion);
    // The agency's staff will see who shares with them, so the account must be on record.
    identity.resolveCaller(CallerClaims.of(token));
    return MyTalentInvitationView.of(invitations.accept(invitationId, verifiedEmail(), seen));
  }

  @POST
  @Path("{invitationId}/decline")
  @Operation(
      summary = "Decline: nothing is shared; the mail's link stops working",
      description = "404 for an invitation that is not the caller's or not pending.")
  public MyTalentInvitationView decline(
      @Parameter(required = true, example = INVITATION_ID_EXAMPLE) @PathParam("invitationId")
          UUID invitationId) {
    return MyTalentInvitationView.of(invitations.decline(invitationId, verifiedEmail()));
  }

  /** Payara hands claims over as JSON values or as Java ones; both print as {@code true}. */
  private Optional<String> verifiedEmail() {
    Object verified = token.getClaim("email_verified");
    Object email = token.getClaim("email");
    if (verified == null || !"true".equals(verified.toString()) || email == null) {
      return Optional.empty();
    }
    String address = email.toString().replaceAll("^\"|\"$", "").strip();
    return address.isEmpty() ? Optional.empty() : Optional.of(address);
  }
}
