package io.proxima.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling and in which tenant, resolved once at the edge and carried to the database: the
 * Hibernate tenant resolver and the connection provider read it, and PostgreSQL's row-level
 * security enforces it. Code below the edge never decides the tenant itself.
 *
 * @param scope what the call may reach
 * @param tenantId set for {@link Scope#TENANT}
 * @param tenantSlug set for {@link Scope#TENANT}
 * @param subject the caller's Keycloak subject, when signed in
 */
public record TenancyContext(Scope scope, UUID tenantId, String tenantSlug, String subject) {

  public enum Scope {
    /** Nobody signed in and no tenant: tenant-owned rows are invisible. */
    ANONYMOUS,
    /** A signed-in person outside any tenant: their own consents and memberships. */
    SELF,
    /** A request inside one tenant. */
    TENANT,
    /** The tenant console: every tenant, for platform admins only. */
    PLATFORM
  }

  private static final ThreadLocal<TenancyContext> CURRENT = new ThreadLocal<>();
  private static final TenancyContext NONE = new TenancyContext(Scope.ANONYMOUS, null, null, null);

  public static TenancyContext anonymous() {
    return NONE;
  }

  public static TenancyContext self(String subject) {
    return new TenancyContext(Scope.SELF, null, null, subject);
  }

  public static TenancyContext tenant(UUID tenantId, String slug, String subject) {
    return new TenancyContext(Scope.TENANT, tenantId, slug, subject);
  }

  public static TenancyContext platform(String subject) {
    return new TenancyContext(Scope.PLATFORM, null, null, subject);
  }

  /** The context of the current request; anonymous when the edge set none. */
  public static TenancyContext current() {
    TenancyContext context = CURRENT.get();
    return context == null ? NONE : context;
  }

  public static void enter(TenancyContext context) {
    CURRENT.set(context);
  }

  public static void leave() {
    CURRENT.remove();
  }

  /** Runs work in a context and restores the previous one, for jobs and tests. */
  public static <T> T callIn(TenancyContext context, java.util.function.Supplier<T> work) {
    TenancyContext previous = CURRENT.get();
    CURRENT.set(context);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public Optional<UUID> tenant() {
    return Optional.ofNullable(tenantId);
  }

  /** The tenant of a tenant-scoped call; fails loudly anywhere else. */
  public UUID requireTenant() {
    if (scope != Scope.TENANT || tenantId == null) {
      throw new IllegalStateException("no tenant in a " + scope + " call");
    }
    return tenantId;
  }

  public String requireSubject() {
    if (subject == null) {
      throw new IllegalStateException("nobody is signed in");
    }
    return subject;
  }
}
