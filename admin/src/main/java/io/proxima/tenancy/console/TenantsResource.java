package io.proxima.tenancy.console;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.console.PlatformConsole;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.ClientUris;
import io.proxima.tenancy.application.MemberInvitations;
import io.proxima.tenancy.application.TenantAdministration;
import io.proxima.tenancy.application.TenantAdministration.BrandingInput;
import io.proxima.tenancy.application.TenantAdministration.FirstAdmin;
import io.proxima.tenancy.application.TenantAdministration.NewTenant;
import io.proxima.tenancy.application.TenantAdministration.TenantOverview;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.interfaces.BrandingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Tenants as the platform operates them: create, brand, plan, MFA, suspend, resume and close. */
@PlatformConsole
@Path("/v1/platform/tenants")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

  public record UsageView(long members, long workspaces, long sharingFreelancers) {
    static UsageView of(TenantRepository.Usage usage) {
      return new UsageView(usage.members(), usage.workspaces(), usage.sharingFreelancers());
    }
  }

  public record TenantView(
      UUID id,
      String slug,
      String type,
      String status,
      String plan,
      boolean mfaRequired,
      BrandingView branding,
      String keycloakClientId,
      Instant createdAt,
      Instant statusChangedAt,
      @Schema(description = "when the tenant was closed; null unless CLOSED") Instant closedAt,
      @Schema(
              description =
                  "when its personal data was erased, the retention period after its closure")
          Instant personalDataErasedAt,
      UsageView usage,
      @Schema(description = "only when the tenant was just created: the first admin's invitation")
          InvitationMailView firstAdminInvitation) {

    static TenantView of(Tenant tenant, TenantRepository.Usage usage) {
      return of(tenant, usage, null);
    }

    static TenantView of(
        Tenant tenant, TenantRepository.Usage usage, InvitationMailView firstAdminInvitation) {
      return new TenantView(
          tenant.id(),
          tenant.slug().value(),
          tenant.type().name(),
          tenant.status().name(),
          tenant.plan().wireName(),
          tenant.mfaRequired(),
          BrandingView.of(tenant.branding()),
          tenant.keycloakClientId(),
          tenant.createdAt(),
          tenant.statusChangedAt(),
          tenant.closedAt().orElse(null),
          tenant.personalDataErasedAt().orElse(null),
          usage == null ? null : UsageView.of(usage),
          firstAdminInvitation);
    }

    static TenantView of(TenantOverview overview) {
      return of(overview.tenant(), overview.usage());
    }
  }

  /**
   * Whether the invitation mail left: {@code SENT} once the mail server accepted it, {@code
   * NOT_SENT} (with the reason; send it again), {@code NOT_NEEDED} for an existing account.
   */
  public record InvitationMailView(String status, Instant sentAt, String problem) {
    static InvitationMailView of(MemberInvitations.Delivery delivery) {
      return new InvitationMailView(
          delivery.status().name(), delivery.sentAt(), delivery.problem());
    }
  }

  /** A new tenant as the console sends it; checked by {@link TenantAdministration#create}. */
  public record NewTenantRequest(
      @Schema(
              required = true,
              pattern = "^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$",
              description = "lower-case letters, digits and hyphens; the tenant's address")
          String slug,
      @Schema(required = true, example = "AGENCY") TenantType type,
      @Schema(required = true) BrandingRequest branding,
      @Schema(
              required = true,
              enumeration = {"free", "standard", "enterprise"},
              example = "standard")
          String plan,
      @Schema(required = true) AdminRequest firstAdmin) {

    NewTenant toCommand() {
      return new NewTenant(
          slug,
          type,
          branding == null ? null : branding.toInput(),
          plan,
          firstAdmin == null ? null : firstAdmin.toCommand());
    }
  }

  public record BrandingRequest(
      @Schema(required = true, example = "さくらタレント") String displayName,
      @Schema(format = "uri", example = "https://example.jp/logo.png") String logoUrl,
      @Schema(pattern = "^#[0-9a-fA-F]{6}$", example = "#c2185b") String primaryColor,
      @Schema(pattern = "^#[0-9a-fA-F]{6}$", example = "#ffb300") String accentColor,
      @Schema(description = "the tenant's own host names, e.g. portal.sakura.example.jp")
          List<String> hostNames) {

    BrandingInput toInput() {
      return new BrandingInput(displayName, logoUrl, primaryColor, accentColor, hostNames);
    }
  }

  public record AdminRequest(
      @Schema(required = true, format = "email") String email,
      @Schema(required = true, example = "Hana") String firstName,
      @Schema(required = true, example = "Sato") String lastName) {

    FirstAdmin toCommand() {
      return new FirstAdmin(email, firstName, lastName);
    }
  }

  public record PlanChange(
      @Schema(
              required = true,
              enumeration = {"free", "standard", "enterprise"},
              example = "standard")
          String plan) {}

  public record MfaSetting(@Schema(required = true, example = "false") Boolean required) {}

  @Inject TenantAdministration administration;
  @Inject MemberInvitations invitations;
  @Context UriInfo uri;
  @Context HttpServletRequest servletRequest;

  @GET
  @Operation(summary = "All tenants with status, plan and usage")
  public List<TenantView> tenants() {
    return administration.list().stream().map(TenantView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a tenant: Keycloak organization, branded client and first admin")
  public Response create(NewTenantRequest request) {
    Tenant tenant = administration.create(required(request).toCommand());
    // After the tenant committed: a mail server that is down costs a resend, never the tenant.
    MemberInvitations.Delivery mail;
    try {
      mail = invitations.inviteFirstAdministrator(tenant.id());
    } catch (DomainException e) {
      // The tenant exists either way; the console offers the resend.
      mail =
          new MemberInvitations.Delivery(
              MemberInvitations.Delivery.Status.NOT_SENT, null, e.getMessage());
    }
    return Response.created(
            ClientUris.absolutePath(servletRequest, uri).path(tenant.id().toString()).build())
        .entity(
            TenantView.of(
                tenant,
                new TenantRepository.Usage(tenant.id(), 1, 0, 0),
                InvitationMailView.of(mail)))
        .build();
  }

  @POST
  @Path("{tenantId}/first-admin/invitation")
  @Operation(
      summary = "Send the first admin's invitation mail again, with a new link",
      description =
          "409 when the first admin already set a password; 503 when the mail server did not"
              + " accept the mail.")
  public InvitationMailView resendFirstAdminInvitation(@PathParam("tenantId") UUID tenantId) {
    MemberInvitations.Delivery mail = invitations.inviteFirstAdministrator(tenantId);
    return switch (mail.status()) {
      case SENT -> InvitationMailView.of(mail);
      case NOT_NEEDED ->
          throw new DomainException.Conflict(
              "the first administrator has already set a password and signs in");
      case NOT_SENT ->
          throw new DomainException.Unavailable(
              "The invitation mail was not sent: " + mail.problem() + ". Try again later.");
    };
  }

  @GET
  @Path("{tenantId}")
  public TenantView tenant(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(administration.get(tenantId));
  }

  @PUT
  @Path("{tenantId}/branding")
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantView rebrand(@PathParam("tenantId") UUID tenantId, BrandingRequest branding) {
    return TenantView.of(administration.rebrand(tenantId, required(branding).toInput()), null);
  }

  @PUT
  @Path("{tenantId}/plan")
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantView changePlan(@PathParam("tenantId") UUID tenantId, PlanChange change) {
    return TenantView.of(administration.changePlan(tenantId, required(change).plan()), null);
  }

  @PUT
  @Path("{tenantId}/mfa")
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantView requireMfa(@PathParam("tenantId") UUID tenantId, MfaSetting setting) {
    if (required(setting).required() == null) {
      throw new DomainException.InvalidValue("required", "required must be true or false");
    }
    return TenantView.of(administration.requireMfa(tenantId, setting.required()), null);
  }

  @POST
  @Path("{tenantId}/suspend")
  public TenantView suspend(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(administration.suspend(tenantId), null);
  }

  @POST
  @Path("{tenantId}/close")
  @Operation(
      summary =
          "Close a tenant: refused to everyone at once; its personal data is erased after the"
              + " retention period (proxima.tenants.retention-days), invoices and signed contracts"
              + " kept")
  public TenantView close(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(administration.close(tenantId), null);
  }

  @POST
  @Path("{tenantId}/resume")
  public TenantView resume(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(administration.resume(tenantId), null);
  }
}
