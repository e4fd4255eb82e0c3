package io.proxima.platform.rest;

import java.util.Set;

/**
 * The JAX-RS providers every Proxima WAR registers.
 *
 * <p>Our applications list their classes explicitly instead of relying on scanning: the Keycloak
 * admin client brings RESTEasy into WEB-INF/lib, and a scanning Jersey would register RESTEasy's
 * own {@code @Provider} classes next to ours. An explicit list also means a resource exists only
 * when someone registered it, and {@code ApplicationClassesTest} fails the build when a
 * {@code @Path} class is left out.
 */
public final class PlatformProviders {

  private PlatformProviders() {}

  public static Set<Class<?>> all() {
    return Set.of(
        JsonBodyGuard.class,
        ParameterGuard.class,
        ProblemMappers.WebApplication.class,
        ProblemMappers.Validation.class,
        ProblemMappers.MalformedJson.class,
        ProblemMappers.Processing.class,
        ProblemMappers.Domain.class,
        ProblemMappers.Persistence.class,
        ProblemMappers.Transactional.class,
        ProblemMappers.Unexpected.class,
        RateLimitFilter.class);
  }

  /**
   * Properties every application sets: no generated WADL, which would describe every resource,
   * parameter and media type to anyone who asks for {@code /api/application.wadl}.
   */
  public static java.util.Map<String, Object> properties() {
    return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
  }

  /** The platform providers plus an application's own resources and filters. */
  public static Set<Class<?>> with(Class<?>... applicationClasses) {
    var classes = new java.util.HashSet<Class<?>>(all());
    classes.addAll(java.util.Arrays.asList(applicationClasses));
    return Set.copyOf(classes);
  }
}
