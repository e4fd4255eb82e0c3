package io.proxima.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Seeds the demo through the platform's own APIs, the way a platform admin and a freelancer would:
 * a branded agency tenant with an admin who can sign in, and the demo freelancer sharing their
 * profile with it. Safe to run on every start.
 */
final class DemoSeed {

  static final String TENANT = "demo-agency";
  static final String TENANT_ADMIN = "agency-admin@proxima.local";
  static final String TENANT_ADMIN_PASSWORD = "agency";

  private final LocalStack stack;
  private final String platform;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  DemoSeed(LocalStack stack, String platformBaseUrl) {
    this.stack = stack;
    this.platform = platformBaseUrl;
  }

  void run() {
    String console = stack.keycloak().accessToken("proxima-console", "platform-admin", "admin");
    HttpResponse<String> existing = send("GET", "/t/" + TENANT + "/api/v1/branding", null, null);
    if (existing.statusCode() == 404) {
      HttpResponse<String> created =
          send(
              "POST",
              "/api/v1/platform/tenants",
              console,
              """
              {"slug":"%s","type":"AGENCY","plan":"standard",
               "branding":{"displayName":"株式会社デモエージェント","primaryColor":"#0b6e4f",
                           "accentColor":"#f2a541","hostNames":[]},
               "firstAdmin":{"email":"%s","firstName":"Kenji","lastName":"Suzuki"}}
              """
                  .formatted(TENANT, TENANT_ADMIN));
      if (created.statusCode() != 201) {
        throw new IllegalStateException("demo tenant not created: " + created.body());
      }
      new KeycloakTestAdmin(stack.keycloak()).activate(TENANT_ADMIN, TENANT_ADMIN_PASSWORD);
    }
    String freelancer = stack.keycloak().accessToken("proxima-portal", "demo", "demo");
    HttpResponse<String> shared = send("PUT", "/api/v1/me/consents/" + TENANT, freelancer, null);
    if (shared.statusCode() != 200) {
      throw new IllegalStateException("demo consent not given: " + shared.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // On a first start the node comes up beside Keycloak and reads its signing keys a moment
      // after Keycloak is ready; until then a valid token is refused.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (token != null && response.statusCode() == 401 && System.nanoTime() < deadline) {
        Thread.sleep(1_000);
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
