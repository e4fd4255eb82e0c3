package io.proxima.tenancy.console;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.console.PlatformConsole;
import io.proxima.identity.application.IdentityService;
import io.proxima.platform.audit.AuditChainVerifier;
import io.proxima.platform.audit.AuditChains;
import io.proxima.platform.audit.AuditEvent;
import io.proxima.platform.audit.AuditExport;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.audit.AuditQuery;
import io.proxima.platform.audit.AuditRetention;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The platform's audit log for platform admins: browse with filters and a cursor, export as CSV or
 * JSON, verify a chain, and set and apply retention.
 */
@PlatformConsole
@Path("/v1/platform")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

  private static final HexFormat HEX = HexFormat.of();

  public record EventView(
      long id,
      Instant occurredAt,
      String actorSubject,
      String actorName,
      String action,
      UUID tenantId,
      String target,
      String sourceIp,
      String requestId,
      String details,
      String chainKey,
      Long chainSeq,
      String hash) {
    static EventView of(AuditEvent event, Map<String, String> names) {
      return new EventView(
          event.id(),
          event.occurredAt(),
          event.actorSubject(),
          event.actorName() != null ? event.actorName() : names.get(event.actorSubject()),
          event.action(),
          event.tenantId(),
          event.target(),
          event.sourceIp(),
          event.requestId(),
          event.details(),
          event.chainKey(),
          event.chainSeq(),
          event.hash() == null ? null : HEX.formatHex(event.hash()));
    }
  }

  /** One page, newest first; {@code nextCursor} is null on the last page. */
  public record EventPage(List<EventView> items, String nextCursor) {}

  public record RetentionInput(
      @Schema(required = true, minimum = "365", description = "days to keep", example = "730")
          Integer keepDays) {}

  public record PurgeView(Map<String, Long> removed) {}

  private final AuditLog audit;
  private final AuditExport export;
  private final AuditChains chains;
  private final AuditRetention retention;
  private final IdentityService identity;

  /** For the CDI client proxy only. */
  protected AuditEventsResource() {
    this(null, null, null, null, null);
  }

  @Inject
  public AuditEventsResource(
      AuditLog audit,
      AuditExport export,
      AuditChains chains,
      AuditRetention retention,
      IdentityService identity) {
    this.audit = audit;
    this.export = export;
    this.chains = chains;
    this.retention = retention;
    this.identity = identity;
  }

  @GET
  @Path("audit-events")
  @Operation(
      summary =
          "Audit events, newest first. tenant is a tenant id or 'platform'; action is a prefix;"
              + " from (inclusive) and to (exclusive) are ISO-8601 instants or dates; cursor is"
              + " the previous page's nextCursor; limit 1 to 1000")
  public EventPage events(
      @QueryParam("tenant") String tenant,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    AuditLog.Filter filter =
        AuditQuery.parse(tenant, actor, action, from, to, cursor, number("limit", limit));
    List<AuditEvent> events = audit.find(filter);
    String next =
        events.size() < filter.limit() ? null : events.get(events.size() - 1).id().toString();
    Map<String, String> names = actorNames(events);
    return new EventPage(events.stream().map(event -> EventView.of(event, names)).toList(), next);
  }

  /**
   * The display names of a page's actors as their accounts have them now. The log records the
   * subject (the chained, unchangeable fact); the name is looked up for reading, so a reader sees
   * "山田 太郎" rather than a UUID. The platform's own jobs ("system:…") have no account.
   */
  private Map<String, String> actorNames(List<AuditEvent> events) {
    Map<String, String> names = new java.util.HashMap<>();
    events.stream()
        .map(AuditEvent::actorSubject)
        .filter(subject -> subject != null && !subject.isBlank() && !subject.contains(":"))
        .distinct()
        .forEach(
            subject -> identity.displayNameOf(subject).ifPresent(name -> names.put(subject, name)));
    return names;
  }

  @GET
  @Path("audit-events/export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "Every audit event the filters select, streamed as CSV (RFC 4180, UTF-8) or a JSON"
              + " array; excel=true adds a byte-order mark for Excel and keeps formula-like"
              + " cells as text. The export is itself audited.")
  public Response exportEvents(
      @QueryParam("format") String format,
      @QueryParam("excel") String excel,
      @QueryParam("tenant") String tenant,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditExport.Options options =
        new AuditExport.Options(AuditExport.Format.parse(format), AuditQuery.flag("excel", excel));
    AuditLog.Filter filter =
        AuditQuery.parse(tenant, actor, action, from, to, null, AuditQuery.MAX_LIMIT);
    export.announce(null, filter, options);
    // The body is written after this request's context is gone; it reads as this caller.
    TenancyContext caller = TenancyContext.current();
    StreamingOutput body = out -> export.write(filter, options, caller, out);
    return Response.ok(body, options.format().mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"audit-"
                + (filter.chainKey() == null ? "all" : filter.chainKey())
                + "."
                + options.format().extension()
                + "\"")
        .build();
  }

  @GET
  @Path("audit-events/verify")
  @Operation(
      summary =
          "Recomputes one chain (tenant id or 'platform') from its latest retention checkpoint"
              + " to its head; intact, or the first broken link with expected and actual values")
  public AuditChainVerifier.Result verify(@QueryParam("tenant") String tenant) {
    String chain = AuditQuery.chainKey(tenant);
    if (chain == null) {
      throw new DomainException.InvalidValue(
          "tenant", "tenant is required: a tenant id or 'platform'");
    }
    return chains.verify(chain);
  }

  @GET
  @Path("audit-retention/{tenantId}")
  @Operation(summary = "How long the tenant's audit log is kept, and whether that is the default")
  public AuditRetention.Setting retention(@PathParam("tenantId") String tenantId) {
    return retention.of(tenantId(tenantId));
  }

  @PUT
  @Path("audit-retention/{tenantId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sets the tenant's audit retention in days; never below the platform minimum")
  public AuditRetention.Setting setRetention(
      @PathParam("tenantId") String tenantId, RetentionInput input) {
    Integer days = required(input).keepDays();
    if (days == null) {
      throw new DomainException.InvalidValue("keepDays", "keepDays is required");
    }
    return retention.set(tenantId(tenantId), days);
  }

  @POST
  @Path("audit-events/purge")
  @Operation(
      summary =
          "Removes every chain's entries older than its retention now, leaving a checkpoint so"
              + " the rest still verifies; the entries removed per chain")
  public PurgeView purge() {
    return new PurgeView(retention.purgeExpired());
  }

  private static UUID tenantId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new DomainException.NotFound("no tenant " + value);
    }
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new DomainException.InvalidValue(name, name + " must be a number");
    }
  }
}
