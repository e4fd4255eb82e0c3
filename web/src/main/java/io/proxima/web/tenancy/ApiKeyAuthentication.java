package io.proxima.web.tenancy;

import io.proxima.integrations.application.ApiKeys;
import io.proxima.integrations.domain.ApiScope;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Signs in a request that carries an API key in {@code X-Api-Key} instead of a bearer token. The
 * key is looked up in the tenant the request is addressed to, so a key of another tenant is unknown
 * there (401); a known key is let through only to operations of an area its scopes cover, and a
 * refusal is a 403 problem the tenant's audit log records. The key's secret is never logged: only
 * its hash is looked up, and the audit names the key by id and prefix.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthentication implements ContainerRequestFilter {

  public static final String HEADER = "X-Api-Key";

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject TenantEdge edge;
  @Inject ApiKeys keys;

  @Override
  public void filter(ContainerRequestContext request) {
    String presented = request.getHeaderString(HEADER);
    if (presented == null) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() != null) {
      throw new DomainException.InvalidValue(
          HEADER, "send either a bearer token or an API key, not both");
    }
    if (resource == null || resource.getResourceMethod() == null || !tenantScoped()) {
      throw new NotAuthorizedException("Bearer realm=\"proxima\"");
    }
    String slug = (String) servletRequest.getAttribute(TenantPathFilter.SLUG_ATTRIBUTE);
    Tenant tenant =
        edge.resolve(slug, request.getHeaderString("Host"))
            .orElseThrow(() -> new DomainException.NotFound("There is no such workspace."));
    Optional<ApiKeys.Opened> opened =
        TenancyContext.callIn(
            TenancyContext.tenant(tenant.id(), tenant.slug().value(), null),
            () -> keys.open(presented.strip()));
    if (opened.isEmpty()) {
      throw new NotAuthorizedException("Bearer realm=\"proxima\"");
    }
    ApiKeys.Opened key = opened.get();
    boolean write = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    Optional<ApiScope> needed = area().flatMap(area -> ApiScope.needed(area, write));
    if (needed.isEmpty() || !key.scopes().contains(needed.get())) {
      String what =
          needed.map(scope -> "needs " + scope.wireName()).orElse("operation not open to API keys");
      TenancyContext.callIn(
          TenancyContext.tenant(tenant.id(), tenant.slug().value(), key.subject()),
          () -> {
            keys.denied(key.keyId(), request.getMethod() + " " + what);
            return null;
          });
      throw new DomainException.Refused(
          needed
              .map(scope -> "This API key lacks the scope " + scope.wireName() + ".")
              .orElse("API keys cannot call this operation."));
    }
    request.setSecurityContext(new KeySecurity(new ApiKeyPrincipal(key), request));
  }

  private boolean tenantScoped() {
    return resource.getResourceMethod().isAnnotationPresent(TenantScoped.class)
        || resource.getResourceClass().isAnnotationPresent(TenantScoped.class);
  }

  private Optional<String> area() {
    ApiKeyArea onMethod = resource.getResourceMethod().getAnnotation(ApiKeyArea.class);
    if (onMethod != null) {
      return Optional.of(onMethod.value());
    }
    return Optional.ofNullable(resource.getResourceClass().getAnnotation(ApiKeyArea.class))
        .map(ApiKeyArea::value);
  }

  /** A key is a portal user to the role checks; what it may do is bounded above, by its scopes. */
  private record KeySecurity(ApiKeyPrincipal principal, ContainerRequestContext request)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return "proxima-user".equals(role);
    }

    @Override
    public boolean isSecure() {
      return request.getSecurityContext().isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "API-Key";
    }
  }
}
