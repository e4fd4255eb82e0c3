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
 * Ready when Keycloak answers for the realm: without it no token can be checked against fresh keys
 * and nobody can sign in.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

  private final URI discovery;
  private final HttpClient http;

  /**
   * Reads the issuer from the application's own config: the health service may create this bean on
   * a thread whose context class loader belongs to the server, where injection finds nothing.
   */
  public IdentityProviderReadiness() {
    this(
        ConfigProvider.getConfig(IdentityProviderReadiness.class.getClassLoader())
            .getValue("proxima.oidc.issuer", String.class));
  }

  IdentityProviderReadiness(String issuer) {
    this.discovery = URI.create(issuer + "/.well-known/openid-configuration");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("identity-provider").withData("issuer", issuer());
    try {
      int status =
          http.send(
                  HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      return (status == 200 ? response.up() : response.down()).withData("status", status).build();
    } catch (IOException e) {
      return response.down().withData("reason", String.valueOf(e.getMessage())).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("reason", "interrupted").build();
    }
  }

  private String issuer() {
    String value = discovery.toString();
    return value.substring(0, value.indexOf("/.well-known"));
  }
}
