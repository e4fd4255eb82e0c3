package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface WorkspaceRepository {

  /** Workspaces of the current tenant. */
  List<CompanyWorkspace> all();

  Optional<CompanyWorkspace> findById(UUID id);

  boolean nameTaken(String name);

  void store(CompanyWorkspace workspace);
}
