package io.proxima.jobs.infrastructure;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.domain.Culture;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.platform.search.Facets;
import io.proxima.platform.search.Facets.Facet;
import io.proxima.platform.search.KeysetPage;
import io.proxima.platform.search.SearchPlanning;
import io.proxima.platform.search.SqlWhere;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContractType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Job search in PostgreSQL: full text through the GIN index on the job's token vector, filters on
 * plain columns, keyset pages (never OFFSET: page 500 costs what page 1 does) and facet counts over
 * every match in one more statement.
 */
@ApplicationScoped
public class PostgresJobSearch implements JobSearch {

  private static final String FROM = " FROM job j";

  private static final String CARD_COLUMNS =
      "j.id AS id, (SELECT t.slug FROM tenant t WHERE t.id = j.tenant_id) AS tenant_slug,"
          + " (SELECT t.display_name FROM tenant t WHERE t.id = j.tenant_id) AS tenant_name,"
          + " (SELECT w.name FROM company_workspace w WHERE w.id = j.workspace_id)"
          + " AS workspace_name, j.title AS title, left(j.description, 200) AS excerpt,"
          + " j.required_skill_names AS required_skills, j.skill_names AS skills,"
          + " j.rate_min_yen AS rate_min_yen, j.rate_max_yen AS rate_max_yen,"
          + " j.rate_tax_included AS rate_tax_included,"
          + " j.settlement_min_hours AS settlement_min_hours,"
          + " j.settlement_max_hours AS settlement_max_hours, j.days_min AS days_min,"
          + " j.days_max AS days_max, j.work_style AS work_style, j.location AS location,"
          + " j.prefecture AS prefecture, j.station AS station,"
          + " j.start_date AS start_date, j.duration_months AS duration_months,"
          + " j.contract_type AS contract_type, j.trial_available AS trial_available,"
          + " j.payment_terms_days AS payment_terms_days, j.culture AS culture,"
          + " j.status AS status, j.published_at AS published_at, j.updated_at AS updated_at";

  private static final List<Facet> FACETS =
      List.of(
          Facet.of("workStyle", "j.work_style"),
          Facet.of("contractType", "j.contract_type"),
          Facet.of("culture", "j.culture"),
          Facet.of("days", "j.days_min"),
          Facet.of("paymentTerms", "j.payment_terms_days"),
          Facet.of("trialAvailable", "j.trial_available"),
          // Bands of the maximum monthly rate in 万円, as Japanese job boards show them.
          Facet.of(
              "rate",
              "CASE WHEN j.rate_max_yen IS NULL THEN NULL WHEN j.rate_max_yen < 500000 THEN '0-49'"
                  + " WHEN j.rate_max_yen < 700000 THEN '50-69'"
                  + " WHEN j.rate_max_yen < 900000 THEN '70-89'"
                  + " WHEN j.rate_max_yen < 1100000 THEN '90-109' ELSE '110-' END"),
          Facet.top("location", "j.location", 10),
          Facet.of("prefecture", "j.prefecture"),
          Facet.spreadTop("skill", "j.skill_names", 20));

  private static final Facet STATUS = Facet.of("status", "j.status");

  // Checkbox facets: each counts the matches of every other filter, so ticking a second work style
  // shows how many jobs it adds rather than zero (how Japanese job boards count them).
  private static final List<String> MULTIPLE_CHOICE =
      List.of("workStyle", "contractType", "culture", "prefecture");

  private static final String TEXT_MATCH = "j.search_vector @@ to_tsquery('simple', ?)";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected PostgresJobSearch() {
    this(null);
  }

