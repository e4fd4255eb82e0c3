package io.proxima.console;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The platform's activity per calendar month, for the tenant console's charts: applications filed
 * and scouts accepted (the two ways a freelancer and a job are matched), contracts drafted, and the
 * net amount invoiced (credit notes carry negative totals, so they cancel what they correct).
 *
 * <p>A read model over the business tables in native SQL: it counts rows of several bounded
 * contexts at once, which no aggregate owns. Months are Japan's (Asia/Tokyo), as invoices and scout
 * allowances already are; an invoice counts in the month of its issue date.
 *
 * <p>It must run in the platform scope: under any other, row-level security would quietly narrow
 * the counts to one tenant (or to nothing) and the charts would lie rather than fail.
 */
@ApplicationScoped
public class MonthlyActivity {

  /** One month's figures; {@code invoicedYen} is tax included, net of credit notes. */
  public record Month(
      YearMonth month, long applications, long acceptedScouts, long contracts, long invoicedYen) {}

  /** One tenant's figures over the whole range. */
  public record TenantTotal(
      UUID tenantId,
      String slug,
      String displayName,
      long applications,
      long acceptedScouts,
      long contracts,
      long invoicedYen) {}

  /**
   * Every month of the range, empty ones included, and the tenants in it ({@code tenants} is empty
   * only when {@code tenantId} names no tenant).
   */
  public record Report(List<Month> months, List<TenantTotal> tenants) {}

  // ?1 first day of the range, ?2 first day after it, ?3 a tenant id or '' for every tenant.
  private static final String BOUNDS =
      """
      WITH bounds AS (
          SELECT CAST(?1 AS date) AS first_day, CAST(?2 AS date) AS after_day,
                 CAST(CAST(?1 AS date) AS timestamp) AT TIME ZONE 'Asia/Tokyo' AS lo,
                 CAST(CAST(?2 AS date) AS timestamp) AT TIME ZONE 'Asia/Tokyo' AS hi,
                 CAST(nullif(CAST(?3 AS text), '') AS uuid) AS only_tenant
      ),
      events AS (
          SELECT a.tenant_id, CAST(a.created_at AT TIME ZONE 'Asia/Tokyo' AS date) AS day,
                 1 AS applications, 0 AS accepted_scouts, 0 AS contracts, CAST(0 AS bigint) AS yen
            FROM job_application a, bounds b
           WHERE a.created_at >= b.lo AND a.created_at < b.hi
             AND (b.only_tenant IS NULL OR a.tenant_id = b.only_tenant)
          UNION ALL
          SELECT s.tenant_id, CAST(s.answered_at AT TIME ZONE 'Asia/Tokyo' AS date), 0, 1, 0, 0
            FROM scout s, bounds b
           WHERE s.status = 'ACCEPTED' AND s.answered_at >= b.lo AND s.answered_at < b.hi
             AND (b.only_tenant IS NULL OR s.tenant_id = b.only_tenant)
          UNION ALL
          SELECT c.tenant_id, CAST(c.created_at AT TIME ZONE 'Asia/Tokyo' AS date), 0, 0, 1, 0
            FROM contract c, bounds b
           WHERE c.created_at >= b.lo AND c.created_at < b.hi
             AND (b.only_tenant IS NULL OR c.tenant_id = b.only_tenant)
          UNION ALL
          SELECT i.tenant_id, i.issue_date, 0, 0, 0, i.total
            FROM invoice i, bounds b
           WHERE i.issue_date >= b.first_day AND i.issue_date < b.after_day
             AND (b.only_tenant IS NULL OR i.tenant_id = b.only_tenant)
      )
      """;

  private static final String BY_MONTH =
      BOUNDS
          + """
          SELECT to_char(m.month, 'YYYY-MM') AS month,
                 coalesce(sum(e.applications), 0) AS applications,
                 coalesce(sum(e.accepted_scouts), 0) AS accepted_scouts,
                 coalesce(sum(e.contracts), 0) AS contracts, coalesce(sum(e.yen), 0) AS yen
            FROM bounds b
           CROSS JOIN LATERAL generate_series(CAST(b.first_day AS timestamp),
                                              CAST(b.after_day - 1 AS timestamp),
                                              interval '1 month') AS m(month)
            LEFT JOIN events e ON date_trunc('month', CAST(e.day AS timestamp)) = m.month
           GROUP BY m.month
           ORDER BY m.month
          """;

  private static final String BY_TENANT =
      BOUNDS
          + """
          SELECT t.id AS tenant, t.slug AS slug, t.display_name AS display_name,
                 coalesce(sum(e.applications), 0) AS applications,
                 coalesce(sum(e.accepted_scouts), 0) AS accepted_scouts,
                 coalesce(sum(e.contracts), 0) AS contracts, coalesce(sum(e.yen), 0) AS yen
            FROM tenant t
           CROSS JOIN bounds b
            LEFT JOIN events e ON e.tenant_id = t.id
           WHERE b.only_tenant IS NULL OR t.id = b.only_tenant
           GROUP BY t.id, t.slug, t.display_name
           ORDER BY coalesce(sum(e.yen), 0) DESC, t.slug
          """;

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  /** From the first day of {@code from} to the last of {@code to}; every tenant when null. */
  @Transactional
  public Report between(YearMonth from, YearMonth to, UUID tenantId) {
    if (TenancyContext.current().scope() != TenancyContext.Scope.PLATFORM) {
      throw new IllegalStateException("monthly activity is read in the platform scope only");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(from + " is after " + to);
    }
    String firstDay = from.atDay(1).toString();
    String afterDay = to.plusMonths(1).atDay(1).toString();
    String onlyTenant = tenantId == null ? "" : tenantId.toString();
    List<Month> months =
        NativeSql.list(
            entityManager,
            BY_MONTH,
            row ->
                new Month(
                    YearMonth.parse(row.string("month")),
                    row.count("applications"),
                    row.count("accepted_scouts"),
                    row.count("contracts"),
                    row.count("yen")),
            firstDay,
            afterDay,
            onlyTenant);
    List<TenantTotal> tenants =
        NativeSql.list(
            entityManager,
            BY_TENANT,
            row ->
                new TenantTotal(
                    row.uuid("tenant"),
                    row.string("slug"),
                    row.string("display_name"),
                    row.count("applications"),
                    row.count("accepted_scouts"),
                    row.count("contracts"),
                    row.count("yen")),
            firstDay,
            afterDay,
            onlyTenant);
    return new Report(months, tenants);
  }
}
