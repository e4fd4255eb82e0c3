package io.proxima.tenancy.domain;

/** An agency runs a portal for its freelancers and client companies; a company hires directly. */
public enum TenantType {
  AGENCY,
  COMPANY
}
