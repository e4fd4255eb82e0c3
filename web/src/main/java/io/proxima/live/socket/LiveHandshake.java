package io.proxima.live.socket;

import io.proxima.tenancy.application.TenantEdge;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Origin check of the live sockets. A browser page may open them only from the platform's own
 * origins (localhost, the tenant sub-domains of the base domain, the extra origins configured in
 * {@code proxima.live.allowed-origins}) or from a tenant's own host name; a page on any other site
 * cannot ride a user's credentials into them. Clients that send no Origin are not browsers and
 * authenticate with their bearer token alone.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

  private static final Logger LOG = Logger.getLogger(LiveHandshake.class.getName());
  private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]");

  @Override
  public boolean checkOrigin(String origin) {
    if (origin == null || origin.isBlank()) {
      return true;
    }
    String host;
    try {
      host = URI.create(origin.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    var config = ConfigProvider.getConfig();
    String baseDomain =
        config.getOptionalValue("proxima.tenancy.base-domain", String.class).orElse(null);
    boolean allowed =
        LOCAL.contains(host)
            || (baseDomain != null && host.endsWith("." + baseDomain.toLowerCase(Locale.ROOT)))
            || config
                .getOptionalValue("proxima.live.allowed-origins", String[].class)
                .map(origins -> Set.of(origins).contains(origin.strip()))
                .orElse(false)
            || CDI.current().select(TenantEdge.class).get().resolve(null, host).isPresent();
    if (!allowed) {
      String refused = host;
      LOG.info(() -> "live socket refused for origin " + refused);
    }
    return allowed;
  }
}
