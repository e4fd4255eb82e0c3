package io.proxima.tenancy.api;

import io.proxima.platform.audit.AuditExport;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.audit.AuditQuery;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's own audit log, exported for its admins (their compliance reviews, not ours). */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
public class TenantAuditResource {

  private final AuditExport export;

  /** For the CDI client proxy only. */
  protected TenantAuditResource() {
    this(null);
  }

  @Inject
  public TenantAuditResource(AuditExport export) {
    this.export = export;
  }

  @GET
  @Path("audit-events/export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "The tenant's audit log as CSV (RFC 4180, UTF-8) or a JSON array, newest first; tenant"
              + " admins only. excel=true adds a byte-order mark and keeps formula-like cells as"
              + " text. The export is itself audited.")
  @StaffOnly(administrators = true)
  public Response exportEvents(
      @QueryParam("format") String format,
      @QueryParam("excel") String excel,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    TenancyContext caller = TenancyContext.current();
    UUID tenant = caller.requireTenant();
    AuditExport.Options options =
        new AuditExport.Options(AuditExport.Format.parse(format), AuditQuery.flag("excel", excel));
    AuditLog.Filter filter =
        AuditQuery.parse(tenant.toString(), actor, action, from, to, null, AuditQuery.MAX_LIMIT);
    export.announce(tenant, filter, options);
    // The body is written after this request's context is gone; it reads as this caller.
    StreamingOutput body = out -> export.write(filter, options, caller, out);
    return Response.ok(body, options.format().mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"audit-"
                + caller.tenantSlug()
                + "."
                + options.format().extension()
                + "\"")
        .build();
  }
}
