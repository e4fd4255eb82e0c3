package io.proxima.tenancy.infrastructure;

import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.ConsentEvent;
import io.proxima.tenancy.domain.ConsentLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The log in {@code consent_event}. Only appends and reads: the table refuses updates and deletes,
 * and row-level security gives a tenant only its own entries.
 */
@ApplicationScoped
public class JpaConsentLog implements ConsentLog {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaConsentLog() {
    this(null);
  }

  @Inject
  public JpaConsentLog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void append(ConsentEvent event) {
    entityManager.persist(event);
  }

  @Override
  public List<ConsentEvent> ofFreelancer(String freelancerSubject, int limit) {
    return entityManager
        .createQuery(
            "select e from ConsentEvent e where e.freelancerSubject = :subject"
                + " order by e.occurredAt desc, e.id",
            ConsentEvent.class)
        .setParameter("subject", freelancerSubject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<ConsentEvent> ofCurrentTenant(int limit) {
    return entityManager
        .createQuery(
            "select e from ConsentEvent e where e.tenantId = :tenant"
                + " order by e.occurredAt desc, e.id",
            ConsentEvent.class)
        .setParameter("tenant", TenancyContext.current().requireTenant())
        .setMaxResults(limit)
        .getResultList();
  }
}
