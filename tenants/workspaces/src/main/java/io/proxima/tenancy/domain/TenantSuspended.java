package io.proxima.tenancy.domain;

import java.util.UUID;

/**
 * The platform suspended a tenant. Fired inside the suspending transaction; observers that act
 * outside the database (closing the tenant's live sockets on every node) wait for its commit.
 */
public record TenantSuspended(UUID tenantId, String slug) {}
