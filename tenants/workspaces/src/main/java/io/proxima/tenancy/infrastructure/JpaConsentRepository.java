package io.proxima.tenancy.infrastructure;

import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.ConsentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaConsentRepository implements ConsentRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaConsentRepository() {
    this(null);
  }

  @Inject
  public JpaConsentRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Consent> activeConsent(String freelancerSubject, UUID tenantId) {
    return entityManager
        .createQuery(
            "select c from Consent c where c.freelancerSubject = :subject"
                + " and c.tenantId = :tenant and c.revokedAt is null",
            Consent.class)
        .setParameter("subject", freelancerSubject)
        .setParameter("tenant", tenantId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Consent> ofFreelancer(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select c from Consent c where c.freelancerSubject = :subject order by c.grantedAt desc",
            Consent.class)
        .setParameter("subject", freelancerSubject)
        .getResultList();
  }

  @Override
  public List<Consent> activeInCurrentTenant() {
    return entityManager
        .createQuery(
            "select c from Consent c where c.tenantId = :tenant and c.revokedAt is null"
                + " order by c.grantedAt desc",
            Consent.class)
        .setParameter("tenant", TenancyContext.current().requireTenant())
        .getResultList();
  }

  @Override
  public void store(Consent consent) {
    if (!entityManager.contains(consent)) {
      entityManager.persist(consent);
    }
  }
}
