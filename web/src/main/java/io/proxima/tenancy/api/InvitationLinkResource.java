package io.proxima.tenancy.api;

import io.proxima.tenancy.application.TenantPeople;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The link in an invitation mail, followed by someone not signed in (they may have no password
 * yet). The token is the only credential: it comes in the body, never in a URL a log would keep,
 * and any token that is not a live link of this tenant gets the same 404.
 */
@Path("/v1/invitation-link")
@RequestScoped
@PermitAll
@TenantScoped(requiresAccess = false)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationLinkResource {

  public record LinkRequest(
      @NotBlank
          @Size(max = 200)
          @Schema(required = true, example = "q8m1Hc0b2kz7uXQyq4m9cF3nJr2pL0aS6eVwY1tD5hI")
          String token) {}

  public record Activation(
      @NotBlank
          @Size(max = 200)
          @Schema(required = true, example = "q8m1Hc0b2kz7uXQyq4m9cF3nJr2pL0aS6eVwY1tD5hI")
          String token,
      @NotBlank
          @Size(min = 10, max = 128)
          @Schema(required = true, format = "password", example = "kasumi-Tokyo-2026")
          String password) {}

  /**
   * @param needsPassword true when the invitation made the account: the invitee chooses its
   *     password here; false when they already have one and sign in to accept
   */
  public record InvitationLinkView(
      String email, String displayName, String role, boolean needsPassword) {}

  private final TenantPeople people;

  @Inject
  public InvitationLinkResource(TenantPeople people) {
    this.people = people;
  }

  protected InvitationLinkResource() {
    this(null);
  }

  @POST
  @Path("inspect")
  @Operation(summary = "Whom an invitation link invites, and whether they set a password")
  public InvitationLinkView inspect(@NotNull @Valid LinkRequest request) {
    TenantPeople.InvitationLink link = people.inspectInvitationLink(request.token());
    return new InvitationLinkView(
        link.email(), link.displayName(), link.role().wireName(), link.needsPassword());
  }

  @POST
  @Path("activate")
  @Operation(
      summary = "Set the first password of the account an invitation made; the link is spent")
  public InvitationLinkView activate(@NotNull @Valid Activation activation) {
    var membership = people.activateThroughLink(activation.token(), activation.password());
    return new InvitationLinkView(
        membership.email(), membership.displayName(), membership.role().wireName(), false);
  }
}
