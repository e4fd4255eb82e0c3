package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scouts through the REST API on the running platform: delivered live into the conversation,
 * answered once by the freelancer, and counted exactly against the plan's monthly allowance even
 * when many are sent at the same moment.
 */
class ScoutsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final int FREE_PLAN_SCOUTS = 20;

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String freelancerToken;
  private static String freelancerId;
  private static String jobId;

  @BeforeAll
  static void anAgencyAndASharingFreelancer() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant("scout-" + SUFFIX, "{\"displayName\":\"スカウト " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    String[] freelancer = sharingFreelancer(tenant, "scouted");
    freelancerToken = freelancer[0];
    freelancerId = freelancer[1];
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            staffPath(tenant, "/jobs"),
            staffToken,
            """
            {"title":"Go API 開発 %s","description":"決済 API","requiredSkills":[{"skill":"Go"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":false}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    jobId = field(drafted.body(), "id");
    assertOk(
        platform.send(
            "POST",
            staffPath(tenant, "/jobs/" + jobId + "/publish"),
            staffToken,
            "{\"expectedVersion\":1}"));
  }

  private static String[] sharingFreelancer(RunningPlatform.ProvisionedTenant with, String name) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    assertOk(platform.send("PUT", "/api/v1/me/consents/" + with.slug(), token, null));
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    assertOk(me);
    return new String[] {token, field(me.body(), "subject")};
  }

  private static String staffPath(RunningPlatform.ProvisionedTenant t, String path) {
    return "/t/" + t.slug() + "/api/v1" + path;
  }

  private static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
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

  private static HttpResponse<String> scout(
      RunningPlatform.ProvisionedTenant t, String token, String to, String job, String message) {
    String body =
        job == null
            ? "{\"freelancerId\":\"%s\",\"message\":\"%s\"}".formatted(to, message)
            : "{\"freelancerId\":\"%s\",\"jobId\":\"%s\",\"message\":\"%s\"}"
                .formatted(to, job, message);
    return platform.send("POST", staffPath(t, "/scouts"), token, body);
  }

  @Test
  void aScoutArrivesLiveInTheConversationAndIsAnsweredOnce() {
    try (LiveClient phone =
        LiveClient.open(platform.baseUrl(), "/ws/chat?device=phone", freelancerToken, null)) {
      phone.next("hello");
      HttpResponse<String> sent =
          scout(tenant, staffToken, freelancerId, jobId, "Go のご経験を拝見しました。ぜひ一度お話を");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      JsonObject scout = object(sent.body());
      assertThat(scout.getString("status")).isEqualTo("SENT");
      String scoutId = scout.getString("id");

      assertThat(phone.next("message")).contains("ぜひ一度お話を").contains("scout-" + scoutId);
      assertThat(
              platform
                  .send(
                      "GET",
                      "/api/v1/me/conversations/" + tenant.slug() + "/messages?limit=5",
                      freelancerToken,
                      null)
                  .body())
          .as("durable in the conversation")
          .contains("ぜひ一度お話を");

      JsonObject received =
          array(platform.send("GET", "/api/v1/me/scouts", freelancerToken, null).body())
              .getJsonObject(0);
      assertThat(received.getString("id")).isEqualTo(scoutId);
      assertThat(received.getString("tenantSlug")).isEqualTo(tenant.slug());
      assertThat(received.getString("jobId")).isEqualTo(jobId);

      HttpResponse<String> accepted =
          platform.send(
              "POST",
              "/api/v1/me/scouts/" + scoutId + "/accept",
              freelancerToken,
              "{\"answer\":\"ぜひお願いします\"}");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      assertThat(object(accepted.body()).getString("status")).isEqualTo("ACCEPTED");
      assertProblem(
          platform.send("POST", "/api/v1/me/scouts/" + scoutId + "/decline", freelancerToken, "{}"),
          409);

      JsonArray mine =
          array(
              platform
                  .send("GET", staffPath(tenant, "/scouts?jobId=" + jobId), staffToken, null)
                  .body());
      assertThat(mine).hasSize(1);
      assertThat(mine.getJsonObject(0).getString("status")).isEqualTo("ACCEPTED");
      assertThat(mine.getJsonObject(0).getString("answer")).isEqualTo("ぜひお願いします");

      // The same job twice is refused and spends nothing.
      int used = allowance(tenant, staffToken).getInt("used");
      assertProblem(scout(tenant, staffToken, freelancerId, jobId, "もう一度"), 409);
      assertThat(allowance(tenant, staffToken).getInt("used")).isEqualTo(used);
    }
  }

  @Test
  void badScoutsAreProblemsAndSpendNothing() {
    int used = allowance(tenant, staffToken).getInt("used");
    assertProblem(scout(tenant, staffToken, freelancerId, null, " "), 400);
    assertProblem(scout(tenant, staffToken, "not-a-sharing-freelancer", null, "こんにちは"), 404);
    assertProblem(scout(tenant, staffToken, freelancerId, UUID.randomUUID().toString(), "案件"), 404);
    assertProblem(
        platform.send("GET", staffPath(tenant, "/scouts?jobId=x"), staffToken, null), 400);
    assertProblem(platform.send("POST", staffPath(tenant, "/scouts"), staffToken, "{"), 400);
    assertProblem(
        platform.send(
            "POST", "/api/v1/me/scouts/" + UUID.randomUUID() + "/accept", freelancerToken, "{}"),
        404);
    // A freelancer cannot scout, not even inside a portal they share with.
    assertThat(
            platform
                .send(
                    "POST",
                    staffPath(tenant, "/scouts"),
                    freelancerToken,
                    "{\"freelancerId\":\"" + freelancerId + "\",\"message\":\"hi\"}")
                .statusCode())
        .isIn(403, 404);
    assertThat(allowance(tenant, staffToken).getInt("used")).isEqualTo(used);
  }

  @Test
  void parallelSendsNeverPassTheMonthlyAllowance() throws Exception {
    RunningPlatform.ProvisionedTenant small =
        platform.provisionTenant("quota-" + SUFFIX, "{\"displayName\":\"枠 " + SUFFIX + "\"}");
    assertOk(
        platform.send(
            "PUT",
            "/api/v1/platform/tenants/" + small.id() + "/plan",
            platform.consoleToken(),
            "{\"plan\":\"free\"}"));
    String token = platform.token("tenant-" + small.slug(), small.adminEmail(), small.password());
    String[] freelancer = sharingFreelancer(small, "popular");
    int attempts = FREE_PLAN_SCOUTS + 12;

    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> sends = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        int n = i;
        sends.add(
            pool.submit(
                () -> {
                  start.await();
                  return scout(small, token, freelancer[1], null, "同時スカウト " + n);
                }));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      for (Future<HttpResponse<String>> send : sends) {
        HttpResponse<String> response = send.get();
        if (response.statusCode() == 201) {
          created++;
        } else {
          assertProblem(response, 403);
          assertThat(response.body()).contains("quota-exceeded").contains("renews on");
          refused++;
        }
      }
      assertThat(created).isEqualTo(FREE_PLAN_SCOUTS);
      assertThat(refused).isEqualTo(attempts - FREE_PLAN_SCOUTS);
    } finally {
      pool.shutdownNow();
    }

    JsonObject allowance = allowance(small, token);
    assertThat(allowance.getInt("limit")).isEqualTo(FREE_PLAN_SCOUTS);
    assertThat(allowance.getInt("used")).isEqualTo(FREE_PLAN_SCOUTS);
    assertThat(allowance.getInt("remaining")).isZero();
    assertThat(
            array(platform.send("GET", staffPath(small, "/scouts?limit=100"), token, null).body()))
        .hasSize(FREE_PLAN_SCOUTS);
    String history =
        platform
            .send(
                "GET",
                "/api/v1/me/conversations/" + small.slug() + "/messages?limit=100",
                freelancer[0],
                null)
            .body();
    assertThat(history.split("同時スカウト", -1))
        .as("a refused scout leaves no message behind")
        .hasSize(FREE_PLAN_SCOUTS + 1);
  }

  private static JsonObject allowance(RunningPlatform.ProvisionedTenant t, String token) {
    HttpResponse<String> allowance =
        platform.send("GET", staffPath(t, "/scouts/allowance"), token, null);
    assertThat(allowance.statusCode()).as(allowance.body()).isEqualTo(200);
    return object(allowance.body());
  }
}
