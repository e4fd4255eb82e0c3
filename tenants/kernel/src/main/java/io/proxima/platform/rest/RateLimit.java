package io.proxima.platform.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an expensive operation: each user and tenant may call it only so often (see {@link
 * io.proxima.platform.ratelimit.RateLimiter}); beyond that the caller gets 429 with Retry-After.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimit {

  /**
   * The operation, the middle part of its configuration keys: {@code
   * proxima.rate-limit.<operation>.per-user}, {@code .per-tenant}.
   */
  String value() default "";
}
