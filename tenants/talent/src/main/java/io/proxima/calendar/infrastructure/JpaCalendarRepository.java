package io.proxima.calendar.infrastructure;

import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.CalendarAddress;
import io.proxima.calendar.domain.CalendarRepository;
import io.proxima.calendar.domain.CalendarSource;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendars in PostgreSQL with native SQL: feeds and busy time are values keyed by their owner, and
 * the interviews are a read model over the applications pipeline. Row-level security keeps every
 * statement to the caller's own rows.
 */
@ApplicationScoped
public class JpaCalendarRepository implements CalendarRepository {

  private static final String SOURCE_COLUMNS =
      "id, freelancer_subject, url, label, created_at, refreshed_at, last_error";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public void storeFeed(String freelancerSubject, byte[] tokenHash, Instant now) {
    NativeSql.query(
            entityManager,
            "INSERT INTO calendar_feed (freelancer_subject, token_hash, created_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT (freelancer_subject)"
                + " DO UPDATE SET token_hash = excluded.token_hash,"
                + " created_at = excluded.created_at",
            freelancerSubject,
            tokenHash,
            Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public boolean deleteFeed(String freelancerSubject) {
    return NativeSql.query(
                entityManager,
                "DELETE FROM calendar_feed WHERE freelancer_subject = ?1",
                freelancerSubject)
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<String> feedOwner(byte[] tokenHash) {
    Object owner =
        NativeSql.query(entityManager, "SELECT calendar_feed_owner(?1)", tokenHash)
            .getSingleResult();
    return Optional.ofNullable((String) owner);
  }

  @Override
  public Optional<byte[]> feedHash(String freelancerSubject) {
    return ((List<?>)
            NativeSql.query(
                    entityManager,
                    "SELECT token_hash FROM calendar_feed WHERE freelancer_subject = ?1",
                    freelancerSubject)
                .getResultList())
        .stream().findFirst().map(hash -> (byte[]) hash);
  }

  @Override
  public boolean addSource(CalendarSource source) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO calendar_source (id, freelancer_subject, url, label, created_at)"
                    + " VALUES (?1, ?2, ?3, CAST(?4 AS varchar), ?5)"
                    + " ON CONFLICT (freelancer_subject, url) DO NOTHING",
                source.id(),
                source.freelancerSubject(),
                source.address().toString(),
                source.label(),
                Timestamp.from(source.createdAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public List<CalendarSource> sources(String freelancerSubject) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + SOURCE_COLUMNS
                    + " FROM calendar_source WHERE freelancer_subject = ?1"
                    + " ORDER BY created_at, id",
                freelancerSubject))
        .stream()
        .map(JpaCalendarRepository::source)
        .toList();
  }

  @Override
  public Optional<CalendarSource> source(UUID id) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + SOURCE_COLUMNS
                    + " FROM calendar_source WHERE id = ?1 AND freelancer_subject = proxima_subject()",
                id))
        .stream()
        .findFirst()
        .map(JpaCalendarRepository::source);
  }

  @Override
  public boolean removeSource(UUID id) {
    return NativeSql.query(
                entityManager,
                "DELETE FROM calendar_source WHERE id = ?1 AND freelancer_subject = proxima_subject()",
                id)
            .executeUpdate()
        == 1;
  }

  @Override
  public void replaceBusy(
      UUID sourceId, String freelancerSubject, List<BusyInterval> busy, Instant now) {
    Timestamp at = Timestamp.from(now);
    // Drop what is no longer there, add what is new; blocks found again keep their import time.
    StringBuilder keep = new StringBuilder();
    Object[] parameters = new Object[1 + busy.size() * 2];
    parameters[0] = sourceId;
    for (int i = 0; i < busy.size(); i++) {
      keep.append(i == 0 ? "" : ", ")
          .append("(CAST(?")
          .append(2 + i * 2)
          .append(" AS timestamptz), CAST(?")
          .append(3 + i * 2)
          .append(" AS timestamptz))");
      parameters[1 + i * 2] = Timestamp.from(busy.get(i).start());
      parameters[2 + i * 2] = Timestamp.from(busy.get(i).end());
    }
    String stale =
        busy.isEmpty()
            ? "DELETE FROM calendar_busy WHERE source_id = ?1"
            : "DELETE FROM calendar_busy WHERE source_id = ?1 AND (starts_at, ends_at)"
                + " NOT IN (VALUES "
                + keep
                + ")";
    int changed = NativeSql.query(entityManager, stale, parameters).executeUpdate();
    for (BusyInterval interval : busy) {
      changed +=
          NativeSql.query(
                  entityManager,
                  "INSERT INTO calendar_busy (source_id, freelancer_subject, starts_at, ends_at,"
                      + " all_day, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                      + " ON CONFLICT (source_id, starts_at, ends_at) DO NOTHING",
                  sourceId,
                  freelancerSubject,
                  Timestamp.from(interval.start()),
                  Timestamp.from(interval.end()),
                  interval.allDay(),
                  at)
              .executeUpdate();
    }
    NativeSql.query(
            entityManager,
            "UPDATE calendar_source SET refreshed_at = ?2, last_error = NULL,"
                + " busy_changed_at = CASE WHEN ?3 THEN ?2 ELSE busy_changed_at END"
                + " WHERE id = ?1",
            sourceId,
            at,
            changed > 0)
        .executeUpdate();
  }

  @Override
  public void refreshFailed(UUID sourceId, String reason, Instant now) {
    NativeSql.query(
            entityManager,
            "UPDATE calendar_source SET last_error = ?2, refreshed_at = ?3 WHERE id = ?1",
            sourceId,
            reason.length() > CalendarSource.ERROR_LIMIT
                ? reason.substring(0, CalendarSource.ERROR_LIMIT)
                : reason,
            Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public List<BusyBlock> busy(String freelancerSubject, Instant from) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT source_id, starts_at, ends_at, all_day, imported_at FROM calendar_busy"
                    + " WHERE freelancer_subject = ?1 AND ends_at > ?2"
                    + " ORDER BY starts_at, ends_at, source_id",
                freelancerSubject,
                Timestamp.from(from)))
        .stream()
        .map(
            row ->
                new BusyBlock(
                    (UUID) row[0],
                    new BusyInterval(
                        NativeSql.instant(row[1]), NativeSql.instant(row[2]), (Boolean) row[3]),
                    NativeSql.instant(row[4])))
        .toList();
  }

  @Override
  public Optional<Instant> busyChangedAt(String freelancerSubject) {
    Object latest =
        NativeSql.query(
                entityManager,
                "SELECT max(busy_changed_at) FROM calendar_source WHERE freelancer_subject = ?1",
                freelancerSubject)
            .getSingleResult();
    return Optional.ofNullable(latest).map(NativeSql::instant);
  }

  @Override
  public List<Agenda.Interview> interviews(String freelancerSubject) {
    // The job's title is visible while it is open; a closed job's interview is still shown.
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT p.id, j.title, t.display_name, p.chosen_start, p.chosen_end, p.location,"
                    + " p.meeting_url, a.stage IN ('REJECTED', 'WITHDRAWN'), p.answered_at,"
                    + " a.updated_at"
                    + " FROM interview_proposal p"
                    + " JOIN job_application a ON a.id = p.application_id"
                    + " LEFT JOIN job j ON j.id = a.job_id"
                    + " LEFT JOIN tenant t ON t.id = p.tenant_id"
                    + " WHERE p.freelancer_subject = ?1 AND p.status = 'ACCEPTED'"
                    + " ORDER BY p.chosen_start, p.id",
                freelancerSubject))
        .stream()
        .map(
            row -> {
              boolean calledOff = (Boolean) row[7];
              Instant agreed = NativeSql.instant(row[8]);
              Instant ended = NativeSql.instant(row[9]);
              return new Agenda.Interview(
                  (UUID) row[0],
                  (String) row[1],
                  (String) row[2],
                  NativeSql.instant(row[3]),
                  NativeSql.instant(row[4]),
                  (String) row[5],
                  (String) row[6],
                  calledOff,
                  calledOff && ended.isAfter(agreed) ? ended : agreed);
            })
        .toList();
  }

  @Override
  public List<Due> sourcesDue(Instant before, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                    entityManager,
                    "SELECT id, freelancer_subject FROM calendar_source"
                        + " WHERE refreshed_at IS NULL OR refreshed_at < ?1"
                        + " ORDER BY refreshed_at NULLS FIRST, id",
                    Timestamp.from(before))
                .setMaxResults(limit))
        .stream()
        .map(row -> new Due((UUID) row[0], (String) row[1]))
        .toList();
  }

  private static CalendarSource source(Object[] row) {
    return new CalendarSource(
        (UUID) row[0],
        (String) row[1],
        new CalendarAddress(URI.create((String) row[2])),
        (String) row[3],
        NativeSql.instant(row[4]),
        row[5] == null ? null : NativeSql.instant(row[5]),
        (String) row[6]);
  }
}
