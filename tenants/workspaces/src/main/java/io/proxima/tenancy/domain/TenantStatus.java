package io.proxima.tenancy.domain;

public enum TenantStatus {
  ACTIVE,
  /** Users get a clear 403; all data is kept and comes back on resume. */
  SUSPENDED,
  /**
   * Closed by the platform: refused like a suspension, and after the retention period its personal
   * data is erased; resumable until then.
   */
  CLOSED
}
