package io.proxima.tenancy.api;

import io.proxima.tenancy.api.TenantViews.PublicBranding;
import io.proxima.tenancy.api.TenantViews.TenantView;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.interfaces.BrandingView;
import io.proxima.web.tenancy.TenancyFilter;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant the request is addressed to. */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  @Context ContainerRequestContext request;

  @Inject
  @ConfigProperty(name = "proxima.oidc.issuer")
  String issuer;

  @GET
  @Path("branding")
  @PermitAll
  @TenantScoped(requiresAccess = false)
  @Operation(summary = "The tenant's branding and OIDC client, for its login screen (public)")
  public PublicBranding branding() {
    Tenant tenant = (Tenant) request.getProperty(TenancyFilter.TENANT_PROPERTY);
    return new PublicBranding(
        tenant.slug().value(),
        tenant.status().name(),
        BrandingView.of(tenant.branding()),
        issuer,
        tenant.keycloakClientId());
  }

  @GET
  @Path("tenant")
  @RolesAllowed("proxima-user")
  @TenantScoped
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "The current tenant and the caller's standing in it")
  public TenantView tenant() {
    Tenant tenant = (Tenant) request.getProperty(TenancyFilter.TENANT_PROPERTY);
    TenantEdge.Access access =
        (TenantEdge.Access) request.getProperty(TenancyFilter.ACCESS_PROPERTY);
    return new TenantView(
        tenant.slug().value(),
        tenant.type().name(),
        tenant.status().name(),
        tenant.plan().wireName(),
        tenant.mfaRequired(),
        BrandingView.of(tenant.branding()),
        access.role().map(role -> role.wireName()).orElse(null),
        access.sharingFreelancer());
  }
}
