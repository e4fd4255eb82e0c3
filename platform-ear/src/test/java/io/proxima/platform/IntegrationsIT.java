package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own systems plugged in: API keys with scopes on the tenant API (allowed, refused with
 * a 403 problem, another tenant's refused, revoked and rotated), and webhooks delivered to a local
 * receiver with a valid signature after an application moves; retries on 500 and on a receiver too
 * slow to answer, the automatic switch-off after failures in a row, redelivery, and receivers on
 * private addresses refused.
 */
class IntegrationsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant other;
  private static String staffToken;
  private static String jobId;
  private static WebhookReceiverStub receiver;

  @BeforeAll
  static void anAgencyWithAnOpenJobAndAReceiver() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("intg-" + SUFFIX, "{\"displayName\":\"連携 " + SUFFIX + "\"}");
    other = platform.provisionTenant("intg2-" + SUFFIX, "{\"displayName\":\"他社 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path(tenant, "/jobs"),
            staffToken,
            """
            {"title":"Go 連携 %s","description":"API 連携","requiredSkills":[{"skill":"Go"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":false}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    jobId = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send(
            "POST",
            path(tenant, "/jobs/" + jobId + "/publish"),
            staffToken,
            "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    receiver = WebhookReceiverStub.start();
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private static String path(RunningPlatform.ProvisionedTenant in, String path) {
    return "/t/" + in.slug() + "/api/v1" + path;
  }

  /** A call with an API key instead of a token. */
  static HttpResponse<String> withKey(String method, String path, String key, String json) {
    return withKey(platform, method, path, key, json);
  }

  static HttpResponse<String> withKey(
      RunningPlatform platform, String method, String path, String key, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("X-Api-Key", key);
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private static JsonObject object(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static JsonArray array(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static JsonObject createKey(String name, String scopesJson) {
    HttpResponse<String> created =
        platform.send(
            "POST",
            path(tenant, "/api-keys"),
            staffToken,
            "{\"name\":\"" + name + "\",\"scopes\":" + scopesJson + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return object(created.body());
  }

  private static <T> T await(String what, Supplier<T> probe, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String freelancerToken(String name) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static JsonObject applyAs(String token) {
    HttpResponse<String> applied =
        platform.send(
            "POST",
            "/api/v1/postings/" + jobId + "/applications",
            token,
            "{\"coverNote\":\"Go 6年\",\"proposedRateYen\":700000}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    return object(applied.body()).getJsonObject("application");
  }

  private static JsonArray auditOf(String actionPrefix) {
    HttpResponse<String> exported =
        platform.send(
            "GET",
            path(tenant, "/audit-events/export?format=json&action=" + actionPrefix),
            staffToken,
            null);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    return array(exported.body());
  }

  // ---- API keys --------------------------------------------------------------------------------

  @Test
  void aKeyReachesExactlyItsScopesInItsOwnTenantAndIsAudited() {
    JsonObject issued = createKey("読み取り専用", "[\"applications:read\",\"jobs:read\"]");
    String secret = issued.getString("secret");
    String keyId = issued.getJsonObject("key").getString("id");
    assertThat(secret).startsWith(issued.getJsonObject("key").getString("prefix") + "_");

    // The list shows the key by prefix, never its secret.
    HttpResponse<String> listed = platform.send("GET", path(tenant, "/api-keys"), staffToken, null);
    assertThat(listed.body()).contains(keyId).doesNotContain(secret);

    HttpResponse<String> applications = withKey("GET", path(tenant, "/applications"), secret, null);
    assertThat(applications.statusCode()).as(applications.body()).isEqualTo(200);
    HttpResponse<String> jobs = withKey("GET", path(tenant, "/jobs"), secret, null);
    assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
    assertThat(jobs.body()).contains(jobId);

    // Writing needs jobs:write; keys never reach the key settings or the members.
    HttpResponse<String> refused =
        withKey(
            "POST",
            path(tenant, "/jobs"),
            secret,
            "{\"title\":\"x\",\"description\":\"x\",\"requiredSkills\":[{\"skill\":\"Go\"}],"
                + "\"daysMin\":3,\"daysMax\":5,\"workStyle\":\"REMOTE\","
                + "\"contractType\":\"QUASI_MANDATE\",\"rateTaxIncluded\":false}");
    assertProblem(refused, 403);
    assertThat(refused.body()).contains("jobs:write");
    assertProblem(withKey("GET", path(tenant, "/api-keys"), secret, null), 403);
    assertProblem(withKey("GET", path(tenant, "/members"), secret, null), 403);
    // Outside a tenant (the caller's own pages) a key is nobody.
    assertProblem(withKey("GET", "/api/v1/me", secret, null), 401);

    // Another tenant's paths do not know the key at all.
    assertProblem(withKey("GET", path(other, "/applications"), secret, null), 401);
    // Nor does a made-up or mangled key work, and a token and a key together are refused.
    assertProblem(withKey("GET", path(tenant, "/applications"), secret + "x", null), 401);
    assertProblem(
        withKey(
            "GET",
            path(tenant, "/applications"),
            "prx_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            null),
        401);

    // The last use shows in the list.
    JsonObject shown =
        array(platform.send("GET", path(tenant, "/api-keys"), staffToken, null).body())
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(k -> k.getString("id").equals(keyId))
            .findFirst()
            .orElseThrow();
    assertThat(shown.containsKey("lastUsedAt") && !shown.isNull("lastUsedAt")).isTrue();

    JsonArray audited = auditOf("api-key");
    assertThat(audited.toString())
        .contains("api-key.created")
        .contains("api-key.use-denied")
        .contains("api-key:" + keyId)
        .doesNotContain(secret);
  }

  @Test
  void aRevokedKeyIsRefusedAndARotatedOneWorksWithItsNewSecret() {
    JsonObject issued = createKey("ローテーション", "[\"applications:read\"]");
    String first = issued.getString("secret");
    String keyId = issued.getJsonObject("key").getString("id");
    assertThat(withKey("GET", path(tenant, "/applications"), first, null).statusCode())
        .isEqualTo(200);

    // With an overlap both secrets work for a while.
    HttpResponse<String> rotated =
        platform.send(
            "POST",
            path(tenant, "/api-keys/" + keyId + "/rotate"),
            staffToken,
            "{\"overlapMinutes\":60}");
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String second = field(rotated.body(), "secret");
    assertThat(second).isNotEqualTo(first);
    assertThat(withKey("GET", path(tenant, "/applications"), first, null).statusCode())
        .isEqualTo(200);
    assertThat(withKey("GET", path(tenant, "/applications"), second, null).statusCode())
        .isEqualTo(200);

    // Without one, the old secret stops at once.
    String third =
        field(
            platform
                .send(
                    "POST",
                    path(tenant, "/api-keys/" + keyId + "/rotate"),
                    staffToken,
                    "{\"overlapMinutes\":0}")
                .body(),
            "secret");
    assertProblem(withKey("GET", path(tenant, "/applications"), second, null), 401);
    assertThat(withKey("GET", path(tenant, "/applications"), third, null).statusCode())
        .isEqualTo(200);

    HttpResponse<String> revoked =
        platform.send("POST", path(tenant, "/api-keys/" + keyId + "/revoke"), staffToken, null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertProblem(withKey("GET", path(tenant, "/applications"), third, null), 401);
    assertProblem(
        platform.send("POST", path(tenant, "/api-keys/" + keyId + "/revoke"), staffToken, null),
        409);
    assertThat(auditOf("api-key").toString())
        .contains("api-key.rotated")
        .contains("api-key.revoked")
        .contains("revoked key");
  }

  @Test
  void badKeyRequestsAreProblemsNotErrors() {
    assertProblem(
        platform.send(
            "POST",
            path(tenant, "/api-keys"),
            staffToken,
            "{\"name\":\"x\",\"scopes\":[\"root\"]}"),
        400);
    assertProblem(
        platform.send(
            "POST", path(tenant, "/api-keys"), staffToken, "{\"name\":\"x\",\"scopes\":[]}"),
        400);
    assertProblem(
        platform.send(
            "POST",
            path(tenant, "/api-keys/" + UUID.randomUUID() + "/rotate"),
            staffToken,
            "{\"overlapMinutes\":5000}"),
        400);
    // Another tenant's admin cannot see or touch this tenant's keys.
    JsonObject issued = createKey("他社から", "[\"jobs:read\"]");
    String otherToken =
        platform.token("tenant-" + other.slug(), other.adminEmail(), other.password());
    assertProblem(
        platform.send(
            "POST",
            path(other, "/api-keys/" + issued.getJsonObject("key").getString("id") + "/revoke"),
            otherToken,
            null),
        404);
  }

  // ---- webhooks --------------------------------------------------------------------------------

  private static JsonObject createWebhook(String url, String typesJson) {
    HttpResponse<String> created =
        platform.send(
            "POST",
            path(tenant, "/webhooks"),
            staffToken,
            "{\"url\":\"" + url + "\",\"eventTypes\":" + typesJson + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return object(created.body());
  }

  private static List<JsonObject> deliveries(String webhookId) {
    HttpResponse<String> log =
        platform.send(
            "GET", path(tenant, "/webhooks/" + webhookId + "/deliveries"), staffToken, null);
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    return array(log.body()).getValuesAs(JsonObject.class);
  }

  @Test
  void anApplicationMovedArrivesSignedAndShowsInTheLog() {
    JsonObject created =
        createWebhook(receiver.url("/moved"), "[\"application.created\",\"application.moved\"]");
    String secret = created.getString("secret");
    String webhookId = created.getJsonObject("webhook").getString("id");
    assertThat(storedSecret(webhookId))
        .as("the row as a dump shows it: no readable secret, a sealed one that does not contain it")
        .startsWith("readable: null sealed: ")
        .doesNotContain(secret)
        .doesNotContain(hex(secret));

    JsonObject application = applyAs(freelancerToken("hooked"));
    String applicationId = application.getString("id");
    HttpResponse<String> moved =
        platform.send(
            "POST",
            path(tenant, "/applications/" + applicationId + "/stage"),
            staffToken,
            "{\"to\":\"SCREENING\",\"expectedVersion\":1}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

    WebhookReceiverStub.Received arrived =
        await(
            "application.moved at the receiver",
            () ->
                receiver.at("/moved").stream()
                    .filter(r -> r.body().contains("\"application.moved\""))
                    .filter(r -> r.body().contains(applicationId))
                    .findFirst()
                    .orElse(null),
            Duration.ofSeconds(30));
    assertThat(WebhookReceiverStub.validSignature(arrived, secret)).isTrue();
    assertThat(WebhookReceiverStub.validSignature(arrived, "whsec_wrong")).isFalse();
    JsonObject payload = object(arrived.body());
    assertThat(payload.getString("type")).isEqualTo("application.moved");
    assertThat(payload.getJsonObject("tenant").getString("slug")).isEqualTo(tenant.slug());
    assertThat(payload.getJsonObject("data").getString("stage")).isEqualTo("SCREENING");
    assertThat(payload.getJsonObject("data").getString("from")).isEqualTo("APPLIED");
    assertThat(arrived.header("Proxima-Event-Id")).isEqualTo(payload.getString("id"));
    // Nothing the freelancer wrote leaves the platform.
    assertThat(arrived.body()).doesNotContain("Go 6年");
    assertThat(
            receiver.at("/moved").stream()
                .anyMatch(
                    r ->
                        r.body().contains("\"application.created\"")
                            && r.body().contains(applicationId)))
        .as("the application itself was announced too")
        .isTrue();

    JsonObject logged =
        await(
            "the delivery in the log",
            () ->
                deliveries(webhookId).stream()
                    .filter(d -> d.getString("eventType").equals("application.moved"))
                    .filter(d -> d.getString("status").equals("DELIVERED"))
                    .findFirst()
                    .orElse(null),
            Duration.ofSeconds(15));
    assertThat(logged.getInt("lastStatusCode")).isEqualTo(200);
    assertThat(logged.getJsonArray("attemptLog")).hasSize(1);
  }

  @Test
  void failuresAreRetriedWithBackoffAndTimeoutsCountAsFailures() {
    try (WebhookReceiverStub flaky = WebhookReceiverStub.start()) {
      retried(flaky);
    }
  }

  private static void retried(WebhookReceiverStub receiver) {
    JsonObject created = createWebhook(receiver.url("/flaky"), "[\"scout.answered\"]");
    String webhookId = created.getJsonObject("webhook").getString("id");
    receiver.then(500);
    receiver.thenSlow(Duration.ofSeconds(4));
    receiver.then(200);
    HttpResponse<String> tested =
        platform.send("POST", path(tenant, "/webhooks/" + webhookId + "/test"), staffToken, null);
    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(202);
    String deliveryId = field(tested.body(), "id");

    JsonObject delivered =
        await(
            "the third attempt to succeed",
            () ->
                deliveries(webhookId).stream()
                    .filter(d -> d.getString("id").equals(deliveryId))
                    .filter(d -> d.getString("status").equals("DELIVERED"))
                    .findFirst()
                    .orElse(null),
            Duration.ofSeconds(40));
    JsonArray attempts = delivered.getJsonArray("attemptLog");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.getJsonObject(0).getInt("statusCode")).isEqualTo(500);
    assertThat(
            !attempts.getJsonObject(1).containsKey("statusCode")
                || attempts.getJsonObject(1).isNull("statusCode"))
        .as("the slow answer counts as no answer")
        .isTrue();
    assertThat(attempts.getJsonObject(1).getString("error")).contains("no answer");
    assertThat(attempts.getJsonObject(2).getInt("statusCode")).isEqualTo(200);
    List<WebhookReceiverStub.Received> calls = receiver.at("/flaky");
    assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Duration.between(calls.get(0).at(), calls.get(2).at()))
        .as("the retries waited (1 s, then up to 2 s, plus the 2 s timeout)")
        .isGreaterThan(Duration.ofMillis(2_000));
  }

  @Test
  void anEndpointFailingInARowIsSwitchedOffAndADeliveryCanBeSentAgain() {
    WebhookReceiverStub failing = WebhookReceiverStub.start();
    try {
      failing.otherwise(503);
      JsonObject created = createWebhook(failing.url("/down"), "[\"application.moved\"]");
      String webhookId = created.getJsonObject("webhook").getString("id");
      String first =
          field(
              platform
                  .send("POST", path(tenant, "/webhooks/" + webhookId + "/test"), staffToken, null)
                  .body(),
              "id");
      await(
          "the first delivery to fail for good",
          () ->
              deliveries(webhookId).stream()
                  .filter(d -> d.getString("id").equals(first))
                  .filter(d -> d.getString("status").equals("FAILED"))
                  .findFirst()
                  .orElse(null),
          Duration.ofSeconds(30));
      platform.send("POST", path(tenant, "/webhooks/" + webhookId + "/test"), staffToken, null);
      JsonObject off =
          await(
              "the endpoint switched off after 5 failures in a row",
              () ->
                  array(platform.send("GET", path(tenant, "/webhooks"), staffToken, null).body())
                      .getValuesAs(JsonObject.class)
                      .stream()
                      .filter(w -> w.getString("id").equals(webhookId))
                      .filter(w -> !w.getBoolean("active"))
                      .findFirst()
                      .orElse(null),
              Duration.ofSeconds(30));
      assertThat(off.getString("disabledReason")).contains("switched off automatically");
      assertThat(auditOf("webhook.disabled").toString()).contains(webhookId);
      int calls = failing.received.size();
      assertThat(calls).isEqualTo(5);

      // Fixed on the receiver's side: switched on again and the failed delivery sent again.
      failing.otherwise(204);
      HttpResponse<String> on =
          platform.send(
              "PATCH", path(tenant, "/webhooks/" + webhookId), staffToken, "{\"active\":true}");
      assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
      HttpResponse<String> again =
          platform.send(
              "POST",
              path(tenant, "/webhooks/" + webhookId + "/deliveries/" + first + "/redeliver"),
              staffToken,
              null);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
      JsonObject redelivered =
          await(
              "the redelivery",
              () ->
                  deliveries(webhookId).stream()
                      .filter(d -> d.getString("id").equals(first))
                      .filter(d -> d.getString("status").equals("DELIVERED"))
                      .findFirst()
                      .orElse(null),
              Duration.ofSeconds(30));
      assertThat(redelivered.getInt("lastStatusCode")).isEqualTo(204);
      assertProblem(
          platform.send(
              "POST",
              path(
                  tenant,
                  "/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/redeliver"),
              staffToken,
              null),
          404);
    } finally {
      failing.close();
    }
  }

  @Test
  void receiversOnPrivateOrLocalAddressesAreRefused() {
    for (String url :
        List.of(
            "http://127.0.0.1:" + receiver.port() + "/x",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/hook",
            "http://192.168.0.10/hook",
            "http://[::1]/hook",
            "http://0.0.0.0/hook",
            "ftp://localhost/x",
            "http://user:pw@localhost/x")) {
      HttpResponse<String> refused =
          platform.send(
              "POST",
              path(tenant, "/webhooks"),
              staffToken,
              "{\"url\":\"" + url + "\",\"eventTypes\":[\"application.moved\"]}");
      assertProblem(refused, 400);
    }
    assertProblem(
        platform.send(
            "POST",
            path(tenant, "/webhooks"),
            staffToken,
            "{\"url\":\"" + receiver.url("/x") + "\",\"eventTypes\":[\"scout.received\"]}"),
        400);
    // Changing a saved endpoint to an internal address is refused the same way.
    String id =
        createWebhook(receiver.url("/ok"), "[\"invoice.paid\"]")
            .getJsonObject("webhook")
            .getString("id");
    assertProblem(
        platform.send(
            "PATCH",
            path(tenant, "/webhooks/" + id),
            staffToken,
            "{\"url\":\"http://169.254.169.254/\"}"),
        400);
    // An API key, whatever its scopes, cannot manage webhooks.
    String key = createKey("webhook 管理不可", "[\"applications:write\"]").getString("secret");
    assertProblem(withKey("GET", path(tenant, "/webhooks"), key, null), 403);
  }

  /** The endpoint's secret columns as the schema owner reads them, row-level security lifted. */
  private static String storedSecret(String webhookId) {
    try (java.sql.Connection owner =
        java.sql.DriverManager.getConnection(
            platform.stack.postgres().jdbcUrl(io.proxima.local.LocalPostgres.PLATFORM_DATABASE),
            "proxima_owner",
            platform.stack.secrets().ownerPassword())) {
      owner.setAutoCommit(false);
      try (java.sql.Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE webhook_endpoint NO FORCE ROW LEVEL SECURITY");
      }
      try (java.sql.PreparedStatement select =
          owner.prepareStatement(
              "SELECT 'readable: ' || coalesce(secret, 'null') || ' sealed: '"
                  + " || coalesce(encode(sealed_secret, 'hex'), 'null')"
                  + " FROM webhook_endpoint WHERE id = ?::uuid")) {
        select.setString(1, webhookId);
        try (java.sql.ResultSet row = select.executeQuery()) {
          assertThat(row.next()).as("the endpoint is stored").isTrue();
          return row.getString(1);
        }
      } finally {
        owner.rollback();
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(String text) {
    return java.util.HexFormat.of()
        .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
