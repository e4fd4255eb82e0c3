package io.proxima.tenancy.api;

import io.proxima.identity.api.CallerClaims;
import io.proxima.identity.application.IdentityService;
import io.proxima.platform.rest.Problem;
import io.proxima.tenancy.api.ConsentTermsChangedMapper.TermsChangedProblem;
import io.proxima.tenancy.api.TenantViews.ConsentEventView;
import io.proxima.tenancy.api.TenantViews.ConsentView;
import io.proxima.tenancy.api.TenantViews.InvitationView;
import io.proxima.tenancy.api.TenantViews.MyTenantView;
import io.proxima.tenancy.api.TenantViews.SharingTermsView;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own place in the platform: tenants they belong to, tenants they share with. */
@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyTenancyResource {

  @Inject Consents consents;
  @Inject TenantRepository tenants;
  @Inject IdentityService identity;
  @Inject JsonWebToken token;

  @GET
  @Path("tenants")
  @Transactional
  @Operation(summary = "Tenants the caller is a member of, with their role")
  public List<MyTenantView> tenants() {
    return consents.myMemberships().stream()
        .map(
            membership ->
                MyTenantView.of(membership, tenants.findById(membership.tenantId()).orElseThrow()))
        .toList();
  }

  @GET
  @Path("invitations")
  @Transactional
  @Operation(summary = "Roles tenants offered the caller that they have not accepted yet")
  public List<InvitationView> invitations() {
    return consents.myInvitations().stream()
        .map(
            membership ->
                InvitationView.of(
                    membership, tenants.findById(membership.tenantId()).orElseThrow()))
        .toList();
  }

  @GET
  @Path("consents")
  @Operation(summary = "Tenants the caller shares (or shared) their profile with")
  public List<ConsentView> consents() {
    return consents.mine().stream().map(ConsentView::of).toList();
  }

  @GET
  @Path("consents/log")
  @Operation(
      summary =
          "The caller's consent-and-purpose log: every consent given, revoked or ended, with what"
              + " was shared and the purpose as shown then; newest first")
  public List<ConsentEventView> consentLog() {
    return consents.myLog().stream().map(ConsentEventView::of).toList();
  }

  @GET
  @Path("consents/{tenantSlug}/terms")
  @Operation(
      summary = "What sharing with a tenant would share now and its purpose of use, shown first")
  public SharingTermsView sharingTerms(@PathParam("tenantSlug") String tenantSlug) {
    return SharingTermsView.of(consents.termsOf(tenantSlug).tenant());
  }

  @PUT
  @Path("consents/{tenantSlug}")
  @Operation(
      summary = "Share the caller's profile with a tenant",
      description =
          "With termsVersion (the version of the terms shown), terms the tenant changed since are"
              + " refused with 409 (urn:proxima:problem:consent-terms-changed) carrying the"
              + " current terms; without it, today's terms apply.")
  @APIResponse(
      responseCode = "200",
      description = "shared (or already shared)",
      content = @Content(schema = @Schema(implementation = ConsentView.class)))
  @APIResponse(
      responseCode = "409",
      description = "the terms changed since the version given; nothing is shared",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = TermsChangedProblem.class)))
  public ConsentView share(
      @PathParam("tenantSlug") String tenantSlug,
      @Parameter(
              description = "the version of the terms the caller was shown (GET …/terms)",
              example = "q3Xb9Lk0aZ1c")
          @QueryParam("termsVersion")
          String termsVersion) {
    String seen = TenantViews.termsVersion(termsVersion);
    // The tenant's staff will see who shares with them, so the account must be on record.
    identity.resolveCaller(CallerClaims.of(token));
    return ConsentView.of(consents.give(tenantSlug, seen));
  }

  @DELETE
  @Path("consents/{tenantSlug}")
  @Operation(summary = "Stop sharing with a tenant, effective at once")
  public ConsentView revoke(@PathParam("tenantSlug") String tenantSlug) {
    return ConsentView.of(consents.revoke(tenantSlug));
  }
}
