package io.proxima.live.socket;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.platform.text.PlainText;
import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Session;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who opened a live socket, and in which tenant: the subject from the bearer token Payara's MP-JWT
 * mechanism validated on the upgrade request, the tenant from {@code ?tenant=<slug>} or the Host
 * header, resolved once here as the REST edge does.
 */
record LiveCaller(String subject, String name, Tenant tenant, TenantEdge.Access access) {

  static Optional<String> subjectOf(Session session) {
    Principal principal = session.getUserPrincipal();
    Optional<String> subject =
        principal instanceof JsonWebToken token && token.getSubject() != null
            ? Optional.of(token.getSubject())
            : ticketHolder(session).map(LiveTickets.Holder::subject);
    // A deleted account's token (or a ticket taken just before) still verifies: no socket.
    return subject.filter(
        s -> !CDI.current().select(io.proxima.web.tenancy.ErasedAccounts.class).get().isErased(s));
  }

  static String nameOf(Session session) {
    if (session.getUserPrincipal() instanceof JsonWebToken token) {
      String name = io.proxima.identity.api.CallerClaims.displayName(token);
      return name != null ? name : token.getName();
    }
    return ticketHolder(session).map(LiveTickets.Holder::name).orElse(null);
  }

  /**
   * A browser's socket: the holder of the {@code ?ticket=} it was opened with, redeemed once and
   * kept with the session (a ticket opens one socket).
   */
  private static Optional<LiveTickets.Holder> ticketHolder(Session session) {
    Object known = session.getUserProperties().get(TICKET_HOLDER);
    if (known instanceof LiveTickets.Holder holder) {
      return Optional.of(holder);
    }
    Optional<LiveTickets.Holder> holder =
        CDI.current().select(LiveTickets.class).get().redeem(parameter(session, "ticket"));
    holder.ifPresent(h -> session.getUserProperties().put(TICKET_HOLDER, h));
    return holder;
  }

  private static final String TICKET_HOLDER = LiveTickets.Holder.class.getName();

  /** Longest tenant slug a caller can name; longer ones name no tenant. */
  private static final int SLUG_LIMIT = 63;

  /**
   * The tenant the socket addresses, resolved as REST resolves it: {@code ?tenant=<slug>} or the
   * Host header ({@code <slug>.<base domain>} or a tenant's own host name). A {@code ?tenant=} that
   * contradicts a host naming another tenant addresses nothing, and neither does a malformed one.
   */
  static Optional<Tenant> tenantOf(Session session, TenantEdge edge) {
    String slug = parameter(session, "tenant");
    String host = hostOf(session);
    Optional<Tenant> byHost =
        host == null || PlainText.problem(host) != null || host.length() > 300
            ? Optional.empty()
            : edge.resolve(null, host);
    if (slug == null) {
      return byHost;
    }
    if (slug.isBlank() || slug.length() > SLUG_LIMIT || PlainText.problem(slug) != null) {
      return Optional.empty();
    }
    Optional<Tenant> bySlug = edge.resolve(slug, null);
    if (byHost.isPresent() && !bySlug.map(t -> t.id().equals(byHost.get().id())).orElse(false)) {
      return Optional.empty();
    }
    return bySlug;
  }

  /** Whether the socket names a tenant at all, by parameter or by a tenant's host name. */
  static boolean namesTenant(Session session, TenantEdge edge) {
    return parameter(session, "tenant") != null || tenantOf(session, edge).isPresent();
  }

  private static String hostOf(Session session) {
    Object host = session.getUserProperties().get(LiveHandshake.HOST);
    return host instanceof String name && !name.isBlank() ? name : null;
  }

  /**
   * Refuses a socket whose page's origin may not address {@code tenant} (empty: a freelancer's own
   * socket): a tenant's host name opens that tenant's sockets only.
   */
  static void requireOrigin(Session session, Optional<Tenant> tenant, String notFound) {
    Object origin = session.getUserProperties().get(LiveHandshake.ORIGIN);
    if (origin instanceof String value && !LiveHandshake.originAllows(value, tenant)) {
      throw new DomainException.NotFound(notFound);
    }
  }

