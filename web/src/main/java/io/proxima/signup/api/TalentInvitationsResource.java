package io.proxima.signup.api;

import io.proxima.platform.error.DomainException;
import io.proxima.signup.api.TalentInvitationViews.InvitedView;
import io.proxima.signup.api.TalentInvitationViews.TalentInvitationView;
import io.proxima.signup.application.TalentInvitations;
import io.proxima.signup.application.TalentPool;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's staff invite freelancers by mail into its talent pool. */
@Path("/v1/talent-invitations")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TalentInvitationsResource {

  public record InviteRequest(
      @NotBlank
          @Email
          @Size(max = 320)
          @Schema(required = true, format = "email", example = "tanaka.ken@example.jp")
          String email,
      @Size(max = 100) @Schema(description = "family name (姓)", example = "Tanaka")
          String familyName,
      @Size(max = 100) @Schema(description = "given name (名)", example = "Ken") String givenName,
      @Schema(
              description = "the invitation mail's language",
              enumeration = {"ja", "en"},
              defaultValue = "ja",
              example = "ja")
          String language) {

    TalentPool.Invite toCommand() {
      return new TalentPool.Invite(email, familyName, givenName, language);
    }
  }

  @Inject TalentPool pool;
  @Inject TalentInvitations invitations;

  @GET
  @Operation(summary = "The tenant's talent invitations, newest first, with their status")
  public List<TalentInvitationView> list() {
    return pool.list().stream().map(TalentInvitationView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite a freelancer by mail into the talent pool",
      description =
          "201 once the invitation exists; mail.status says whether the mail server accepted the"
              + " mail (SENT) or not (NOT_SENT: send it again). Inviting an address with a pending"
              + " invitation sends it a new link.")
  public Response invite(@NotNull @Valid InviteRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(InvitedView.of(invitations.invite(request.toCommand())))
        .build();
  }

  @POST
  @Path("{invitationId}/resend")
  @Operation(
      summary = "Send a pending or expired invitation again, with a new link",
      description = "The old link stops working. 503 when the mail server did not take the mail.")
  public InvitedView resend(@PathParam("invitationId") UUID invitationId) {
    TalentInvitations.Outcome outcome = invitations.resend(invitationId);
    if (!outcome.mail().sent()) {
      throw new DomainException.Unavailable(
          "The invitation mail was not sent: " + outcome.mail().problem() + ". Try again later.");
    }
    return InvitedView.of(outcome);
  }

  @DELETE
  @Path("{invitationId}")
  @Operation(summary = "Revoke a pending invitation; its link stops working")
  public TalentInvitationView revoke(@PathParam("invitationId") UUID invitationId) {
    return TalentInvitationView.of(pool.revoke(invitationId));
  }
}
