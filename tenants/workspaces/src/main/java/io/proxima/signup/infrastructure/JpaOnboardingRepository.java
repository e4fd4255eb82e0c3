package io.proxima.signup.infrastructure;

import io.proxima.signup.domain.Onboarding;
import io.proxima.signup.domain.OnboardingRepository;
import io.proxima.signup.domain.TermsAcceptance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaOnboardingRepository implements OnboardingRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaOnboardingRepository() {
    this(null);
  }

  @Inject
  public JpaOnboardingRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Onboarding> find(String freelancerSubject) {
    return Optional.ofNullable(entityManager.find(Onboarding.class, freelancerSubject));
  }

  @Override
  public void store(Onboarding onboarding) {
    entityManager.persist(onboarding);
  }

  @Override
  public List<TermsAcceptance> acceptances(String freelancerSubject) {
    return entityManager
        .createQuery(
            "select a from TermsAcceptance a where a.freelancerSubject = :subject"
                + " order by a.acceptedAt desc",
            TermsAcceptance.class)
        .setParameter("subject", freelancerSubject)
        .getResultList();
  }

  @Override
  public void store(TermsAcceptance acceptance) {
    entityManager.persist(acceptance);
  }
}
