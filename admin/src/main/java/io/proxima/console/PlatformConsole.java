package io.proxima.console;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the tenant console's resources ({@code /api/v1/platform/…}, platform admins only). The
 * portal and the console share one JAX-RS application; this binding gives the console's resources
 * the platform scope ({@link PlatformScopeFilter}) and tells the portal's tenancy edge to leave
 * them alone.
 */
@NameBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformConsole {}
