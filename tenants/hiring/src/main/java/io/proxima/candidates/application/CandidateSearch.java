package io.proxima.candidates.application;

import io.proxima.candidates.domain.CandidatePool;
import io.proxima.candidates.domain.CandidateQuery;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.StaffOnly;
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
  private final AuditLog audit;

  protected CandidateSearch() {
    this(null, null, null);
  }

  @Inject
  public CandidateSearch(CandidatePool pool, TenantEdge edge, AuditLog audit) {
    this.pool = pool;
    this.edge = edge;
    this.audit = audit;
  }

  @StaffOnly
  @Transactional
  public CandidatePool.Result search(@NotNull CandidateQuery query) {
    CandidatePool.Result result = pool.search(query);
    // Cards carry names, skills and rates: the page's freelancers go on the record.
    audit.recordRead(
        "candidates.read",
        TenancyContext.current().requireTenant(),
        "search",
        result.candidates().stream().map(CandidatePool.CandidateCard::freelancerId).toList());
    return result;
  }
}
