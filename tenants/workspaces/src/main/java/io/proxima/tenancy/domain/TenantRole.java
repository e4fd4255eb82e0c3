package io.proxima.tenancy.domain;

import java.util.Locale;

/** A person's role inside one tenant. Held in the application database, not in Keycloak. */
public enum TenantRole {
  AGENCY_ADMIN,
  RECRUITER,
  COMPANY_ADMIN,
  COMPANY_MEMBER;

  /** The role's name in URLs and JSON: {@code agency-admin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TenantRole fromWireName(String name) {
    for (TenantRole role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown tenant role: " + name);
  }

  /** Whether this role manages the tenant: members, workspaces, branding seen by the tenant. */
  public boolean administers() {
    return this == AGENCY_ADMIN || this == COMPANY_ADMIN;
  }

  /** Roles that only make sense inside a company workspace. */
  public boolean belongsToWorkspace() {
    return this == COMPANY_ADMIN || this == COMPANY_MEMBER;
  }
}
