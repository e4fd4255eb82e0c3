package io.proxima.web.tenancy;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the REST resources
 * against the request's JAX-RS security context. Payara's own MP-JWT filter does the same but asks
 * Jakarta Security, which knows only bearer tokens, and so would refuse every API-key call; it is
 * switched off in {@code payara-web.xml}. A bearer token still signs in through Payara's mechanism
 * before JAX-RS runs, so for token callers nothing changes: no principal is 401, a missing role
 * 403.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method.isAnnotationPresent(DenyAll.class)) {
      context.register(new Check(null));
      return;
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
      if (type.isAnnotationPresent(DenyAll.class)) {
        context.register(new Check(null));
        return;
      }
      roles = type.getAnnotation(RolesAllowed.class);
    }
    if (roles != null) {
      context.register(new Check(roles.value()));
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final String[] roles;

    Check(String[] roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (roles == null) {
        throw new ForbiddenException();
      }
      if (request.getSecurityContext().getUserPrincipal() == null) {
        throw new NotAuthorizedException("Bearer realm=\"proxima\"");
      }
      for (String role : roles) {
        if (request.getSecurityContext().isUserInRole(role)) {
          return;
        }
      }
      throw new ForbiddenException();
    }
  }
}
