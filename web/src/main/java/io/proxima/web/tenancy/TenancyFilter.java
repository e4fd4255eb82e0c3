package io.proxima.web.tenancy;

import io.proxima.console.PlatformConsole;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.logging.LogContext;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRole;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The edge of tenancy for the portal API. Every request leaves here with a {@link TenancyContext}:
 * anonymous, the caller's own ({@code SELF}), or one tenant's after the caller's access to it was
 * checked. Runs after authentication and role checks. The tenant console's resources ({@link
 * PlatformConsole}, served by the same application) are left to the console's own edge, which gives
 * platform admins the platform scope.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class TenancyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String ACCESS_PROPERTY = "io.proxima.tenant.access";
  public static final String TENANT_PROPERTY = "io.proxima.tenant";

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject TenantEdge edge;
  @Inject ErasedAccounts erasedAccounts;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isConsole()) {
      return;
    }
    String subject = subjectOf(request.getSecurityContext().getUserPrincipal());
    // A deleted account's token is still signed and unexpired: it opens nothing.
    if (subject != null
        && request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken
        && erasedAccounts.isErased(subject)) {
      throw new NotAuthorizedException("Bearer realm=\"proxima\"");
    }
    TenantScoped scoped = tenantScoping();
    if (scoped == null) {
      TenancyContext.enter(
          subject == null ? TenancyContext.anonymous() : TenancyContext.self(subject));
      return;
    }
    String slug = (String) servletRequest.getAttribute(TenantPathFilter.SLUG_ATTRIBUTE);
    Tenant tenant =
        edge.resolve(slug, request.getHeaderString("Host"))
            .orElseThrow(() -> new DomainException.NotFound("There is no such workspace."));
    TenancyContext.enter(TenancyContext.tenant(tenant.id(), tenant.slug().value(), subject));
    LogContext.tenant(tenant.slug().value());
    request.setProperty(TENANT_PROPERTY, tenant);
    if (!scoped.requiresAccess()) {
      return;
    }
    if (subject == null) {
      throw new NotAuthorizedException("Bearer realm=\"proxima\"");
    }
    TenantEdge.Access access = accessOf(request, tenant, subject);
    if (!access.any()) {
      throw new DomainException.NotFound("There is no such workspace.");
    }
    // Only people inside learn that their tenant is suspended.
    if (!tenant.isActive()) {
      throw new DomainException.TenantSuspended(tenant.slug().value());
    }
    request.setProperty(ACCESS_PROPERTY, access);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    TenancyContext.leave();
  }

  /**
   * A key was opened in this very tenant and its scopes checked ({@link ApiKeyAuthentication}); it
   * stands as staff. Anyone else is what the tenant's memberships and consents say.
   */
  private TenantEdge.Access accessOf(
      ContainerRequestContext request, Tenant tenant, String subject) {
    if (request.getSecurityContext().getUserPrincipal() instanceof ApiKeyPrincipal key) {
      if (!key.key().tenantId().equals(tenant.id())) {
        throw new DomainException.NotFound("There is no such workspace.");
      }
      return new TenantEdge.Access(Optional.of(TenantRole.RECRUITER), false);
    }
    return edge.access(tenant.id(), subject);
  }

  private boolean isConsole() {
    return resource != null
        && resource.getResourceClass() != null
        && resource.getResourceClass().isAnnotationPresent(PlatformConsole.class);
  }

  private TenantScoped tenantScoping() {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    TenantScoped onMethod = resource.getResourceMethod().getAnnotation(TenantScoped.class);
    return onMethod != null
        ? onMethod
        : resource.getResourceClass().getAnnotation(TenantScoped.class);
  }

  private static String subjectOf(Principal principal) {
    if (principal instanceof JsonWebToken token) {
      return token.getSubject();
    }
    if (principal instanceof ApiKeyPrincipal key) {
      return key.getName();
    }
    return null;
  }
}
