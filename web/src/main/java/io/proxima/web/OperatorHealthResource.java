package io.proxima.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * This node's health checks with their details (cluster address, database role, identity provider),
 * for platform operators. The public {@code /health} answers only up or down: the details map the
 * deployment for an attacker.
 */
@Path("/v1/platform/health")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorHealthResource {

  static final String DEGRADED = "DEGRADED";

  public record CheckView(String name, String status, Map<String, Object> data) {}

  public record HealthView(String status, List<CheckView> checks) {}

  private final Instance<HealthCheck> checks;

  @Inject
  public OperatorHealthResource(@Any Instance<HealthCheck> checks) {
    this.checks = checks;
  }

  protected OperatorHealthResource() {
    this(null);
  }

  @GET
  public HealthView health() {
    List<CheckView> views =
        checks.stream()
            .map(HealthCheck::call)
            .map(
                response -> {
                  Map<String, Object> data = response.getData().orElse(Map.of());
                  return new CheckView(response.getName(), status(response, data), data);
                })
            .sorted(Comparator.comparing(CheckView::name))
            .toList();
    return new HealthView(overall(views), views);
  }

  /**
   * A check that stays UP for the load balancer but says {@code degraded} in its data (the identity
   * provider being away: signed-in people keep working, nobody new signs in) is DEGRADED here.
   */
  private static String status(HealthCheckResponse response, Map<String, Object> data) {
    if (response.getStatus() == HealthCheckResponse.Status.UP
        && Boolean.TRUE.equals(data.get("degraded"))) {
      return DEGRADED;
    }
    return response.getStatus().name();
  }

  private static String overall(List<CheckView> views) {
    if (views.stream().anyMatch(v -> HealthCheckResponse.Status.DOWN.name().equals(v.status()))) {
      return HealthCheckResponse.Status.DOWN.name();
    }
    return views.stream().anyMatch(v -> DEGRADED.equals(v.status()))
        ? DEGRADED
        : HealthCheckResponse.Status.UP.name();
  }
}
