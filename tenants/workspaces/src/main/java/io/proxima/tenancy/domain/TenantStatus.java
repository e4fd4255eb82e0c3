package io.proxima.tenancy.domain;

public enum TenantStatus {
  ACTIVE,
  /** Users get a clear 403; all data is kept and comes back on resume. */
  SUSPENDED
}
