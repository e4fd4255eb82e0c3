package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's monthly metrics on the running platform, read from the real tables across the
 * row-level security wall: one tenant's invoices in chosen months (a credit note netting one out),
 * an application and a contract drafted now, each counted in its Japan month, per tenant and across
 * all; bad parameters are 400 problems, never 500s; only platform admins read them. Also the front
 * end's public sign-in settings and its deep links.
 */
class ConsoleMetricsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String METRICS = "/api/v1/platform/metrics/monthly";

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant other;
  private static String staffToken;
  private static long otherOctober;
  private static YearMonth now;
  private static long augustTotal;
  private static long octoberNet;

  @BeforeAll
  static void aTenantWithInvoicesAnApplicationAndAContract() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant("metrics-" + SUFFIX, "{\"displayName\":\"実績 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    ok(
        platform.send(
            "PUT",
            portal("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\"T1180301018771\"}"));
    // A second tenant whose October the console must add to the first's, and keep apart from it.
    other =
        platform.provisionTenant("metrics2-" + SUFFIX, "{\"displayName\":\"他社 " + SUFFIX + "\"}");
    String otherToken =
        platform.token("tenant-" + other.slug(), other.adminEmail(), other.password());
    String otherPortal = "/t/" + other.slug() + "/api/v1";
    ok(
        platform.send(
            "PUT",
            otherPortal + "/invoice-issuer",
            otherToken,
            "{\"name\":\"株式会社他社\",\"registrationNumber\":\"T1180301018771\"}"));
    otherOctober =
        totalOf(
            object(
                created(
                        platform.send(
                            "POST",
                            otherPortal + "/invoices",
                            otherToken,
                            invoiceBody("2026-10-05", 30_000)))
                    .body()));

    augustTotal = totalOf(issue("2026-08-03", 20_000));
    JsonObject cancelled = issue("2026-10-15", 100_000);
    long kept = totalOf(issue("2026-10-20", 50_000));
    HttpResponse<String> credit =
        platform.send(
            "POST",
            portal("/invoices/" + cancelled.getString("id") + "/credit-note"),
            staffToken,
            "{\"issueDate\":\"2026-10-31\"}");
    assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);
    assertThat(totalOf(object(credit.body()))).isEqualTo(-totalOf(cancelled));
    octoberNet = kept;

    // Counted in the month they happen, Japan time.
    now = YearMonth.now(ZoneId.of("Asia/Tokyo"));
    String jobId =
        field(
            created(
                    platform.send(
                        "POST",
                        portal("/jobs"),
                        staffToken,
                        """
                    {"title":"集計 %s","description":"基盤開発","requiredSkills":[{"skill":"Go"}],
                     "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
                     "rateTaxIncluded":false,"trialAvailable":true}
                    """
                            .formatted(SUFFIX)))
                .body(),
            "id");
    ok(
        platform.send(
            "POST", portal("/jobs/" + jobId + "/publish"), staffToken, "{\"expectedVersion\":1}"));
    String username = "metrics-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "集計", "pw-" + SUFFIX);
    String freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null));
    String freelancerId =
        field(ok(platform.send("GET", "/api/v1/me", freelancerToken, null)).body(), "subject");
    created(
        platform.send(
            "POST", "/api/v1/postings/" + jobId + "/applications", freelancerToken, "{}"));
    created(
        platform.send(
            "POST",
            portal("/contracts"),
            staffToken,
            """
            {"freelancerId":"%s","kind":"TRIAL","terms":
             {"title":"集計基盤","description":"Go による集計 API","clientName":"株式会社サンプル",
              "freelancerName":"集計 太郎","contractType":"QUASI_MANDATE","monthlyRateYen":600000,
              "minHours":140,"maxHours":180,"settlementMethod":"UPPER_LOWER","unitRounding":10,
              "taxRate":"STANDARD","paymentDays":30,"startDate":"2026-12-01",
              "endDate":"2026-12-31","renewalMonths":0}}
            """
                .formatted(freelancerId)));
  }

  @Test
  void aTenantsMonthsAreExactEmptyMonthsIncluded() {
    JsonObject metrics =
        object(ok(console(METRICS + "?from=2026-08&to=2026-10&tenantId=" + tenant.id())).body());
    assertThat(metrics.getString("from")).isEqualTo("2026-08");
    assertThat(metrics.getString("to")).isEqualTo("2026-10");
    assertThat(metrics.getString("tenantId")).isEqualTo(tenant.id());
    List<JsonObject> months = objects(metrics, "months");
    assertThat(months)
        .extracting(m -> m.getString("month"))
        .containsExactly("2026-08", "2026-09", "2026-10");
    assertThat(months)
        .extracting(m -> m.getJsonNumber("invoicedYen").longValue())
        .containsExactly(augustTotal, 0L, octoberNet);
    assertThat(octoberNet).isEqualTo(55_000);
    List<JsonObject> tenants = objects(metrics, "tenants");
    assertThat(tenants).hasSize(1);
    assertThat(tenants.get(0).getString("slug")).isEqualTo(tenant.slug());
    assertThat(tenants.get(0).getJsonNumber("invoicedYen").longValue())
        .isEqualTo(augustTotal + octoberNet);
  }

  @Test
  void oneTenantsFiguresLeaveTheOthersOut() {
    JsonObject metrics =
        object(ok(console(METRICS + "?from=2026-10&to=2026-10&tenantId=" + other.id())).body());
    assertThat(objects(metrics, "months").get(0).getJsonNumber("invoicedYen").longValue())
        .isEqualTo(otherOctober);
    assertThat(objects(metrics, "tenants"))
        .extracting(t -> t.getString("slug"))
        .containsExactly(other.slug());
  }

  @Test
  void todaysApplicationAndContractCountInThisMonth() {
    JsonObject month =
        objects(
                object(
                    ok(console(
                            METRICS + "?from=" + now + "&to=" + now + "&tenantId=" + tenant.id()))
                        .body()),
                "months")
            .get(0);
    assertThat(month.getString("month")).isEqualTo(now.toString());
    assertThat(month.getInt("applications")).isEqualTo(1);
    assertThat(month.getInt("acceptedScouts")).isZero();
    assertThat(month.getInt("matches")).isEqualTo(1);
    assertThat(month.getInt("contracts")).isEqualTo(1);
  }

  @Test
  void acrossTenantsEveryTenantIsCountedAndTheSumsAgree() {
    JsonObject all = object(ok(console(METRICS + "?from=2026-08&to=" + now)).body());
    assertThat(all.containsKey("tenantId")).as("absent, like every null field").isFalse();
    List<JsonObject> tenants = objects(all, "tenants");
    JsonObject ours =
        tenants.stream()
            .filter(t -> t.getString("slug").equals(tenant.slug()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + tenant.slug() + " in " + tenants));
    assertThat(ours.getJsonNumber("invoicedYen").longValue()).isEqualTo(augustTotal + octoberNet);
    assertThat(ours.getInt("contracts")).isEqualTo(1);
    assertThat(ours.getInt("matches")).isEqualTo(1);
    // Another tenant's rows are visible too: the platform scope reaches past row-level security.
    JsonObject theirs =
        tenants.stream()
            .filter(t -> t.getString("slug").equals(other.slug()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + other.slug() + " in " + tenants));
    assertThat(theirs.getJsonNumber("invoicedYen").longValue()).isEqualTo(otherOctober);
    assertThat(theirs.getInt("matches")).isZero();
    // Largest invoiced first.
    assertThat(tenants)
        .extracting(t -> t.getJsonNumber("invoicedYen").longValue())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    for (String figure : List.of("matches", "applications", "contracts", "invoicedYen")) {
      long byMonth =
          objects(all, "months").stream().mapToLong(m -> m.getJsonNumber(figure).longValue()).sum();
      long byTenant = tenants.stream().mapToLong(t -> t.getJsonNumber(figure).longValue()).sum();
      assertThat(byMonth).as(figure).isEqualTo(byTenant);
    }
  }

  @Test
  void withoutARangeTheLastTwelveMonthsUpToNow() {
    List<JsonObject> months = objects(object(ok(console(METRICS)).body()), "months");
    assertThat(months).hasSize(12);
    assertThat(months.get(11).getString("month")).isEqualTo(now.toString());
    assertThat(months.get(0).getString("month")).isEqualTo(now.minusMonths(11).toString());
  }

  @Test
  void badParametersAreProblemsNeverServerErrors() {
    for (String query :
        List.of(
            "?from=2026-13",
            "?from=yesterday",
            "?to=2026-1",
            "?from=%2B12026-01",
            "?from=2026-05&to=2026-04",
            "?from=2000-01&to=2026-01",
            "?tenantId=nope",
            "?tenantId=%27%3B--",
            "?from=2026-01-01")) {
      HttpResponse<String> response = console(METRICS + query);
      assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(query)
          .hasValue("application/problem+json");
    }
    HttpResponse<String> unknown = console(METRICS + "?tenantId=" + UUID.randomUUID());
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
  }

  @Test
  void onlyPlatformAdminsReadThem() {
    assertThat(platform.send("GET", METRICS, staffToken, null).statusCode())
        .as("a tenant's admin is not a platform admin")
        .isIn(401, 403);
    assertThat(platform.send("GET", METRICS, null, null).statusCode()).isIn(401, 403);
  }

  @Test
  void theFrontEndSignsInWithTheConsoleClientAndDeepLinksLoadIt() throws Exception {
    HttpResponse<String> signIn = platform.send("GET", "/admin/sign-in.json", null, null);
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(field(signIn.body(), "issuer")).endsWith("/realms/proxima");
    assertThat(field(signIn.body(), "clientId")).isEqualTo("proxima-console");

    HttpResponse<String> page = browse("/admin/tenants/" + tenant.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("tenant console").contains("/admin/assets/");
    assertThat(browse("/api/v1/platform/nothing-here").statusCode()).isEqualTo(404);
    // The console API's address before it joined the portal's application is no page either.
    assertThat(browse("/admin/api/v1/nothing-here").statusCode()).isEqualTo(404);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static JsonObject issue(String date, long unitPrice) {
    return object(
        created(
                platform.send(
                    "POST", portal("/invoices"), staffToken, invoiceBody(date, unitPrice)))
            .body());
  }

  private static String invoiceBody(String date, long unitPrice) {
    return """
        {"recipientName":"株式会社集計","issueDate":"%s","lines":[{"description":"開発支援",
         "quantity":"1","unit":"式","unitPriceYen":%d,"taxRate":"STANDARD"}]}
        """
        .formatted(date, unitPrice);
  }

  private static long totalOf(JsonObject invoice) {
    return invoice.getJsonNumber("totalYen").longValue();
  }

  private static String portal(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static HttpResponse<String> console(String pathAndQuery) {
    return platform.send("GET", pathAndQuery, platform.consoleToken(), null);
  }

  /** As a browser asks for a page, not as the API client does. */
  private static HttpResponse<String> browse(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    return response;
  }

  private static HttpResponse<String> created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }

  private static JsonObject object(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static List<JsonObject> objects(JsonObject parent, String name) {
    List<JsonObject> list = new ArrayList<>();
    for (JsonValue value : parent.getJsonArray(name)) {
      list.add(value.asJsonObject());
    }
    return list;
  }
}
