package io.proxima.integrations.infrastructure;

import io.proxima.integrations.domain.ApiKey;
import io.proxima.integrations.domain.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in PostgreSQL. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaApiKeyRepository() {
    this(null);
  }

  @Inject
  public JpaApiKeyRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void add(ApiKey key) {
    entityManager.persist(key);
  }

  @Override
  public Optional<ApiKey> find(UUID id) {
    return Optional.ofNullable(entityManager.find(ApiKey.class, id));
  }

  @Override
  public Optional<ApiKey> findBySecretHash(String sha256) {
    return entityManager
        .createQuery(
            "select k from ApiKey k where k.secretSha256 = :hash"
                + " or k.previousSecretSha256 = :hash",
            ApiKey.class)
        .setParameter("hash", sha256)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApiKey> all() {
    return entityManager
        .createQuery("select k from ApiKey k order by k.createdAt desc", ApiKey.class)
        .setMaxResults(200)
        .getResultList();
  }
}
