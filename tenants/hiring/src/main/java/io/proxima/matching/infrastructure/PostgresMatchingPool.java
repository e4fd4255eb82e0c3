package io.proxima.matching.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.matching.application.MatchingPool;
import io.proxima.matching.domain.Candidate;
import io.proxima.matching.domain.CollaborativeSignals.Interaction;
import io.proxima.matching.domain.CollaborativeSignals.Kind;
import io.proxima.matching.domain.LiveAvailability;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.platform.search.SearchText;
import io.proxima.platform.search.SqlWhere;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The candidate cards and interest signals matching reads, in PostgreSQL. */
@ApplicationScoped
public class PostgresMatchingPool implements MatchingPool {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A posting's first words say what it is; more only slow the ranking down. */
  private static final int MAX_TEXT_TOKENS = 64;

  private static final String COLUMNS =
      "c.freelancer_subject AS freelancer_subject, c.display_name AS display_name,"
          + " c.title AS title, CAST(c.skill_years AS text) AS skill_years,"
          + " c.desired_rate_min_yen AS desired_rate_min_yen,"
          + " c.desired_rate_max_yen AS desired_rate_max_yen, c.desired_days AS desired_days,"
          + " c.desired_work_style AS desired_work_style, c.locations AS locations,"
          + " c.status AS status, c.available_from AS available_from,"
          + " c.days_per_week AS days_per_week, c.work_style AS work_style,"
          + " c.rate_min_yen AS rate_min_yen, c.rate_max_yen AS rate_max_yen";

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected PostgresMatchingPool() {
    this(null);
  }

  @Inject
  public PostgresMatchingPool(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  // The overlap filter is the GIN index's (candidate_card_skills); the ordering then counts, per
  // card that passed it, how many must-haves and asked skills it lists, so the cut at the limit
  // keeps the best covered freelancers however long ago they last updated their profile.
  private static final String BY_SKILLS =
      "SELECT "
          + COLUMNS
          + " FROM candidate_card c WHERE c.tenant_id = ?1"
          + " AND c.skill_names && string_to_array(?2, chr(31))"
          + " ORDER BY cardinality(ARRAY(SELECT unnest(c.skill_names)"
          + " INTERSECT SELECT unnest(string_to_array(?3, chr(31))))) DESC,"
          + " cardinality(ARRAY(SELECT unnest(c.skill_names)"
          + " INTERSECT SELECT unnest(string_to_array(?2, chr(31))))) DESC,"
          + " c.updated_at DESC, c.freelancer_subject LIMIT ?4";

  // A job naming no skill: every sharing freelancer, the full-text index ranking the ones whose
  // profile shares words with the posting first.
  private static final String BY_TEXT =
      "SELECT "
          + COLUMNS
          + " FROM candidate_card c WHERE c.tenant_id = ?1"
          + " ORDER BY CASE WHEN ?2 = '' THEN 0"
          + " ELSE ts_rank_cd(c.search_vector, to_tsquery('simple', ?2)) END DESC,"
          + " c.updated_at DESC, c.freelancer_subject LIMIT ?3";

  @Override
  public List<PooledCandidate> sharingWithTenant(Retrieval wanted, int limit) {
    UUID tenant = TenancyContext.current().requireTenant();
    if (wanted.anyOfSkills().isEmpty()) {
      return NativeSql.list(
          entityManager,
          BY_TEXT,
          PostgresMatchingPool::pooled,
          tenant,
          anyWord(wanted.text()),
          limit);
    }
    return NativeSql.list(
        entityManager,
        BY_SKILLS,
        PostgresMatchingPool::pooled,
        tenant,
        SqlWhere.list(wanted.anyOfSkills()),
        SqlWhere.list(wanted.requiredSkills()),
        limit);
  }

  /** The text's index tokens as a query matching any of them; empty when none is left. */
  static String anyWord(String text) {
    return Arrays.stream(SearchText.tokens(text).split(" "))
        .filter(token -> !token.isBlank() && token.chars().allMatch(Character::isLetterOrDigit))
        .distinct()
        .limit(MAX_TEXT_TOKENS)
        .map(token -> "'" + token + "'")
        .collect(Collectors.joining(" | "));
  }

  @Override
  public List<Interaction> interestAround(String freelancerSubject, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT freelancer, CAST(job_id AS text) AS job_id, kind FROM job_interest_around(?1)",
        row -> {
          String freelancer = row.string("freelancer");
          return new Interaction(
              freelancer.isEmpty() ? freelancerSubject : freelancer,
              row.string("job_id"),
              Kind.valueOf(row.string("kind")));
        },
        limit);
  }

  private static PooledCandidate pooled(SqlRow row) {
    String status = row.string("status");
    LiveAvailability availability =
        status == null
            ? null
            : new LiveAvailability(
                AvailabilityStatus.valueOf(status),
                row.date("available_from"),
                (int) row.count("days_per_week"),
                workStyle(row.string("work_style")),
                row.integer("rate_min_yen"),
                row.integer("rate_max_yen"));
    Candidate candidate =
        new Candidate(
            row.string("freelancer_subject"),
            row.string("title"),
            null,
            skillYears(row.string("skill_years")),
            row.integer("desired_rate_min_yen"),
            row.integer("desired_rate_max_yen"),
            row.integer("desired_days"),
            workStyle(row.string("desired_work_style")),
            row.strings("locations"),
            availability);
    return new PooledCandidate(candidate, row.string("display_name"), row.string("title"));
  }

  private static WorkStyle workStyle(String name) {
    return name == null ? null : WorkStyle.valueOf(name);
  }

  private static Map<String, BigDecimal> skillYears(String json) {
    Map<String, BigDecimal> years = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(json);
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        years.put(field.getKey(), value.isNumber() ? value.decimalValue() : null);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("candidate_card.skill_years is not a JSON object", e);
    }
    return years;
  }
}
