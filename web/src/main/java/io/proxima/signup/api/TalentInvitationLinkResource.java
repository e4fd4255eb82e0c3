package io.proxima.signup.api;

import io.proxima.identity.api.CallerClaims;
import io.proxima.identity.application.IdentityService;
import io.proxima.signup.api.TalentInvitationViews.InvitationLinkView;
import io.proxima.signup.application.TalentPool;
import io.proxima.tenancy.api.TenantViews;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The link of a talent invitation mail. The token is the credential: it travels in the body, never
 * in a URL a log keeps, and any token that is not a live link of this tenant gets the same 404.
 * Looking and declining need no account; accepting is done signed in, as the freelancer whose
 * profile is then shared.
 */
@Path("/v1/talent-invitation-link")
@RequestScoped
@TenantScoped(requiresAccess = false)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TalentInvitationLinkResource {

  public record LinkRequest(
      @NotBlank
          @Size(max = 200)
          @Schema(required = true, example = "q8m1Hc0b2kz7uXQyq4m9cF3nJr2pL0aS6eVwY1tD5hI")
          String token,
      // No example: a made-up version is a stale one, and the generated suites send examples.
      @Schema(
              description =
                  "accepting only: the termsVersion the page showed (e.g. q3Xb9Lk0aZ1c); terms"
                      + " changed since are refused with 409 carrying the current ones (absent:"
                      + " today's apply)")
          String termsVersion) {}

  @Inject TalentPool pool;
  @Inject IdentityService identity;
  @Inject JsonWebToken token;

  @POST
  @Path("inspect")
  @PermitAll
  @Operation(summary = "Which tenant invites whom through a talent invitation link")
  public InvitationLinkView inspect(@NotNull @Valid LinkRequest request) {
    return InvitationLinkView.of(pool.inspect(request.token()));
  }

  @POST
  @Path("accept")
  @RolesAllowed("proxima-user")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Accept: share the caller's profile with the tenant; the link is spent",
      description = "Accepting is the caller's consent, revocable like any other (Sharing).")
  public InvitationLinkView accept(@NotNull @Valid LinkRequest request) {
    String seen = TenantViews.termsVersion(request.termsVersion());
    // The tenant's staff will see who shares with them, so the account must be on record.
    identity.resolveCaller(CallerClaims.of(token));
    return InvitationLinkView.of(pool.accept(request.token(), seen));
  }

  @POST
  @Path("decline")
  @PermitAll
  @Operation(summary = "Decline: nothing is shared; the link is spent")
  public InvitationLinkView decline(@NotNull @Valid LinkRequest request) {
    return InvitationLinkView.of(pool.decline(request.token()));
  }
}
