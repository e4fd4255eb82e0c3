package io.proxima.web;

import io.proxima.live.api.MyLiveResource;
import io.proxima.platform.rest.RateLimitFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Rate-limits the sign-in helpers that live in other contexts' resources, the same way
 * {@code @RateLimit} does on an operation: {@code POST /api/v1/me/live-ticket} mints a one-use
 * socket ticket per call ({@code proxima.rate-limit.live-ticket.per-user}).
 */
@Provider
public class SignInHelperRateLimits implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (resource.getResourceClass() == MyLiveResource.class
        && resource.getResourceMethod().getName().equals("liveTicket")) {
      context.register(new RateLimitFilter("live-ticket"));
    }
  }
}
