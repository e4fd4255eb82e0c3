package io.proxima.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether people can sign in (Keycloak answers for the realm) and which signing keys this node
 * verifies tokens with.
 *
 * <p>Always UP: Keycloak is one for every node, so a DOWN here would take every node out of the
 * load balancer at once, while the people already signed in keep working on the kept keys (see
 * {@link SigningKeyKeeper}). An outage shows as {@code degraded=true} in the check's data, which
 * the operators' health view turns into DEGRADED; the public {@code /health} keeps the data to
 * itself.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

  private final URI discovery;
  private final String issuer;
  private final HttpClient http;

  /**
   * Reads the issuer from the application's own config: the health service may create this bean on
   * a thread whose context class loader belongs to the server, where injection finds nothing.
   */
  public IdentityProviderReadiness() {
    this(ConfigProvider.getConfig(IdentityProviderReadiness.class.getClassLoader()));
  }

  private IdentityProviderReadiness(org.eclipse.microprofile.config.Config config) {
    this(
        config.getValue("proxima.oidc.issuer", String.class),
        SigningKeyKeeper.realmUrl(
            config.getValue("proxima.keycloak.url", String.class),
            config.getValue("proxima.keycloak.realm", String.class)));
  }

  /**
   * @param issuer the issuer tokens name (where browsers reach Keycloak)
   * @param realmUrl where this node reaches the realm (the same, except in a container network)
   */
  IdentityProviderReadiness(String issuer, String realmUrl) {
    this.issuer = issuer;
    this.discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public HealthCheckResponse call() {
    SigningKeyKeeper.Status keys = SigningKeyKeeper.status();
    var response =
        HealthCheckResponse.named("identity-provider")
            .up()
            .withData("issuer", issuer)
            .withData("signingKeys", keys.keys());
    if (keys.fetchedAt() != null) {
      response
          .withData("signingKeysFetchedAt", keys.fetchedAt().toString())
          .withData("signingKeysFromStore", keys.fromStore());
    }
    String unavailable = signInUnavailable();
    if (unavailable == null) {
      return response.withData("degraded", false).build();
    }
    response.withData("degraded", true).withData("reason", unavailable);
    if (keys.unreachableSince() != null) {
      response.withData("unreachableSince", keys.unreachableSince().toString());
    }
    return response.build();
  }

  /** Why nobody can sign in now, or null when Keycloak answers for the realm. */
  private String signInUnavailable() {
    try {
      int status =
          http.send(
                  HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      return status == 200 ? null : "the realm answers HTTP " + status;
    } catch (IOException e) {
      return "Keycloak cannot be reached: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
