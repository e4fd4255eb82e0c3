package io.proxima.live.socket;

import io.proxima.tenancy.application.TenantEdge;
import io.proxima.tenancy.domain.Tenant;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Origin check of the live sockets. A browser page may open them only from the platform's own
 * origins (localhost, the tenant sub-domains of the base domain, the extra origins configured in
 * {@code proxima.live.allowed-origins}) or from a tenant's own host name, which opens that tenant's
 * sockets only; a page on any other site cannot ride a user's credentials into them. Clients that
 * send no Origin are not browsers and authenticate with their bearer token alone.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

  private static final Logger LOG = Logger.getLogger(LiveHandshake.class.getName());
  private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]");

  /** The upgrade request's Host and Origin headers, kept with the session. */
  static final String HOST = LiveHandshake.class.getName() + ".host";

  static final String ORIGIN = LiveHandshake.class.getName() + ".origin";

  /**
   * Keeps the headers the endpoint needs once the tenant is known. Tyrus hands every upgrade its
   * own copy of the user properties, which become the session's.
   */
  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    header(request, "Host").ifPresent(host -> config.getUserProperties().put(HOST, host));
    header(request, "Origin").ifPresent(origin -> config.getUserProperties().put(ORIGIN, origin));
    super.modifyHandshake(config, request, response);
  }

  private static Optional<String> header(HandshakeRequest request, String name) {
    return request.getHeaders().entrySet().stream()
        .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .filter(value -> value != null && !value.isBlank())
        .findFirst();
  }

  /**
   * The first, coarse check, before the tenant is known: a platform origin or some tenant's own
   * host name. {@link #originAllows} then narrows a tenant's host name to that tenant's sockets.
   */
  @Override
  public boolean checkOrigin(String origin) {
    if (origin == null || origin.isBlank()) {
      return true;
    }
    Optional<String> host = hostOf(origin);
    boolean allowed =
        host.isPresent()
            && (platformOrigin(origin, host.get())
                || CDI.current()
                    .select(TenantEdge.class)
                    .get()
                    .resolve(null, host.get())
                    .isPresent());
    if (!allowed) {
      LOG.info(() -> "live socket refused for origin " + host.orElse("(unreadable)"));
    }
    return allowed;
  }

  /**
   * Whether a socket opened from {@code origin} may address {@code tenant} (empty: the caller's own
   * freelancer socket). Platform origins may address any tenant, the caller's membership decides; a
   * tenant's own host name only that tenant's sockets, so a page on one tenant's domain cannot open
   * another tenant's sockets with a visitor's credentials.
   */
  static boolean originAllows(String origin, Optional<Tenant> tenant) {
    if (origin == null || origin.isBlank()) {
      return true;
    }
    Optional<String> host = hostOf(origin);
    if (host.isEmpty()) {
      return false;
    }
    if (platformOrigin(origin, host.get())) {
      return true;
    }
    return tenant.isPresent()
        && tenant.get().branding().hostNames().stream()
            .anyMatch(name -> name.equalsIgnoreCase(host.get()));
  }

  private static Optional<String> hostOf(String origin) {
    try {
      return Optional.ofNullable(URI.create(origin.strip()).getHost())
          .map(host -> host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean platformOrigin(String origin, String host) {
    var config = ConfigProvider.getConfig();
    String baseDomain =
        config.getOptionalValue("proxima.tenancy.base-domain", String.class).orElse(null);
    return LOCAL.contains(host)
        || (baseDomain != null && host.endsWith("." + baseDomain.toLowerCase(Locale.ROOT)))
        || config
            .getOptionalValue("proxima.live.allowed-origins", String[].class)
            .map(origins -> Set.of(origins).contains(origin.strip()))
            .orElse(false);
  }
}
