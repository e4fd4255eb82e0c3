package io.proxima.platform.tenancy;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate's side of isolation: entities with {@code @TenantId} are filtered by, and stamped with,
 * the tenant of the current {@link TenancyContext}. The tenant console works as the root tenant,
 * which Hibernate does not filter; calls without a tenant get an id no row has.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

  /** The console's identifier: sees every tenant. */
  public static final UUID PLATFORM = new UUID(0, 0);

  /** Outside any tenant: matches no row. */
  public static final UUID NO_TENANT = new UUID(-1, -1);

  @Override
  public UUID resolveCurrentTenantIdentifier() {
    TenancyContext context = TenancyContext.current();
    return switch (context.scope()) {
      case PLATFORM -> PLATFORM;
      case TENANT -> context.tenantId();
      case SELF, ANONYMOUS -> NO_TENANT;
    };
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return false;
  }

  @Override
  public boolean isRoot(UUID tenantId) {
    return PLATFORM.equals(tenantId);
  }
}
