package io.proxima.platform.rest;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.ratelimit.RateLimiter;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a {@link RateLimit} operation with 429 and Retry-After once the caller's or their
 * tenant's bucket is empty. Runs after the tenancy filter, so it knows who calls in which tenant,
 * and before the operation does any work.
 */
@Provider
@RateLimit
@Priority(Priorities.USER)
public class RateLimitFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context UriInfo uri;
  @Context HttpServletRequest servletRequest;

  private final String fixedOperation;

  public RateLimitFilter() {
    this(null);
  }

  /** For operations bound without the annotation (a {@code DynamicFeature}). */
  public RateLimitFilter(String operation) {
    this.fixedOperation = operation;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String operation = fixedOperation != null ? fixedOperation : operationOf(resource);
    if (operation == null || operation.isEmpty()) {
      return;
    }
    TenancyContext caller = TenancyContext.current();
    Optional<Duration> wait =
        CDI.current()
            .select(RateLimiter.class)
            .get()
            .acquire(operation, caller.subject(), caller.tenant().orElse(null));
    if (wait.isEmpty()) {
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    Response problem =
        ProblemMappers.respond(
            ClientUris.path(servletRequest, uri),
            new DomainException.RateLimited(
                "Too many requests of this kind; try again in " + seconds + " seconds."));
    request.abortWith(
        Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build());
  }

  static String operationOf(ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    RateLimit onMethod = resource.getResourceMethod().getAnnotation(RateLimit.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    RateLimit onClass = resource.getResourceClass().getAnnotation(RateLimit.class);
    return onClass == null ? null : onClass.value();
  }
}
