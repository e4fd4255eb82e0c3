package io.proxima.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The node's one persistence unit, for constructor injection: repositories take an {@link
 * EntityManager} like any other dependency, so a test can build them around its own.
 */
@ApplicationScoped
public class PlatformEntityManager {

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  /** The container's transaction-scoped entity manager: safe to share, bound per transaction. */
  @Produces
  EntityManager entityManager() {
    return entityManager;
  }
}
