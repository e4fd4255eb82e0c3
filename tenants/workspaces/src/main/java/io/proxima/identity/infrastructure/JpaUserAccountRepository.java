package io.proxima.identity.infrastructure;

import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaUserAccountRepository() {
    this(null);
  }

  @Inject
  public JpaUserAccountRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public List<UserAccount> findBySubjects(java.util.Collection<String> subjects) {
    if (subjects.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery("select a from UserAccount a where a.subject in :subjects", UserAccount.class)
        .setParameter("subjects", subjects)
        .getResultList();
  }

  @Override
  public Optional<UserAccount> findBySubject(String subject) {
    return entityManager
        .createQuery("select a from UserAccount a where a.subject = :subject", UserAccount.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public UserAccount storeIfAbsent(UserAccount account) {
    // ON CONFLICT keeps a concurrent first call from failing the whole transaction.
    entityManager
        .createNativeQuery(
            """
            INSERT INTO user_account (id, keycloak_subject, username, email, display_name,
                                      first_seen_at, last_seen_at, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)
            ON CONFLICT (keycloak_subject) DO NOTHING
            """)
        .setParameter(1, account.id())
        .setParameter(2, account.subject())
        .setParameter(3, account.username())
        .setParameter(4, account.email())
        .setParameter(5, account.displayName())
        .setParameter(6, account.firstSeenAt())
        .setParameter(7, account.lastSeenAt())
        .executeUpdate();
    return findBySubject(account.subject()).orElseThrow();
  }

  @Override
  public List<UserAccount> recentlySeen(int limit) {
    return entityManager
        .createQuery("select a from UserAccount a order by a.lastSeenAt desc", UserAccount.class)
        .setMaxResults(limit)
        .getResultList();
  }
}
