package io.proxima.tenancy.console;

import io.proxima.console.PlatformConsole;
import io.proxima.platform.audit.AuditEvent;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The platform's audit log, newest first, with filters: the first console viewer, kept for its
 * callers. {@link AuditEventsResource} adds cursors, exports and verification; action is a prefix.
 */
@PlatformConsole
@Path("/v1/platform/audit")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  public record AuditView(
      long id,
      Instant occurredAt,
      String actorSubject,
      String action,
      UUID tenantId,
      String target,
      String sourceIp,
      String requestId,
      String details) {
    static AuditView of(AuditEvent event) {
      return new AuditView(
          event.id(),
          event.occurredAt(),
          event.actorSubject(),
          event.action(),
          event.tenantId(),
          event.target(),
          event.sourceIp(),
          event.requestId(),
          event.details());
    }
  }

  @Inject AuditLog audit;

  @GET
  @Operation(summary = "Audit events; from/to are ISO-8601 instants, limit 1 to 1000")
  public List<AuditView> events(
      @QueryParam("tenantId") UUID tenantId,
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new DomainException.InvalidValue("limit", "limit must be between 1 and 1000");
    }
    return audit
        .find(
            new AuditLog.Filter(
                tenantId == null ? null : tenantId.toString(),
                action,
                actor,
                instant("from", from),
                instant("to", to),
                null,
                limit))
        .stream()
        .map(AuditView::of)
        .toList();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(name, name + " is not an ISO-8601 instant: " + value);
    }
  }
}
