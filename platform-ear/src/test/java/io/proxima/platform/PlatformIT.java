package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalStack;
import io.proxima.local.PayaraMicroNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as the run command starts it: one Payara Micro node with the portal at {@code /} and
 * the console at {@code /admin}, against the real PostgreSQL and Keycloak of the local stack.
 */
class PlatformIT {

  private static RunningPlatform platform;
  private static LocalStack stack;
  private static PayaraMicroNode node;
  private static final Path BUILD = RunningPlatform.BUILD;
  private static final Path MICRO = RunningPlatform.MICRO;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startPlatform() {
    platform = RunningPlatform.get();
    stack = platform.stack;
    node = platform.node;
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String client, String user, String password) {
    return stack.keycloak().accessToken(client, user, password);
  }

  @Test
  void platformAdminListsAccountsSeenByThePortal() throws Exception {
    assertThat(get("/api/v1/me", token("proxima-portal", "demo", "demo")).statusCode())
        .isEqualTo(200);

    HttpResponse<String> accounts =
        get("/api/v1/platform/accounts", token("proxima-console", "platform-admin", "admin"));

    assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
    assertThat(accounts.body()).contains("\"username\":\"demo\"");
  }

  @Test
  void consoleIsForbiddenToOrdinaryUsers() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/platform/accounts", token("proxima-portal", "demo", "demo"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("urn:proxima:problem:forbidden");
  }

  @Test
  void consoleRejectsOutOfRangeLimitWithTheField() throws Exception {
    HttpResponse<String> response =
        get(
            "/api/v1/platform/accounts?limit=100000",
            token("proxima-console", "platform-admin", "admin"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("urn:proxima:problem:validation").contains("limit");
  }

  @Test
  void consoleRejectsNonNumericLimit() throws Exception {
    HttpResponse<String> response =
        get(
            "/api/v1/platform/accounts?limit=lots",
            token("proxima-console", "platform-admin", "admin"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("urn:proxima:problem:invalid-parameter");
  }

  @Test
  void openApiDescribesPortalAndConsoleInOneApplication() throws Exception {
    HttpResponse<String> response = get("/openapi", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    // One application, one context root: the console's operations under /api/v1/platform/.
    assertThat(response.body())
        .contains("/api/v1/me")
        .contains("/api/v1/platform/accounts")
        .doesNotContain("url: " + node.baseUrl() + "/admin");
  }

  @Test
  void portalAndConsoleAreReady() throws Exception {
    HttpResponse<String> ready = get("/health/ready", null);

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).doesNotContain("DOWN");
    assertThat(get("/admin/", null).body()).contains("tenant console");
  }

  @Test
  void earAssemblesTheOneWarAtTheRoot() throws Exception {
    Path ear = BUILD.resolve("proxima-platform.ear");
    assertThat(ear).exists();
    try (ZipFile archive = new ZipFile(ear.toFile())) {
      assertThat(archive.getEntry("proxima-web.war")).isNotNull();
      // The console is a jar inside that WAR now: no second WAR, persistence unit or pool.
      assertThat(archive.getEntry("proxima-admin.war")).isNull();
      String application =
          new String(
              archive.getInputStream(archive.getEntry("META-INF/application.xml")).readAllBytes());
      assertThat(application).contains("<context-root>/</context-root>");
      assertThat(application).doesNotContain("<context-root>/admin</context-root>");
    }
    assertThat(Files.size(MICRO.resolve("proxima-web.war"))).isPositive();
  }
}