  @Inject
  public PostgresJobSearch(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Result search(JobQuery query, Audience audience) {
    SearchPlanning.bounded(entityManager);
    Optional<String> text = query.textQuery();
    SqlWhere where = filters(query, audience, text);
    List<Facet> facets = new ArrayList<>(FACETS);
    if (audience == Audience.TENANT_STAFF) {
      facets.add(STATUS);
    }
    // Totals and facets belong to the first page; later pages only continue the list.
    Facets.Counts counts =
        query.cursor() == null ? facetCounts(query, audience, text, facets) : Facets.Counts.NONE;
    JobQuery.Sort sort =
        KeysetPage.applied(
            query.sort(),
            JobQuery.Sort.RELEVANCE,
            JobQuery.Sort.NEWEST,
            text.isPresent(),
            counts.exact(),
            query.cursor());
    boolean broad = query.cursor() == null ? !counts.exact() : KeysetPage.broad(query.cursor());
    if (broad) {
      SearchPlanning.walkOrderIndex(entityManager);
    }
    KeysetPage.Page<JobCard> page =
        KeysetPage.fetch(
            entityManager,
            CARD_COLUMNS,
            FROM,
            where,
            sortKey(sort),
            "j.id",
            "uuid",
            sort == JobQuery.Sort.RELEVANCE ? text.orElseThrow() : null,
            query.cursor(),
            broad,
            query.limit(),
            row -> card(row, audience));
    return new Result(
        page.rows(),
        counts.total(),
        counts.total() == null ? null : counts.exact(),
        counts.facets(),
        sort,
        page.nextCursor());
  }

  /**
   * The total and facets. Each checkbox facet whose filter is set counts over the matches of the
   * other filters alone (see {@link Facets.Choice}); a facet whose filter is not set already counts
   * exactly that.
   */
  private Facets.Counts facetCounts(
      JobQuery query, Audience audience, Optional<String> text, List<Facet> facets) {
    JobQuery others = query;
    List<Facets.Choice> choices = new ArrayList<>();
    for (String name : MULTIPLE_CHOICE) {
      if (isSet(query, name)) {
        Facet facet = facets.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        choices.add(new Facets.Choice(facet, choice(name, query, new SqlWhere())));
        others = others.withoutFacet(name);
      }
    }
    return Facets.count(
        entityManager, FROM, filters(others, audience, text), choices, facets, KeysetPage.SAMPLE);
  }

  /** Adds the condition of one checkbox filter, or nothing when it is not set. */
  private static SqlWhere choice(String name, JobQuery q, SqlWhere where) {
    return switch (name) {
      case "workStyle" -> where.andIn("j.work_style", q.workStyles());
      case "contractType" -> where.andIn("j.contract_type", q.contractTypes());
      case "culture" -> where.andIn("j.culture", q.cultures());
      case "prefecture" ->
          q.prefectures().isEmpty()
              ? where
              : where.and(
                  "j.prefecture = ANY (string_to_array(?, chr(31)))",
                  SqlWhere.list(q.prefectures()));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static boolean isSet(JobQuery query, String facet) {
    return switch (facet) {
      case "workStyle" -> !query.workStyles().isEmpty();
      case "contractType" -> !query.contractTypes().isEmpty();
      case "culture" -> !query.cultures().isEmpty();
      case "prefecture" -> !query.prefectures().isEmpty();
      default -> false;
    };
  }

  @Override
  public NewPostings publishedBetween(JobQuery query, Instant after, Instant through, int first) {
    SearchPlanning.bounded(entityManager);
    Optional<String> text = query.textQuery();
    SqlWhere where = filters(query, Audience.FREELANCER, text);
    where.and(
        // The newest-first index's own expression: an open job's published_at is never null.
        "coalesce(j.published_at, j.created_at) > ? AND coalesce(j.published_at, j.created_at) <= ?",
        Timestamp.from(after),
        Timestamp.from(through));
    List<SqlRow> rows =
        NativeSql.list(
            entityManager,
            "SELECT "
                + CARD_COLUMNS
                + ", j.tenant_id AS tenant_id, count(*) OVER () AS hits"
                + FROM
                + " WHERE "
                + where.sql()
                + " ORDER BY j.published_at, j.id LIMIT "
                + KeysetPage.SAMPLE,
            row -> row,
            where.parameters());
    if (rows.isEmpty()) {
      return new NewPostings(0, null, List.of());
    }
    List<JobCard> cards =
        rows.stream().limit(first).map(row -> card(row, Audience.FREELANCER)).toList();
    return new NewPostings(rows.get(0).count("hits"), rows.get(0).uuid("tenant_id"), cards);
  }

  @Override
  public List<JobCard> openCards(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<JobCard> found =
        NativeSql.list(
            entityManager,
            "SELECT "
                + CARD_COLUMNS
                + FROM
                + " WHERE j.id = ANY (CAST(string_to_array(?1, chr(31)) AS uuid[]))"
                + " AND j.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM tenant t"
                + " WHERE t.id = j.tenant_id AND t.status <> 'ACTIVE')",
            row -> card(row, Audience.FREELANCER),
            SqlWhere.list(ids.stream().map(UUID::toString).toList()));
    Map<UUID, JobCard> byId = new LinkedHashMap<>();
    found.forEach(card -> byId.put(card.id(), card));
    return ids.stream().map(byId::get).filter(card -> card != null).toList();
  }

  /** How many recent postings sharing a skill the ranking of similar jobs looks at. */
  private static final int SIMILAR_POOL = 1000;

  @Override
  public List<SimilarJob> similarTo(Job job, int limit) {
    JobDetails details = job.details();
    List<String> skills = details.skillNames();
    if (skills.isEmpty()) {
      return List.of();
    }
    SearchPlanning.bounded(entityManager);
    Integer rate = details.rateMaxYen() != null ? details.rateMaxYen() : details.rateMinYen();
    return NativeSql.list(
        entityManager,
        "WITH pool AS MATERIALIZED (SELECT j.id FROM job j WHERE j.status = 'OPEN'"
            + " AND j.id <> ?2 AND j.skill_names && string_to_array(?1, chr(31))"
            + " AND NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = j.tenant_id"
            + " AND t.status <> 'ACTIVE')"
            + " ORDER BY coalesce(j.published_at, j.created_at) DESC, j.id DESC LIMIT "
            + SIMILAR_POOL
            + ") SELECT "
            + CARD_COLUMNS
            + ", array_to_string(ARRAY(SELECT s FROM unnest(j.skill_names) s"
            + " WHERE s = ANY (string_to_array(?1, chr(31)))), chr(31)) AS shared"
            + " FROM pool p JOIN job j ON j.id = p.id"
            + " ORDER BY cardinality(ARRAY(SELECT s FROM unnest(j.skill_names) s"
            + " WHERE s = ANY (string_to_array(?1, chr(31))))) DESC,"
            + " (j.work_style = ?3) DESC,"
            + " abs(coalesce(j.rate_max_yen, j.rate_min_yen, 0) - ?4) ASC,"
            + " coalesce(j.published_at, j.created_at) DESC, j.id DESC LIMIT ?5",
        row -> {
          JobCard card = card(row, Audience.FREELANCER);
          Integer other = card.rateMaxYen() != null ? card.rateMaxYen() : card.rateMinYen();
          return new SimilarJob(
              card,
              SqlWhere.split(row.string("shared")),
              card.workStyle() == details.workStyle(),
              rate == null || other == null ? null : other - rate);
        },
        SqlWhere.list(skills),
        job.id(),
        details.workStyle().name(),
        rate == null ? 0 : rate,
        limit);
  }

  private static KeysetPage.SortKey sortKey(JobQuery.Sort sort) {
    return switch (sort) {
      case RELEVANCE ->
          new KeysetPage.SortKey(
              sort.name(), "ts_rank_cd(j.search_vector, to_tsquery('simple', ?R))", "real", true);
      case RATE ->
          new KeysetPage.SortKey(sort.name(), "coalesce(j.rate_max_yen, 0)", "integer", true);
      case START_DATE ->
          new KeysetPage.SortKey(
              sort.name(), "coalesce(j.start_date, DATE '9999-12-31')", "date", false);
      case NEWEST ->
          new KeysetPage.SortKey(
              sort.name(), "coalesce(j.published_at, j.created_at)", "timestamptz", true);
    };
  }

  private SqlWhere filters(JobQuery q, Audience audience, Optional<String> text) {
    SqlWhere where = new SqlWhere();
    if (audience == Audience.TENANT_STAFF) {
      where.and("j.tenant_id = ?", TenancyContext.current().requireTenant());
      where.andIn("j.status", q.statuses());
    } else {
      // Suspended tenants are few: excluding them is a small anti-join, not a join of every job.
      where.and(
          "j.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = j.tenant_id"
              + " AND t.status <> 'ACTIVE')");
      where.andIf(q.tenant(), "j.tenant_id = (SELECT t.id FROM tenant t WHERE t.slug = ?)");
    }
    text.ifPresent(tsquery -> where.and(TEXT_MATCH, tsquery));
    if (!q.skills().isEmpty()) {
      where.and("j.skill_names @> string_to_array(?, chr(31))", SqlWhere.list(q.skills()));
    }
    where.andIf(q.rateAtLeastYen(), "j.rate_max_yen >= ?");
    where.andIf(q.rateAtMostYen(), "coalesce(j.rate_min_yen, j.rate_max_yen) <= ?");
    where.andIf(q.taxIncluded(), "j.rate_tax_included = ?");
    where.andIf(q.settlementMinAtLeast(), "j.settlement_min_hours >= ?");
    where.andIf(q.settlementMaxAtMost(), "j.settlement_max_hours <= ?");
    where.andIf(q.days(), "j.days_min <= ?");
    where.andIf(q.location(), "strpos(lower(j.location), lower(?)) > 0");
    where.andIf(q.station(), "strpos(j.station, ?) > 0");
    if (q.startBy() != null) {
      where.and("(j.start_date IS NULL OR j.start_date <= ?)", Date.valueOf(q.startBy()));
    }
    where.andIf(q.durationAtLeastMonths(), "j.duration_months >= ?");
    where.andIf(q.durationAtMostMonths(), "j.duration_months <= ?");
    where.andIf(q.trialAvailable(), "j.trial_available = ?");
    where.andIf(q.paymentTermsAtMost(), "j.payment_terms_days <= ?");
    MULTIPLE_CHOICE.forEach(name -> choice(name, q, where));
    if (text.isPresent() || !q.skills().isEmpty()) {
      filterTokens(q, where);
    }
    return where;
  }

  /**
   * The checkbox and place filters again, as tokens of {@code job.filter_tokens} (V70), for a
   * search that reads a GIN index anyway: PostgreSQL ANDs the two bitmaps and visits only the rows
   * that pass both, instead of reading every text match to test its place. A search without text or
   * skills walks a covering index that holds the plain columns, where a token test would only add
   * heap reads, so it gets none. The column conditions above still decide; the tokens only narrow.
   */
  private static void filterTokens(JobQuery q, SqlWhere where) {
    List<String> everyOf = new ArrayList<>(JobFilterTokens.station(q.station()));
    List<List<String>> anyOfs =
        List.of(
            JobFilterTokens.prefixed("ws:", q.workStyles()),
            JobFilterTokens.prefixed("ct:", q.contractTypes()),
            JobFilterTokens.prefixed("cu:", q.cultures()),
            JobFilterTokens.prefixed("pf:", q.prefectures()));
    for (List<String> anyOf : anyOfs) {
      if (anyOf.size() == 1) {
        everyOf.add(anyOf.get(0));
      } else if (anyOf.size() > 1) {
        // One containment test per value, ORed: PostgreSQL ORs their bitmaps. (Overlap, &&, is
        // not LEAKPROOF, so row-level security would keep it from using the index.)
        where.and(
            String.join(
                " OR ",
                anyOf.stream().map(token -> "j.filter_tokens @> ARRAY[CAST(? AS text)]").toList()),
            anyOf.toArray());
      }
    }
    if (!everyOf.isEmpty()) {
      where.and("j.filter_tokens @> string_to_array(?, chr(31))", SqlWhere.list(everyOf));
    }
  }

  private static JobCard card(SqlRow row, Audience audience) {
    List<String> required = row.strings("required_skills");
    List<String> preferred = new ArrayList<>(row.strings("skills"));
    preferred.removeAll(Set.copyOf(required));
    String culture = row.string("culture");
    return new JobCard(
        row.uuid("id"),
        row.string("tenant_slug"),
        row.string("tenant_name"),
        audience == Audience.TENANT_STAFF ? row.string("workspace_name") : null,
        row.string("title"),
        row.string("excerpt"),
        required,
        preferred,
        row.integer("rate_min_yen"),
        row.integer("rate_max_yen"),
        row.flag("rate_tax_included"),
        row.integer("settlement_min_hours"),
        row.integer("settlement_max_hours"),
        row.integer("days_min"),
        row.integer("days_max"),
        WorkStyle.valueOf(row.string("work_style")),
        row.string("location"),
        row.string("prefecture"),
        row.string("station"),
        row.date("start_date"),
        row.integer("duration_months"),
        ContractType.valueOf(row.string("contract_type")),
        row.flag("trial_available"),
        row.integer("payment_terms_days"),
        culture == null ? null : Culture.valueOf(culture),
        JobStatus.valueOf(row.string("status")),
        row.instant("published_at"),
        row.instant("updated_at"));
  }
}
