package io.proxima.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
      postDemoJobs();
    }
    String freelancer = stack.keycloak().accessToken("proxima-portal", "demo", "demo");
    HttpResponse<String> shared = send("PUT", "/api/v1/me/consents/" + TENANT, freelancer, null);
    if (shared.statusCode() != 200) {
      throw new IllegalStateException("demo consent not given: " + shared.body());
    }
  }

  /** What the demo agency has open when first seeded: something for every filter of the search. */
  private static final List<String> DEMO_JOBS =
      List.of(
          job(
              "決済基盤のリプレイス（Go / AWS）",
              "Go",
              "AWS",
              700000,
              900000,
              "REMOTE",
              null,
              null,
              "QUASI_MANDATE",
              30,
              "STARTUP"),
          job(
              "Kubernetes による配信基盤の構築",
              "Kubernetes",
              "Go",
              800000,
              1000000,
              "HYBRID",
              "東京都渋谷区",
              "渋谷",
              "QUASI_MANDATE",
              40,
              "SCALEUP"),
          job(
              "TypeScript / React の業務画面開発",
              "TypeScript",
              "PostgreSQL",
              600000,
              750000,
              "HYBRID",
              "東京都港区",
              "田町",
              "CONTRACT_FOR_WORK",
              30,
              "ENTERPRISE"),
          job(
              "Java による基幹システム保守",
              "Java",
              "PostgreSQL",
              550000,
              650000,
              "ON_SITE",
              "大阪府大阪市北区",
              "梅田",
              "QUASI_MANDATE",
              60,
              "SIER"));

  private static String job(
      String title,
      String required,
      String preferred,
      int rateMin,
      int rateMax,
      String workStyle,
      String location,
      String station,
      String contractType,
      int paymentTermsDays,
      String culture) {
    return """
        {"title":"%s","description":"%s。週3〜5日、精算幅140〜180時間の案件です。",
         "requiredSkills":[{"skill":"%s","years":3}],"preferredSkills":[{"skill":"%s"}],
         "rateMinYen":%d,"rateMaxYen":%d,"rateTaxIncluded":false,
         "settlementMinHours":140,"settlementMaxHours":180,"daysMin":3,"daysMax":5,
         "workStyle":"%s","location":%s,"station":%s,"startDate":null,"durationMonths":6,
         "contractType":"%s","trialAvailable":true,"paymentTermsDays":%d,"culture":"%s"}
        """
        .formatted(
            title,
            title,
            required,
            preferred,
            rateMin,
            rateMax,
            workStyle,
            location == null ? "null" : "\"" + location + "\"",
            station == null ? "null" : "\"" + station + "\"",
            contractType,
            paymentTermsDays,
            culture);
  }

  /**
   * Drafts and publishes the demo jobs as the agency's admin; a job that fails is only reported.
   */
  private void postDemoJobs() {
    String staff =
        stack.keycloak().accessToken("tenant-" + TENANT, TENANT_ADMIN, TENANT_ADMIN_PASSWORD);
    for (String details : DEMO_JOBS) {
      HttpResponse<String> drafted = send("POST", "/t/" + TENANT + "/api/v1/jobs", staff, details);
      if (drafted.statusCode() != 201) {
        System.err.println("demo job not drafted: " + drafted.body());
        continue;
      }
      String id = drafted.body().replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> published =
          send(
              "POST",
              "/t/" + TENANT + "/api/v1/jobs/" + id + "/publish",
              staff,
              "{\"expectedVersion\":1}");
      if (published.statusCode() != 200) {
        System.err.println("demo job not published: " + published.body());
      }
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
