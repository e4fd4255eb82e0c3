package io.proxima.tenancy.domain;

import java.util.UUID;

/**
 * A freelancer started or stopped sharing with a tenant. Fired after the change commits, so the
 * real-time core can put the freelancer on, or take them off, the tenant's boards at once.
 */
public record ConsentChanged(String freelancerSubject, UUID tenantId, boolean shared) {}