  /**
   * The caller as a staff member of the tenant the socket names, or the problem the socket is
   * closed with: {@code notFound} for an unknown tenant and for a non-member alike (no existence
   * leak, as REST answers 404), the suspension for a suspended tenant's own people.
   */
  static LiveCaller staff(Session session, String subject, TenantEdge edge, String notFound) {
    Tenant tenant =
        tenantOf(session, edge).orElseThrow(() -> new DomainException.NotFound(notFound));
    requireOrigin(session, Optional.of(tenant), notFound);
    TenantEdge.Access access = accessOf(subject, tenant, edge);
    if (access.role().isEmpty()) {
      throw new DomainException.NotFound(notFound);
    }
    if (!tenant.isActive()) {
      throw new DomainException.TenantSuspended(tenant.slug().value());
    }
    return new LiveCaller(subject, nameOf(session), tenant, access);
  }

  /**
   * The tenant a socket of the caller's own (the bell) is opened in, or none, else the problem it
   * is closed with. A page may open it in a tenant's scope ({@code ?tenant=} or the tenant's host
   * name) only where the caller belongs, as staff or as a freelancer sharing with the tenant: a
   * tenant named but not found, a malformed name and another tenant alike are {@code notFound}, as
   * REST answers 404, so one tenant's token learns nothing of another on its path or host.
   */
  static Optional<Tenant> ownScope(
      Session session, String subject, TenantEdge edge, String notFound) {
    Optional<Tenant> tenant = tenantOf(session, edge);
    if (tenant.isEmpty() && parameter(session, "tenant") != null) {
      throw new DomainException.NotFound(notFound);
    }
    requireOrigin(session, tenant, notFound);
    if (tenant.isEmpty()) {
      return tenant;
    }
    Tenant scope = tenant.get();
    TenantEdge.Access access = accessOf(subject, scope, edge);
    if (!access.any()) {
      throw new DomainException.NotFound(notFound);
    }
    if (access.role().isPresent() && !scope.isActive()) {
      throw new DomainException.TenantSuspended(scope.slug().value());
    }
    return tenant;
  }

  /** A freelancer who shares with {@code tenant} and holds no staff role in it. */
  static boolean sharesWithoutStaffRole(String subject, Tenant tenant, TenantEdge edge) {
    TenantEdge.Access access = accessOf(subject, tenant, edge);
    return access.role().isEmpty() && access.sharingFreelancer();
  }

  /**
   * What the caller is to {@code tenant}, read in that tenant's scope as its REST edge reads it.
   */
  private static TenantEdge.Access accessOf(String subject, Tenant tenant, TenantEdge edge) {
    return TenancyContext.callIn(
        TenancyContext.tenant(tenant.id(), tenant.slug().value(), subject),
        () -> edge.access(tenant.id(), subject));
  }

  /**
   * Whether the caller may still hold the socket open: still staff of the tenant, and the tenant
   * still active. Checked at connect and again now and then, so a removed member or a suspended
   * tenant does not keep a socket for as long as it stays open.
   */
  boolean stillAllowed(TenantEdge edge) {
    return TenancyContext.callIn(
        context(),
        () ->
            edge.resolve(tenant.slug().value(), null).filter(Tenant::isActive).isPresent()
                && edge.access(tenant.id(), subject).role().isPresent());
  }

  /** Whether the caller's tenant is suspended now (so a refused stream says so). */
  boolean suspended(TenantEdge edge) {
    return TenancyContext.callIn(
        context(),
        () -> edge.resolve(tenant.slug().value(), null).filter(t -> !t.isActive()).isPresent());
  }

  TenancyContext context() {
    return TenancyContext.tenant(tenant.id(), tenant.slug().value(), subject);
  }

  static String parameter(Session session, String name) {
    List<String> values = session.getRequestParameterMap().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The last frame a resuming client saw ({@code lastSeq}); 0, a fresh start, when absent. */
  static long lastSeq(Session session) {
    String value = parameter(session, "lastSeq");
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
