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
import io.proxima.platform.search.SqlWhere;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The candidate cards and interest signals matching reads, in PostgreSQL. */
@ApplicationScoped
public class PostgresMatchingPool implements MatchingPool {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "c.freelancer_subject, c.display_name, c.title, CAST(c.skill_years AS text),"
          + " c.desired_rate_min_yen, c.desired_rate_max_yen, c.desired_days,"
          + " c.desired_work_style, array_to_string(c.locations, chr(31)), c.status,"
          + " c.available_from, c.days_per_week, c.work_style, c.rate_min_yen, c.rate_max_yen";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public List<PooledCandidate> sharingWithTenant(Set<String> anyOfSkills, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM candidate_card c WHERE c.tenant_id = ?1"
            + (anyOfSkills.isEmpty()
                ? " AND ?2 = ''"
                : " AND c.skill_names && string_to_array(?2, chr(31))")
            + " ORDER BY c.updated_at DESC, c.freelancer_subject LIMIT ?3";
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                sql,
                TenancyContext.current().requireTenant(),
                SqlWhere.list(anyOfSkills),
                limit))
        .stream()
        .map(PostgresMatchingPool::pooled)
        .toList();
  }

  @Override
  public List<Interaction> interestAround(String freelancerSubject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT freelancer, CAST(job_id AS text), kind FROM job_interest_around(?1)",
                limit))
        .stream()
        .map(
            r ->
                new Interaction(
                    ((String) r[0]).isEmpty() ? freelancerSubject : (String) r[0],
                    (String) r[1],
                    Kind.valueOf((String) r[2])))
        .toList();
  }

  private static PooledCandidate pooled(Object[] r) {
    LiveAvailability availability =
        r[9] == null
            ? null
            : new LiveAvailability(
                AvailabilityStatus.valueOf((String) r[9]),
                r[10] == null ? null : ((Date) r[10]).toLocalDate(),
                r[11] == null ? 0 : ((Number) r[11]).intValue(),
                r[12] == null ? null : WorkStyle.valueOf((String) r[12]),
                integer(r[13]),
                integer(r[14]));
    Candidate candidate =
        new Candidate(
            (String) r[0],
            (String) r[2],
            null,
            skillYears((String) r[3]),
            integer(r[4]),
            integer(r[5]),
            integer(r[6]),
            r[7] == null ? null : WorkStyle.valueOf((String) r[7]),
            SqlWhere.split((String) r[8]),
            availability);
    return new PooledCandidate(candidate, (String) r[1], (String) r[2]);
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
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
