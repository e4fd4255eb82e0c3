package io.proxima.console;

import io.proxima.console.MonthlyActivity.Report;
import io.proxima.platform.error.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The figures behind the console's charts: matches, contracts and revenue per month. */
@PlatformConsole
@Path("/v1/platform/metrics")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

  /** Months are Japan's, like invoices' issue dates and the scout allowance. */
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  public record MonthView(
      String month,
      long matches,
      long applications,
      long acceptedScouts,
      long contracts,
      long invoicedYen) {
    static MonthView of(MonthlyActivity.Month month) {
      return new MonthView(
          month.month().toString(),
          month.applications() + month.acceptedScouts(),
          month.applications(),
          month.acceptedScouts(),
          month.contracts(),
          month.invoicedYen());
    }
  }

  public record TenantView(
      UUID tenantId,
      String slug,
      String displayName,
      long matches,
      long applications,
      long acceptedScouts,
      long contracts,
      long invoicedYen) {
    static TenantView of(MonthlyActivity.TenantTotal total) {
      return new TenantView(
          total.tenantId(),
          total.slug(),
          total.displayName(),
          total.applications() + total.acceptedScouts(),
          total.applications(),
          total.acceptedScouts(),
          total.contracts(),
          total.invoicedYen());
    }
  }

  /**
   * Every month of the range in order, empty ones as zeros, and each tenant's totals over it
   * (largest invoiced first); {@code tenantId} is null across all tenants.
   */
  public record MonthlyMetrics(
      String from, String to, UUID tenantId, List<MonthView> months, List<TenantView> tenants) {}

  private final MonthlyActivity activity;
  private final Clock clock;

  @Inject
  public MetricsResource(MonthlyActivity activity) {
    this(activity, Clock.system(TOKYO));
  }

  MetricsResource(MonthlyActivity activity, Clock clock) {
    this.activity = activity;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected MetricsResource() {
    this(null, Clock.system(TOKYO));
  }

  @GET
  @Path("monthly")
  @Operation(
      summary =
          "Matches (applications filed plus scouts accepted), contracts drafted and the net"
              + " amount invoiced (tax included, credit notes deducted) per month, Japan time."
              + " from and to are YYYY-MM, both included, at most 120 months; by default the"
              + " last 12. tenantId narrows to one tenant.")
  public MonthlyMetrics monthly(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tenantId") String tenantId) {
    MonthRange range = MonthRange.parse(from, to, YearMonth.now(clock));
    UUID tenant = tenantId(tenantId);
    Report report = activity.between(range.from(), range.to(), tenant);
    if (tenant != null && report.tenants().isEmpty()) {
      throw new DomainException.NotFound("no tenant " + tenant);
    }
    return new MonthlyMetrics(
        range.from().toString(),
        range.to().toString(),
        tenant,
        report.months().stream().map(MonthView::of).toList(),
        report.tenants().stream().map(TenantView::of).toList());
  }

  /** A malformed id is a bad filter (400); a well-formed unknown one is a missing tenant (404). */
  static UUID tenantId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue("tenantId", "tenantId must be a tenant id (a UUID)");
    }
  }
}
