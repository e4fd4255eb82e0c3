package io.proxima.tenancy.infrastructure;

import io.proxima.tenancy.domain.CompanyWorkspace;
import io.proxima.tenancy.domain.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaWorkspaceRepository implements WorkspaceRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaWorkspaceRepository() {
    this(null);
  }

  @Inject
  public JpaWorkspaceRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public List<CompanyWorkspace> all() {
    return entityManager
        .createQuery("select w from CompanyWorkspace w order by w.name", CompanyWorkspace.class)
        .getResultList();
  }

  @Override
  public Optional<CompanyWorkspace> findById(UUID id) {
    // find() by primary key would skip the tenant filter; a query keeps it.
    return entityManager
        .createQuery("select w from CompanyWorkspace w where w.id = :id", CompanyWorkspace.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean nameTaken(String name) {
    return !entityManager
        .createQuery("select w.id from CompanyWorkspace w where w.name = :name", UUID.class)
        .setParameter("name", name.strip())
        .getResultList()
        .isEmpty();
  }

  @Override
  public void store(CompanyWorkspace workspace) {
    if (!entityManager.contains(workspace)) {
      entityManager.persist(workspace);
    }
  }
}
