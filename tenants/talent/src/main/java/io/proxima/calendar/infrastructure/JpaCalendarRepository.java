package io.proxima.calendar.infrastructure;

import io.proxima.calendar.domain.Agenda;
import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.CalendarFeed;
import io.proxima.calendar.domain.CalendarRepository;
import io.proxima.calendar.domain.CalendarSource;
import io.proxima.calendar.domain.ImportedBusy;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendars through Hibernate: feeds, sources and imported busy time are entities that belong to
 * the freelancer (no tenant id; row-level security keeps every statement to the caller's own rows).
 * Native SQL stays where SQL is the point: the token lookup, which only the database's security
 * definer function may answer, and the interviews, a read model joined over the applications
 * pipeline of every tenant.
 */
@ApplicationScoped
public class JpaCalendarRepository implements CalendarRepository {

  private final EntityManager entityManager;

  protected JpaCalendarRepository() {
    this(null);
  }

  @Inject
  public JpaCalendarRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void storeFeed(String freelancerSubject, byte[] tokenHash, Instant now) {
    CalendarFeed feed = entityManager.find(CalendarFeed.class, freelancerSubject);
    if (feed == null) {
      entityManager.persist(CalendarFeed.open(freelancerSubject, tokenHash, now));
    } else {
      feed.rotate(tokenHash, now);
    }
    // The token is shown to the caller right after this: it must be stored, or refused, by then.
    entityManager.flush();
  }

  @Override
  public boolean deleteFeed(String freelancerSubject) {
    CalendarFeed feed = entityManager.find(CalendarFeed.class, freelancerSubject);
    if (feed == null) {
      return false;
    }
    entityManager.remove(feed);
    return true;
  }

  @Override
  public Optional<String> feedOwner(byte[] tokenHash) {
    // Anonymous callers see no feed row; the security definer function answers for this hash only.
    return NativeSql.list(
            entityManager,
            "SELECT calendar_feed_owner(?1) AS owner",
            row -> Optional.ofNullable(row.string("owner")),
            tokenHash)
        .get(0);
  }

  @Override
  public Optional<byte[]> feedHash(String freelancerSubject) {
    return Optional.ofNullable(entityManager.find(CalendarFeed.class, freelancerSubject))
        .map(CalendarFeed::tokenHash);
  }

  @Override
  public boolean addSource(CalendarSource source) {
    boolean imported =
        !entityManager
            .createQuery(
                "select s.id from CalendarSource s"
                    + " where s.freelancerSubject = :owner and s.address = :address",
                UUID.class)
            .setParameter("owner", source.freelancerSubject())
            .setParameter("address", source.address())
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (imported) {
      return false;
    }
    entityManager.persist(source);
    // Busy time refers to the source by id only: the source row must exist before it.
    entityManager.flush();
    return true;
  }

  @Override
  public List<CalendarSource> sources(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select s from CalendarSource s where s.freelancerSubject = :owner"
                + " order by s.createdAt, s.id",
            CalendarSource.class)
        .setParameter("owner", freelancerSubject)
        .getResultList();
  }

  @Override
  public Optional<CalendarSource> source(UUID id) {
    return ownSource(id);
  }

  @Override
  public boolean removeSource(UUID id) {
    Optional<CalendarSource> source = ownSource(id);
    // Its busy time goes with it (ON DELETE CASCADE).
    source.ifPresent(entityManager::remove);
    return source.isPresent();
  }

  @Override
  public void replaceBusy(
      UUID sourceId, String freelancerSubject, List<BusyInterval> busy, Instant now) {
    CalendarSource source = entityManager.find(CalendarSource.class, sourceId);
    if (source == null) {
      throw new IllegalStateException("no calendar source " + sourceId);
    }
    Map<ImportedBusy.Key, ImportedBusy> stored = new HashMap<>();
    entityManager
        .createQuery(
            "select b from ImportedBusy b where b.key.sourceId = :source", ImportedBusy.class)
        .setParameter("source", sourceId)
        .getResultList()
        .forEach(block -> stored.put(block.key(), block));
    // Drop what is no longer there, add what is new; blocks found again keep their import time.
    boolean changed = false;
    Map<ImportedBusy.Key, BusyInterval> fresh = new HashMap<>();
    for (BusyInterval interval : busy) {
      fresh.putIfAbsent(new ImportedBusy.Key(sourceId, interval.start(), interval.end()), interval);
    }
    for (Map.Entry<ImportedBusy.Key, ImportedBusy> entry : stored.entrySet()) {
      if (!fresh.containsKey(entry.getKey())) {
        entityManager.remove(entry.getValue());
        changed = true;
      }
    }
    for (Map.Entry<ImportedBusy.Key, BusyInterval> entry : fresh.entrySet()) {
      if (!stored.containsKey(entry.getKey())) {
        entityManager.persist(ImportedBusy.of(sourceId, freelancerSubject, entry.getValue(), now));
        changed = true;
      }
    }
    source.refreshed(changed, now);
  }

  @Override
  public void refreshFailed(UUID sourceId, String reason, Instant now) {
    CalendarSource source = entityManager.find(CalendarSource.class, sourceId);
    if (source != null) {
      source.refreshFailed(reason, now);
    }
  }

  @Override
  public List<BusyBlock> busy(String freelancerSubject, Instant from) {
    return entityManager
        .createQuery(
            "select b from ImportedBusy b where b.freelancerSubject = :owner and b.key.end > :from"
                + " order by b.key.start, b.key.end, b.key.sourceId",
            ImportedBusy.class)
        .setParameter("owner", freelancerSubject)
        .setParameter("from", from)
        .getResultStream()
        .map(ImportedBusy::block)
        .toList();
  }

  @Override
  public Optional<Instant> busyChangedAt(String freelancerSubject) {
    return Optional.ofNullable(
        entityManager
            .createQuery(
                "select max(s.busyChangedAt) from CalendarSource s"
                    + " where s.freelancerSubject = :owner",
                Instant.class)
            .setParameter("owner", freelancerSubject)
            .getSingleResult());
  }

  @Override
  public List<Agenda.Interview> interviews(String freelancerSubject) {
    // A read model over another context's tables in every tenant: SQL is the point here. The
    // job's title is visible while it is open; a closed job's interview is still shown.
    return NativeSql.list(
        entityManager,
        "SELECT p.id AS proposal_id, j.title AS job_title, t.display_name AS tenant_name,"
            + " p.chosen_start AS starts_at, p.chosen_end AS ends_at, p.location AS location,"
            + " p.meeting_url AS meeting_url,"
            + " a.stage IN ('REJECTED', 'WITHDRAWN') AS called_off,"
            + " p.answered_at AS agreed_at, a.updated_at AS ended_at"
            + " FROM interview_proposal p"
            + " JOIN job_application a ON a.id = p.application_id"
            + " LEFT JOIN job j ON j.id = a.job_id"
            + " LEFT JOIN tenant t ON t.id = p.tenant_id"
            + " WHERE p.freelancer_subject = ?1 AND p.status = 'ACCEPTED'"
            + " ORDER BY p.chosen_start, p.id",
        row -> {
          boolean calledOff = row.flag("called_off");
          Instant agreed = row.instant("agreed_at");
          Instant ended = row.instant("ended_at");
          return new Agenda.Interview(
              row.uuid("proposal_id"),
              row.string("job_title"),
              row.string("tenant_name"),
              row.instant("starts_at"),
              row.instant("ends_at"),
              row.string("location"),
              row.string("meeting_url"),
              calledOff,
              calledOff && ended.isAfter(agreed) ? ended : agreed);
        },
        freelancerSubject);
  }

  @Override
  public List<Due> sourcesDue(Instant before, int limit) {
    return entityManager
        .createQuery(
            "select s from CalendarSource s where s.refreshedAt is null or s.refreshedAt < :before"
                + " order by s.refreshedAt nulls first, s.id",
            CalendarSource.class)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultStream()
        .map(source -> new Due(source.id(), source.freelancerSubject()))
        .toList();
  }

  /** The caller's own source: the platform scope may list sources, but not act on one by id. */
  private Optional<CalendarSource> ownSource(UUID id) {
    return entityManager
        .createQuery(
            "select s from CalendarSource s where s.id = :id and s.freelancerSubject = :me",
            CalendarSource.class)
        .setParameter("id", id)
        .setParameter("me", TenancyContext.current().subject())
        .getResultStream()
        .findFirst();
  }
}
