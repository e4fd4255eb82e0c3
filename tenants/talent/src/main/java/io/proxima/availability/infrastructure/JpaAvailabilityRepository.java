package io.proxima.availability.infrastructure;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Native SQL on purpose: the row is a value written by one entity with a version guard, and the
 * board is a read model joining three tables; row-level security bounds both.
 */
@ApplicationScoped
public class JpaAvailabilityRepository implements AvailabilityRepository {

  private static final String COLUMNS =
      "a.status, a.available_from, a.days_per_week, a.hours_per_day, a.work_style,"
          + " a.rate_min_man_yen, a.rate_max_man_yen, a.note, a.updated_at, a.version";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public Optional<Availability> find(String freelancerSubject) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM freelancer_availability a"
                    + " WHERE a.freelancer_subject = ?1",
                freelancerSubject))
        .stream()
        .findFirst()
        .map(row -> fromRow(row, 0));
  }

  @Override
  public boolean store(String freelancerSubject, Availability next) {
    Object[] values = {
      next.status().name(),
      next.availableFrom() == null ? null : Date.valueOf(next.availableFrom()),
      (short) next.daysPerWeek(),
      (short) next.hoursPerDay(),
      next.workStyle().name(),
      next.rate() == null ? null : (short) next.rate().minManYen(),
      next.rate() == null ? null : (short) next.rate().maxManYen(),
      next.note(),
      Timestamp.from(next.updatedAt()),
      next.version()
    };
    String sql =
        next.version() == 1
            ? "INSERT INTO freelancer_availability (status, available_from, days_per_week,"
                + " hours_per_day, work_style, rate_min_man_yen, rate_max_man_yen, note,"
                + " updated_at, version, freelancer_subject)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING"
            : "UPDATE freelancer_availability SET status = ?1, available_from = ?2,"
                + " days_per_week = ?3, hours_per_day = ?4, work_style = ?5,"
                + " rate_min_man_yen = ?6, rate_max_man_yen = ?7, note = ?8, updated_at = ?9,"
                + " version = ?10 WHERE freelancer_subject = ?11 AND version = ?10 - 1";
    var query = NativeSql.query(entityManager, sql, values);
    query.setParameter(values.length + 1, freelancerSubject);
    return query.executeUpdate() == 1;
  }

  @Override
  public List<BoardEntry> boardOfCurrentTenant() {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT c.freelancer_subject, coalesce(u.display_name, u.username), p.title,"
                    + " array_to_string(p.skill_names, chr(31)), "
                    + COLUMNS
                    + " FROM consent c"
                    + " LEFT JOIN user_account u ON u.keycloak_subject = c.freelancer_subject"
                    + " LEFT JOIN freelancer_profile p ON p.freelancer_subject = c.freelancer_subject"
                    + " LEFT JOIN freelancer_availability a"
                    + "   ON a.freelancer_subject = c.freelancer_subject"
                    + " WHERE c.tenant_id = ?1 AND c.revoked_at IS NULL"
                    + " ORDER BY a.updated_at DESC NULLS LAST, c.freelancer_subject",
                TenancyContext.current().requireTenant()))
        .stream()
        .map(
            columns ->
                new BoardEntry(
                    (String) columns[0],
                    (String) columns[1],
                    (String) columns[2],
                    columns[3] == null || ((String) columns[3]).isEmpty()
                        ? List.of()
                        : List.of(((String) columns[3]).split("\u001f")),
                    columns[4] == null ? null : fromRow(columns, 4)))
        .toList();
  }

  private static Availability fromRow(Object[] row, int at) {
    Number rateMin = (Number) row[at + 5];
    Number rateMax = (Number) row[at + 6];
    return new Availability(
        AvailabilityStatus.valueOf((String) row[at]),
        localDate(row[at + 1]),
        ((Number) row[at + 2]).intValue(),
        ((Number) row[at + 3]).intValue(),
        WorkStyle.valueOf((String) row[at + 4]),
        rateMin == null ? null : new RateBand(rateMin.intValue(), rateMax.intValue()),
        (String) row[at + 7],
        NativeSql.instant(row[at + 8]),
        ((Number) row[at + 9]).longValue());
  }

  private static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
