package io.proxima.console;

import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The console's edge: platform admins work across every tenant (the platform scope of row-level
 * security); anyone else gets no scope at all, on top of the role checks that already refused them.
 * Bound to the console's resources ({@link PlatformConsole}) only: the portal's resources, served
 * by the same JAX-RS application, get their scope from the portal's tenancy edge.
 */
@Provider
@PlatformConsole
@Priority(Priorities.AUTHORIZATION + 10)
public class PlatformScopeFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    var security = request.getSecurityContext();
    if (security.getUserPrincipal() instanceof JsonWebToken token
        && security.isUserInRole("platform-admin")) {
      TenancyContext.enter(TenancyContext.platform(token.getSubject()));
    } else {
      TenancyContext.enter(TenancyContext.anonymous());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    TenancyContext.leave();
  }
}
