package io.proxima.candidates.infrastructure;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.candidates.domain.CandidatePool;
import io.proxima.candidates.domain.CandidateQuery;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.platform.search.Facets;
import io.proxima.platform.search.Facets.Facet;
import io.proxima.platform.search.KeysetPage;
import io.proxima.platform.search.SearchPlanning;
import io.proxima.platform.search.SearchText;
import io.proxima.platform.search.SqlWhere;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.util.List;
import java.util.Optional;

/**
 * Candidate search over the candidate cards the database keeps for each freelancer and tenant they
 * share with; a revoked consent has already removed the card.
 */
@ApplicationScoped
public class PostgresCandidatePool implements CandidatePool {

  private static final String FROM = " FROM candidate_card c";

  // The live availability wins; the profile's desired conditions fill what it does not say.
  private static final String RATE_MIN = "coalesce(c.rate_min_yen, c.desired_rate_min_yen)";
  private static final String RATE_MAX = "coalesce(c.rate_max_yen, c.desired_rate_max_yen)";
  private static final String DAYS = "coalesce(c.days_per_week, c.desired_days)";
  private static final String WORK_STYLE = "coalesce(c.work_style, c.desired_work_style)";
  private static final String AVAILABLE_ON =
      "CASE c.status WHEN 'AVAILABLE' THEN DATE '2000-01-01'"
          + " WHEN 'AVAILABLE_FROM' THEN c.available_from ELSE DATE '9999-12-31' END";

  private static final String COLUMNS =
      "c.freelancer_subject AS freelancer_subject, c.display_name AS display_name,"
          + " c.title AS title, c.skill_names AS skills, c.status AS status,"
          + " c.available_from AS available_from, "
          + DAYS
          + " AS days, "
          + WORK_STYLE
          + " AS work_style, "
          + RATE_MIN
          + " AS rate_min_yen, "
          + RATE_MAX
          + " AS rate_max_yen, c.locations AS locations, c.shared_at AS shared_at,"
          + " c.updated_at AS updated_at";

  private static final List<Facet> FACETS =
      List.of(
          Facet.of("availability", "coalesce(c.status, 'UNKNOWN')"),
          Facet.of("workStyle", WORK_STYLE),
          Facet.of("days", DAYS),
          Facet.of(
              "rate",
              "CASE WHEN "
                  + RATE_MIN
                  + " IS NULL THEN NULL WHEN "
                  + RATE_MIN
                  + " < 500000 THEN '0-49' WHEN "
                  + RATE_MIN
                  + " < 700000 THEN '50-69' WHEN "
                  + RATE_MIN
                  + " < 900000 THEN '70-89' WHEN "
                  + RATE_MIN
                  + " < 1100000 THEN '90-109' ELSE '110-' END"),
          Facet.spreadTop("location", "c.locations", 10),
          Facet.spreadTop("skill", "c.skill_names", 20));

  private static final String TEXT_MATCH = "c.search_vector @@ to_tsquery('simple', ?)";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected PostgresCandidatePool() {
    this(null);
  }

  @Inject
  public PostgresCandidatePool(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Result search(CandidateQuery query) {
    SearchPlanning.bounded(entityManager);
    Optional<String> text = SearchText.query(query.text());
    SqlWhere where = filters(query, text);
    // Totals and facets belong to the first page; later pages only continue the list.
    Facets.Counts counts =
        query.cursor() == null
            ? Facets.count(entityManager, FROM, where, FACETS, KeysetPage.SAMPLE)
            : Facets.Counts.NONE;
    CandidateQuery.Sort sort =
        KeysetPage.applied(
            query.sort(),
            CandidateQuery.Sort.RELEVANCE,
            CandidateQuery.Sort.UPDATED,
            text.isPresent(),
            counts.exact(),
            query.cursor());
    boolean broad = query.cursor() == null ? !counts.exact() : KeysetPage.broad(query.cursor());
    if (broad) {
      SearchPlanning.walkOrderIndex(entityManager);
    }
    KeysetPage.Page<CandidateCard> page =
        KeysetPage.fetch(
            entityManager,
            COLUMNS,
            FROM,
            where,
            sortKey(sort),
            "c.freelancer_subject",
            "varchar",
            sort == CandidateQuery.Sort.RELEVANCE ? text.orElseThrow() : null,
            query.cursor(),
            broad,
            query.limit(),
            PostgresCandidatePool::card);
    return new Result(
        page.rows(),
        counts.total(),
        counts.total() == null ? null : counts.exact(),
        counts.facets(),
        sort,
        page.nextCursor());
  }

  private static KeysetPage.SortKey sortKey(CandidateQuery.Sort sort) {
    return switch (sort) {
      case RELEVANCE ->
          new KeysetPage.SortKey(
              sort.name(), "ts_rank_cd(c.search_vector, to_tsquery('simple', ?R))", "real", true);
      case AVAILABLE_SOON -> new KeysetPage.SortKey(sort.name(), AVAILABLE_ON, "date", false);
      case RATE ->
          new KeysetPage.SortKey(
              sort.name(), "coalesce(" + RATE_MIN + ", 99999999)", "integer", false);
      case UPDATED -> new KeysetPage.SortKey(sort.name(), "c.updated_at", "timestamptz", true);
    };
  }

  private static SqlWhere filters(CandidateQuery q, Optional<String> text) {
    SqlWhere where = new SqlWhere();
    // Row-level security already keeps other tenants' cards out; this keeps the index on tenant.
    where.and("c.tenant_id = ?", TenancyContext.current().requireTenant());
    text.ifPresent(tsquery -> where.and(TEXT_MATCH, tsquery));
    if (!q.skills().isEmpty()) {
      where.and("c.skill_names @> string_to_array(?, chr(31))", SqlWhere.list(q.skills()));
    }
    where.andIf(q.rateBudgetYen(), RATE_MIN + " <= ?");
    where.andIf(q.days(), DAYS + " >= ?");
    where.andIn(WORK_STYLE, q.workStyles());
    where.andIf(
        q.location(),
        "EXISTS (SELECT 1 FROM unnest(c.locations) l WHERE strpos(lower(l), lower(?)) > 0)");
    if (q.availableBy() != null) {
      where.and(AVAILABLE_ON + " <= ?", Date.valueOf(q.availableBy()));
    }
    return where;
  }

  private static CandidateCard card(SqlRow row) {
    String status = row.string("status");
    String workStyle = row.string("work_style");
    return new CandidateCard(
        row.string("freelancer_subject"),
        row.string("display_name"),
        row.string("title"),
        row.strings("skills"),
        status == null ? null : AvailabilityStatus.valueOf(status),
        row.date("available_from"),
        row.integer("days"),
        workStyle == null ? null : WorkStyle.valueOf(workStyle),
        row.integer("rate_min_yen"),
        row.integer("rate_max_yen"),
        row.strings("locations"),
        row.instant("shared_at"),
        row.instant("updated_at"));
  }
}
