package io.proxima.tenancy.api;

import io.proxima.tenancy.api.TenantViews.FreelancerView;
import io.proxima.tenancy.api.TenantViews.MemberView;
import io.proxima.tenancy.application.Consents;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
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
      @Schema(description = "required for company roles in an agency") UUID workspaceId) {

    TenantPeople.Invitation toCommand() {
      return new TenantPeople.Invitation(email, firstName, lastName, role, workspaceId);
    }
  }

  @GET
  @Path("members")
  public List<MemberView> members() {
    return people.members().stream().map(MemberView::of).toList();
  }

  @POST
  @Path("members")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(@NotNull @Valid InvitationRequest invitation) {
    return Response.status(Response.Status.CREATED)
        .entity(MemberView.of(people.invite(invitation.toCommand())))
        .build();
  }

  @GET
  @Path("freelancers")
  public List<FreelancerView> sharingFreelancers() {
    return consents.sharingWithCurrentTenant().stream().map(FreelancerView::of).toList();
  }
}
