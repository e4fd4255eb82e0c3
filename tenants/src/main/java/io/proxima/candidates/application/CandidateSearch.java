package io.proxima.candidates.application;

import io.proxima.candidates.domain.CandidatePool;
import io.proxima.candidates.domain.CandidateQuery;
import io.proxima.tenancy.application.TenantEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

/** A tenant's staff searching the freelancers who share with the tenant. */
@ApplicationScoped
public class CandidateSearch {

  private final CandidatePool pool;
  private final TenantEdge edge;

  protected CandidateSearch() {
    this(null, null);
  }

  @Inject
  public CandidateSearch(CandidatePool pool, TenantEdge edge) {
    this.pool = pool;
    this.edge = edge;
  }

  @Transactional
  public CandidatePool.Result search(@NotNull CandidateQuery query) {
    edge.requireStaff();
    return pool.search(query);
  }
}
