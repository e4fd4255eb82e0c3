package io.proxima.web.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The area of the tenant API an operation belongs to, for API keys: a key may call it with the
 * scope {@code <area>:read} for GET and {@code <area>:write} for anything else. Operations without
 * an area are closed to keys (the key answer is 403), whatever the key's scopes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiKeyArea {

  /**
   * {@code jobs}, {@code applications}, … — see {@code io.proxima.integrations.domain.ApiScope}.
   */
  String value();
}
