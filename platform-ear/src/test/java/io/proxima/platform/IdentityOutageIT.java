package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Keycloak, the one identity provider of every node, stops: the people already signed in keep
 * working on their tokens (the node keeps the signing keys it fetched last), readiness keeps the
 * node in rotation while the operators see DEGRADED, provisioning answers a clean 503 that writes
 * nothing, and once Keycloak is back people sign in again. The test platform refreshes the keys
 * every 5 s (RunningPlatform), and Payara re-reads the kept keys every 10 s
 * (payara-mp-jwt.properties); the outage lasts well past both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityOutageIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  /**
   * Twice the longer of the keeper's refresh (5 s) and Payara's re-read of the kept file (10 s).
   */
  private static final Duration PAST_THE_REFRESH = Duration.ofSeconds(20);

  private static final String BRAND = "さくらテック " + SUFFIX;

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;

  @BeforeAll
  static void aTenant() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "outage-" + SUFFIX,
            """
            {"displayName":"%s","primaryColor":"#c2185b","accentColor":"#ffb300"}
            """
                .formatted(BRAND));
  }

  private static String staffToken() {
    return platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  @Test
  @Order(1)
  void keycloakStoppedPastTheKeyRefreshIntervalWithSignedInPeopleStillWorking() throws Exception {
    // Signed in before the outage.
    String freelancer = platform.token("proxima-portal", "demo", "demo");
    String staff = staffToken();
    String operator = platform.consoleToken();
    String freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancer, null).body(), "subject");
    assertThat(
            platform
                .send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancer, null)
                .statusCode())
        .isEqualTo(200);

    try (LiveClient board =
        LiveClient.open(platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staff, null)) {
      board.next("snapshot");

      Instant stopped = Instant.now();
      platform.stack.keycloak().close();
      try {
        Thread.sleep(PAST_THE_REFRESH.toMillis());

        // REST calls with the tokens issued before the outage.
        HttpResponse<String> me = platform.send("GET", "/api/v1/me", freelancer, null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        HttpResponse<String> members =
            platform.send("GET", "/t/" + tenant.slug() + "/api/v1/members", staff, null);
        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);

        // A talent invitation to an account holder still goes out by mail; only the in-app
        // notice, which needs Keycloak to find the account, is left out.
        HttpResponse<String> talent =
            platform.send(
                "POST",
                "/t/" + tenant.slug() + "/api/v1/talent-invitations",
                staff,
                "{\"email\":\"demo@proxima.local\"}");
        assertThat(talent.statusCode()).as(talent.body()).isEqualTo(201);
        assertThat(json(talent.body()).getJsonObject("mail").getString("status")).isEqualTo("SENT");
        HttpResponse<String> told =
            platform.send("GET", "/api/v1/me/notifications", freelancer, null);
        assertThat(told.statusCode()).as(told.body()).isEqualTo(200);
        assertThat(
                json(told.body()).getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .filter(item -> item.getString("kind").equals("CONSENT_REQUESTED"))
                    .filter(item -> item.getString("titleJa").contains(BRAND)))
            .isEmpty();

        // The live socket that was open keeps delivering, and a new one opens on an old token.
        String note = "during the outage " + SUFFIX;
        HttpResponse<String> availability =
            platform.send(
                "PUT",
                "/api/v1/me/availability",
                freelancer,
                """
                {"status":"AVAILABLE","daysPerWeek":3,"hoursPerDay":8,"workStyle":"REMOTE",
                 "rate":{"minManYen":60,"maxManYen":70},"note":"%s"}
                """
                    .formatted(note));
        assertThat(availability.statusCode()).as(availability.body()).isEqualTo(200);
        assertThat(board.next("availability")).contains(freelancerId).contains(note);
        try (LiveClient second =
            LiveClient.open(platform.baseUrl(), "/ws/board?tenant=" + tenant.slug(), staff, null)) {
          assertThat(second.next("snapshot")).contains(freelancerId);
        }

        // The keys the node verifies with are also in the database, for a node that starts now.
        assertThat(storedSigningKeys())
            .as("the stored key set holds the key of the tokens in hand")
            .contains("\"" + keyId(staff) + "\"");

        // The load balancer keeps the node; the operators see why sign-in is down.
        HttpResponse<String> ready = platform.send("GET", "/health/ready", null, null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").doesNotContain("DOWN");
        HttpResponse<String> health =
            platform.send("GET", "/api/v1/platform/health", operator, null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonObject view = json(health.body());
        assertThat(view.getString("status")).isEqualTo("DEGRADED");
        JsonObject identity = check(view, "identity-provider");
        assertThat(identity.getString("status")).isEqualTo("DEGRADED");
        assertThat(identity.getJsonObject("data").getInt("signingKeys")).isPositive();
        assertThat(identity.getJsonObject("data").getString("reason")).contains("Keycloak");

        // Provisioning: a 503 problem the client can retry, and nothing written.
        HttpResponse<String> created =
            platform.send(
                "POST",
                "/api/v1/platform/tenants",
                operator,
                """
                {"slug":"during-%s","type":"COMPANY","plan":"standard",
                 "branding":{"displayName":"During"},
                 "firstAdmin":{"email":"during-%s@example.jp","firstName":"Aki","lastName":"Mori"}}
                """
                    .formatted(SUFFIX, SUFFIX));
        assertUnavailable(created);
        HttpResponse<String> invited = invite(staff, "invited-" + SUFFIX + "@example.jp");
        assertUnavailable(invited);
        assertThat(
                platform.send("GET", "/t/" + tenant.slug() + "/api/v1/members", staff, null).body())
            .doesNotContain("invited-" + SUFFIX);
        // Someone new: the portal and the console say sign-in is unavailable, in their colours.
        try (Chromium browser = Chromium.open("en")) {
          browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/");
          WebElement notice = browser.visible(By.id("sign-in-unavailable"));
          assertThat(notice.getText())
              .contains("Sign-in is unavailable right now")
              .contains("try again in a minute")
              .contains(BRAND);
          assertThat(browser.script("return getComputedStyle(arguments[0]).borderTopColor", notice))
              .as("the tenant's primary colour")
              .isEqualTo("rgb(194, 24, 91)");
          browser.screenshot("sign-in-unavailable-portal");
          browser.go(platform.baseUrl() + "/admin/");
          assertThat(browser.visible(By.id("sign-in-unavailable")).getText())
              .contains("Sign-in is unavailable right now")
              // the console's own name, in its default language
              .contains("Proxima テナントコンソール");
          browser.screenshot("sign-in-unavailable-console");
        }
        System.out.printf(
            "IdentityOutageIT: old tokens, sockets and readiness checked %d s into the outage%n",
            Duration.between(stopped, Instant.now()).toSeconds());
      } finally {
        Instant restarting = Instant.now();
        platform.stack.keycloak().start(Duration.ofMinutes(3));
        System.out.printf(
            "IdentityOutageIT: Keycloak down %d s, restart took %d s%n",
            Duration.between(stopped, Instant.now()).toSeconds(),
            Duration.between(restarting, Instant.now()).toSeconds());
      }
    }

    // Back: a fresh sign-in works, the operators see UP, and what failed goes through now.
    String fresh = platform.token("proxima-portal", "demo", "demo");
    assertThat(platform.send("GET", "/api/v1/me", fresh, null).statusCode()).isEqualTo(200);
    assertThat(
            json(platform.send("GET", "/api/v1/platform/health", operator, null).body())
                .getString("status"))
        .isEqualTo("UP");
    HttpResponse<String> invitedNow = invite(staffToken(), "invited-" + SUFFIX + "@example.jp");
    assertThat(invitedNow.statusCode()).as(invitedNow.body()).isEqualTo(201);
    platform.provisionTenant("during-" + SUFFIX, "{\"displayName\":\"During\"}");
  }

  @Test
  @Order(2)
  void aSigningKeyKeycloakRotatesInIsTakenUpWithinTheRefreshInterval() throws Exception {
    String before = platform.token("proxima-portal", "demo", "demo");
    String provider = platform.keycloakAdmin.addSigningKey("rotated-" + SUFFIX, 500);
    try {
      Instant rotated = Instant.now();
      String after = platform.token("proxima-portal", "demo", "demo");
      assertThat(keyId(after)).as("the new key signs new tokens").isNotEqualTo(keyId(before));
      int status = 0;
      int refused = 0;
      Instant deadline = rotated.plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        status = platform.send("GET", "/api/v1/me", after, null).statusCode();
        if (status == 200) {
          break;
        }
        assertThat(status).as("refused only until the key arrives").isEqualTo(401);
        refused++;
        Thread.sleep(250);
      }
      assertThat(status).as("a token signed with the rotated-in key").isEqualTo(200);
      System.out.printf(
          "IdentityOutageIT: a rotated-in key verified tokens after %d ms (%d refusals before)%n",
          Duration.between(rotated, Instant.now()).toMillis(), refused);
      assertThat(platform.send("GET", "/api/v1/me", before, null).statusCode())
          .as("tokens signed with the older key still pass")
          .isEqualTo(200);
    } finally {
      platform.keycloakAdmin.removeKeyProvider(provider);
    }
  }

  private static HttpResponse<String> invite(String staff, String email) {
    return platform.send(
        "POST",
        "/t/" + tenant.slug() + "/api/v1/members",
        staff,
        """
        {"email":"%s","firstName":"Rin","lastName":"Sato","role":"recruiter"}
        """
            .formatted(email));
  }

  private static void assertUnavailable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).as("when to retry").isPresent();
    JsonObject problem = json(response.body());
    assertThat(problem.getInt("status")).isEqualTo(503);
    assertThat(problem.getString("detail")).contains("identity provider");
  }

  private static JsonObject check(JsonObject view, String name) {
    return view.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> name.equals(check.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + view));
  }

  private static String storedSigningKeys() throws java.sql.SQLException {
    try (java.sql.Connection connection =
            platform.stack.postgres().superuserDataSource("proxima").getConnection();
        java.sql.PreparedStatement select =
            connection.prepareStatement(
                "SELECT jwks FROM identity_signing_keys WHERE issuer = ?")) {
      select.setString(1, platform.stack.keycloak().issuer());
      try (java.sql.ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : "";
      }
    }
  }

  private static String keyId(String token) {
    String header =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            java.nio.charset.StandardCharsets.UTF_8);
    return json(header).getString("kid");
  }
}
