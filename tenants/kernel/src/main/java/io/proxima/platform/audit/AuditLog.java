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

  /**
   * Records that staff saw freelancers' personal data: the one freelancer as the target, or, for a
   * list, every freelancer shown in the details, so "who saw my data" has an answer. Nothing shown,
   * nothing recorded. A read has no write to commit with: it joins the caller's transaction when
   * there is one and gets its own otherwise. Callers record after the read, so the tenant's chain
   * is locked only for the rest of their transaction.
   *
   * @param context what was read, e.g. {@code job <id>} or {@code search}; may be null
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void recordRead(String action, UUID tenantId, String context, List<String> freelancers) {
    if (freelancers.isEmpty()) {
      return;
    }
    if (freelancers.size() == 1) {
      record(action, tenantId, freelancers.get(0), context);
      return;
    }
    record(
        action,
        tenantId,
        context,
        freelancers.size() + " freelancers: " + String.join(" ", freelancers));
  }

  /**
   * Filters for the audit viewers and exports; any of them may be null. {@code chainKey} is a
   * tenant id or {@code platform}; {@code actionPrefix} matches {@code tenant.} as well as {@code
   * tenant.created}; {@code before} is the cursor: only entries with a smaller id.
   */
  public record Filter(
      String chainKey,
      String actionPrefix,
      String actorSubject,
      Instant from,
      Instant to,
      Long before,
      int limit) {

    public Filter after(long cursor) {
      return new Filter(chainKey, actionPrefix, actorSubject, from, to, cursor, limit);
    }
  }

  /** Newest first (by id, which is also the cursor). Row-level security limits what is seen. */
  @Transactional
  public List<AuditEvent> find(Filter filter) {
    StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
    if (filter.chainKey() != null) {
      jpql.append(" and e.chainKey = :chain");
    }
    if (filter.actionPrefix() != null) {
      jpql.append(" and e.action like :action escape '!'");
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
    if (filter.before() != null) {
      jpql.append(" and e.id < :before");
    }
    jpql.append(" order by e.id desc");
    var query = entityManager.createQuery(jpql.toString(), AuditEvent.class);
    if (filter.chainKey() != null) {
      query.setParameter("chain", filter.chainKey());
    }
    if (filter.actionPrefix() != null) {
      query.setParameter("action", likePrefix(filter.actionPrefix()));
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
    if (filter.before() != null) {
      query.setParameter("before", filter.before());
    }
    return query.setMaxResults(filter.limit()).getResultList();
  }

  /** An action prefix as a LIKE pattern: its own % and _ are literal. */
  static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
