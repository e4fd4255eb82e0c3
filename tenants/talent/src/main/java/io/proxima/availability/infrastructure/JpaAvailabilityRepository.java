package io.proxima.availability.infrastructure;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.FreelancerAvailability;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.persistence.SqlRow;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Availability through Hibernate: one versioned entity per freelancer, written through by their
 * real-time entity, its version guarding against a second incarnation during a hand-over. Row-level
 * security bounds every read. The board stays native SQL: a read model joining consents, accounts,
 * profiles and availability, read by column alias.
 */
@ApplicationScoped
public class JpaAvailabilityRepository implements AvailabilityRepository {

  private final EntityManager entityManager;

  protected JpaAvailabilityRepository() {
    this(null);
  }

  @Inject
  public JpaAvailabilityRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Availability> find(String freelancerSubject) {
    return Optional.ofNullable(entityManager.find(FreelancerAvailability.class, freelancerSubject))
        .map(FreelancerAvailability::availability);
  }

  @Override
  public boolean store(String freelancerSubject, Availability next) {
    try {
      FreelancerAvailability stored =
          entityManager.find(FreelancerAvailability.class, freelancerSubject);
      if (stored == null) {
        if (next.version() != 1) {
          return false;
        }
        entityManager.persist(FreelancerAvailability.first(freelancerSubject, next));
      } else if (!stored.follow(next)) {
        return false;
      }
    } catch (EntityExistsException e) {
      return false;
    }
    // Written before the entity acknowledges: a lost race (a newer version, or two first versions
    // at once) shows here, not after the answer.
    return RacedWrites.flushUnlessRaced(entityManager);
  }

  private static final String BOARD_COLUMNS =
      "SELECT c.freelancer_subject AS freelancer_subject,"
          + " coalesce(u.display_name, u.username) AS display_name, p.title AS title,"
          + " array_to_string(p.skill_names, chr(31)) AS skills,"
          + " a.status AS status, a.available_from AS available_from,"
          + " a.days_per_week AS days_per_week, a.hours_per_day AS hours_per_day,"
          + " a.work_style AS work_style, a.rate_min_man_yen AS rate_min_man_yen,"
          + " a.rate_max_man_yen AS rate_max_man_yen, a.note AS note,"
          + " a.updated_at AS updated_at, a.version AS version"
          + " FROM consent c"
          + " LEFT JOIN user_account u ON u.keycloak_subject = c.freelancer_subject"
          + " LEFT JOIN freelancer_profile p ON p.freelancer_subject = c.freelancer_subject"
          + " LEFT JOIN freelancer_availability a"
          + "   ON a.freelancer_subject = c.freelancer_subject"
          + " WHERE c.tenant_id = ?1 AND c.revoked_at IS NULL";

  @Override
  public List<BoardEntry> boardOfCurrentTenant() {
    return NativeSql.list(
        entityManager,
        BOARD_COLUMNS + " ORDER BY a.updated_at DESC NULLS LAST, c.freelancer_subject",
        JpaAvailabilityRepository::boardEntry,
        TenancyContext.current().requireTenant());
  }

  @Override
  public List<BoardEntry> boardPageOfCurrentTenant(String afterSubject, int size) {
    // Keyset over consent_active_unique (tenant_id, freelancer_subject): no OFFSET, no sort.
    return NativeSql.list(
        entityManager,
        BOARD_COLUMNS
            + " AND c.freelancer_subject > ?2 ORDER BY c.freelancer_subject LIMIT "
            + Math.max(1, Math.min(size, 1_000)),
        JpaAvailabilityRepository::boardEntry,
        TenancyContext.current().requireTenant(),
        afterSubject == null ? "" : afterSubject);
  }

  private static BoardEntry boardEntry(SqlRow row) {
    String skills = row.string("skills");
    return new BoardEntry(
        row.string("freelancer_subject"),
        row.string("display_name"),
        row.string("title"),
        skills == null || skills.isEmpty() ? List.of() : List.of(skills.split("\u001f")),
        row.string("status") == null ? null : availability(row));
  }

  private static Availability availability(SqlRow row) {
    Integer rateMin = row.integer("rate_min_man_yen");
    return new Availability(
        AvailabilityStatus.valueOf(row.string("status")),
        row.date("available_from"),
        row.integer("days_per_week"),
        row.integer("hours_per_day"),
        WorkStyle.valueOf(row.string("work_style")),
        rateMin == null ? null : new RateBand(rateMin, row.integer("rate_max_man_yen")),
        row.string("note"),
        row.instant("updated_at"),
        row.wholeNumber("version"));
  }
}
