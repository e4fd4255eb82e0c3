package io.proxima.tenancy.api;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.api.TenantViews.FreelancerView;
import io.proxima.tenancy.api.TenantViews.InvitedMemberView;
import io.proxima.tenancy.api.TenantViews.MemberView;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.MemberInvitations;
import io.proxima.tenancy.application.TenantPeople;
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
import jakarta.ws.rs.PUT;
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

/** The tenant's people: staff members, and freelancers who share their profile with it. */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

  @Inject TenantPeople people;
  @Inject MemberInvitations invitations;
  @Inject Consents consents;

  /** An invitation as the portal sends it; checked by {@link TenantPeople#invite}. */
  public record InvitationRequest(
      @NotBlank
          @Email
          @Size(max = 320)
          @Schema(required = true, format = "email", example = "sato@example.jp")
          String email,
      @NotBlank @Size(max = 100) @Schema(required = true, example = "Hana") String firstName,
      @NotBlank @Size(max = 100) @Schema(required = true, example = "Sato") String lastName,
      @NotBlank
          @Schema(
              required = true,
              enumeration = {"agency-admin", "recruiter", "company-admin", "company-member"},
              example = "recruiter")
          String role,
      @Schema(description = "required for company roles in an agency") UUID workspaceId,
      @Schema(
              description = "the invitation mail's language",
              enumeration = {"ja", "en"},
              defaultValue = "ja",
              example = "ja")
          String language) {

    TenantPeople.Invitation toCommand() {
      return new TenantPeople.Invitation(email, firstName, lastName, role, workspaceId, language);
    }
  }

  /** Another role for a member; company roles in an agency name their workspace. */
  public record RoleChange(
      @NotBlank
          @Schema(
              required = true,
              enumeration = {"agency-admin", "recruiter", "company-admin", "company-member"},
              example = "recruiter")
          String role,
      @Schema(description = "required for company roles in an agency") UUID workspaceId) {}

  @GET
  @Path("members")
  public List<MemberView> members() {
    return people.members().stream().map(MemberView::of).toList();
  }

  @POST
  @Path("members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite a person by mail",
      description =
          "201 once the membership exists; invitationMail.status says whether the mail server"
              + " accepted the invitation mail (SENT) or not (NOT_SENT: send it again).")
  public Response invite(@NotNull @Valid InvitationRequest invitation) {
    return Response.status(Response.Status.CREATED)
        .entity(InvitedMemberView.of(invitations.invite(invitation.toCommand())))
        .build();
  }

  @POST
  @Path("members/{memberId}/invitation")
  @Operation(
      summary = "Send a pending invitation again, with a new link (the old one stops working)",
      description = "503 when the mail server did not accept the mail; try again later.")
  public InvitedMemberView resend(@PathParam("memberId") UUID memberId) {
    MemberInvitations.Outcome outcome = invitations.resend(memberId);
    if (outcome.mail().status() == MemberInvitations.Delivery.Status.NOT_SENT) {
      throw new DomainException.Unavailable(
          "The invitation mail was not sent: " + outcome.mail().problem() + ". Try again later.");
    }
    return InvitedMemberView.of(outcome);
  }

  @PUT
  @Path("members/{memberId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give a member another role; the tenant keeps at least one administrator")
  public MemberView changeRole(
      @PathParam("memberId") UUID memberId, @NotNull @Valid RoleChange change) {
    return MemberView.of(people.changeRole(memberId, change.role(), change.workspaceId()));
  }

  @DELETE
  @Path("members/{memberId}")
  @Operation(summary = "Remove a member or withdraw an invitation; their account stays theirs")
  public Response remove(@PathParam("memberId") UUID memberId) {
    people.remove(memberId);
    return Response.noContent().build();
  }

  @GET
  @Path("freelancers")
  public List<FreelancerView> sharingFreelancers() {
    return consents.sharingWithCurrentTenant().stream().map(FreelancerView::of).toList();
  }
}
