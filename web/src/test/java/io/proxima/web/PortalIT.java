package io.proxima.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalPostgres;
import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal WAR as built, in Payara Micro, against the real PostgreSQL and Keycloak of the local
 * stack. One class on purpose: each container test class costs a Payara Micro start.
 */
@ExtendWith(LocalStackExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("proxima.war")));
  }

  @ArquillianResource URL base;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static LocalStack stack() {
    return LocalStackExtension.stack();
  }

  @Test
  void meWithoutTokenIsUnauthorizedAsProblemDetails() throws Exception {
    HttpResponse<String> response = get("api/v1/me", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":401")
        .contains("urn:proxima:problem:unauthorized");
  }

  @Test
  void meWithForgedTokenIsUnauthorized() throws Exception {
    String token = stack().keycloak().accessToken("proxima-portal", "demo", "demo");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertThat(get("api/v1/me", forged).statusCode()).isEqualTo(401);
    assertThat(get("api/v1/me", "not-a-jwt").statusCode()).isEqualTo(401);
  }

  @Test
  void meReturnsTheCallerAndRecordsTheAccountOnce() throws Exception {
    String token = stack().keycloak().accessToken("proxima-portal", "demo", "demo");

    HttpResponse<String> first = get("api/v1/me", token);
    HttpResponse<String> second = get("api/v1/me", token);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"username\":\"demo\"")
        .contains("\"email\":\"demo@proxima.local\"")
        .contains("\"displayName\":\"Taro Yamada\"")
        .contains("proxima-user");
    String id = first.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(second.body()).contains("\"id\":\"" + id + "\"");
    try (Connection connection =
            stack()
                .postgres()
                .superuserDataSource(LocalPostgres.PLATFORM_DATABASE)
                .getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*), min(id::text) FROM user_account WHERE username = 'demo'")) {
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
        assertThat(rows.getString(2)).isEqualTo(id);
      }
    }
  }

  @Test
  void requestIdIsEchoedOrCreated() throws Exception {
    HttpResponse<String> given =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "api/v1/me"))
                .header("X-Request-Id", "trace-123")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> created = get("api/v1/me", null);

    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-123");
    assertThat(created.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void unknownApiPathIsNotFoundAsProblemDetails() throws Exception {
    String token = stack().keycloak().accessToken("proxima-portal", "demo", "demo");

    HttpResponse<String> response = get("api/v1/no-such-thing", token);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("urn:proxima:problem:not-found");
  }

  @Test
  void readinessCoversDatabaseAndIdentityProvider() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(rootOf(base) + "health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"database\"")
        .contains("\"identity-provider\"")
        .contains("proxima_app")
        .doesNotContain("DOWN");
  }

  @Test
  void openApiDescribesTheMeEndpoint() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(rootOf(base) + "openapi")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/v1/me").contains("Proxima API");
  }

  /** Health and OpenAPI live at the server root, not under the WAR's context root. */
  private static String rootOf(URL url) {
    return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort() + "/";
  }
}
