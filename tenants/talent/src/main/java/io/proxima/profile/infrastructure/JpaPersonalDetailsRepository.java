package io.proxima.profile.infrastructure;

import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.privacy.PersonalDataVault;
import io.proxima.profile.domain.PayoutAccount;
import io.proxima.profile.domain.PersonalDetails;
import io.proxima.profile.domain.PersonalDetailsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Personal details through Hibernate, sealed and opened with the freelancer's data key. */
@ApplicationScoped
public class JpaPersonalDetailsRepository implements PersonalDetailsRepository {

  private final EntityManager entityManager;
  private final PersonalDataVault vault;

  protected JpaPersonalDetailsRepository() {
    this(null, null);
  }

  @Inject
  public JpaPersonalDetailsRepository(EntityManager entityManager, PersonalDataVault vault) {
    this.entityManager = entityManager;
    this.vault = vault;
  }

  @Override
  public PersonalDetails of(String freelancerSubject) {
    return Optional.ofNullable(entityManager.find(SealedPersonalDetails.class, freelancerSubject))
        .map(row -> row.opened(vault))
        .orElseGet(() -> PersonalDetails.none(freelancerSubject));
  }

  @Override
  public boolean store(PersonalDetails details) {
    SealedPersonalDetails row =
        entityManager.find(SealedPersonalDetails.class, details.freelancerSubject());
    if (row == null) {
      if (details.version() != 1) {
        return false;
      }
      row = SealedPersonalDetails.first(details.freelancerSubject());
      row.seal(details, vault);
      entityManager.persist(row);
    } else {
      if (row.version() != details.version() - 1) {
        return false;
      }
      row.seal(details, vault);
    }
    return RacedWrites.flushUnlessRaced(entityManager);
  }

  @Override
  public Optional<PayoutAccount> payoutAccountOf(String freelancerSubject) {
    return Optional.ofNullable(entityManager.find(SealedPersonalDetails.class, freelancerSubject))
        .map(row -> row.openedPayoutAccount(vault));
  }
}
