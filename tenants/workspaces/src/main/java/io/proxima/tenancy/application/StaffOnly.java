package io.proxima.tenancy.application;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation is for the current tenant's staff: anyone else is refused before the business code
 * runs. The role is read from the tenant's own memberships (not from the token) on every call, so a
 * removed recruiter loses access at once.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StaffOnly {

  /** Only the tenant's administrators (agency admin, company admin), not every staff member. */
  @Nonbinding
  boolean administrators() default false;
}
