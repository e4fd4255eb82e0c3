package io.proxima.platform.audit;

import io.proxima.platform.logging.LogContext;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the audit log in the caller's transaction, so an action and its record commit or roll
 * back together. Who and from where come from the request context, never from the caller.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  private final Clock clock = Clock.systemUTC();

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String action, UUID tenantId, String target, String details) {
    entityManager.persist(
        new AuditEvent(
            clock.instant(),
            TenancyContext.current().subject(),
            null,
            action,
            tenantId,
            target,
            LogContext.clientAddress().orElse(null),
            LogContext.requestId().orElse(null),
            details));
  }

  /** Filters for the console's audit viewer; any of them may be null. */
  public record Filter(
      UUID tenantId, String action, String actorSubject, Instant from, Instant to, int limit) {}

  /** Newest first. Row-level security limits what a non-platform caller sees. */
  @Transactional
  public List<AuditEvent> find(Filter filter) {
    StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
    if (filter.tenantId() != null) {
      jpql.append(" and e.tenantId = :tenant");
    }
    if (filter.action() != null) {
      jpql.append(" and e.action = :action");
    }
    if (filter.actorSubject() != null) {
      jpql.append(" and e.actorSubject = :actor");
    }
    if (filter.from() != null) {
      jpql.append(" and e.occurredAt >= :from");
    }
    if (filter.to() != null) {
      jpql.append(" and e.occurredAt < :to");
    }
    jpql.append(" order by e.occurredAt desc, e.id desc");
    var query = entityManager.createQuery(jpql.toString(), AuditEvent.class);
    if (filter.tenantId() != null) {
      query.setParameter("tenant", filter.tenantId());
    }
    if (filter.action() != null) {
      query.setParameter("action", filter.action());
    }
    if (filter.actorSubject() != null) {
      query.setParameter("actor", filter.actorSubject());
    }
    if (filter.from() != null) {
      query.setParameter("from", filter.from());
    }
    if (filter.to() != null) {
      query.setParameter("to", filter.to());
    }
    return query.setMaxResults(filter.limit()).getResultList();
  }
}
