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
                response ->
                    new CheckView(
                        response.getName(),
                        response.getStatus().name(),
                        response.getData().orElse(Map.of())))
            .sorted(Comparator.comparing(CheckView::name))
            .toList();
    boolean up =
        views.stream().allMatch(v -> HealthCheckResponse.Status.UP.name().equals(v.status()));
    return new HealthView(up ? "UP" : "DOWN", views);
  }
}
