package io.proxima.web.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that works inside one tenant. The edge resolves the tenant (path {@code
 * /t/{slug}/}, {@code <slug>.<base domain>} or a custom host), checks the caller belongs to it (a
 * member, or a freelancer sharing with it) and answers 404 otherwise, so outsiders cannot tell a
 * foreign tenant from a missing one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {

  /** False for the few public tenant endpoints (branding for the login screen). */
  boolean requiresAccess() default true;
}
