package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs through the REST API on the running platform: drafting, publishing under the plan, the
 * freelancer's search in Japanese and English with filters, facets and cursor pages, templates, and
 * the tenant's candidate search that follows consent.
 */
class JobsIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  // A word no other test writes, so searches here see only this test's jobs.
  private static final String MARK = "zq" + SUFFIX.replaceAll("[^a-z]", "x");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String freelancerToken;

  @BeforeAll
  static void anAgencyAndAFreelancer() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("jobs-" + SUFFIX, "{\"displayName\":\"求人 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    String username = "seeker-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Ren", "pw-" + SUFFIX);
    freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static String staffPath(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String details(
      String title, String description, String workStyle, int rateMax, String skills) {
    return """
        {"title":"%s","description":"%s","requiredSkills":[%s],
         "preferredSkills":[{"skill":"AWS"}],"rateMinYen":600000,"rateMaxYen":%d,
         "rateTaxIncluded":false,"settlementMinHours":140,"settlementMaxHours":180,
         "daysMin":3,"daysMax":5,"workStyle":"%s","location":"東京都港区",
         "startDate":"2027-01-01","durationMonths":6,"contractType":"QUASI_MANDATE",
         "trialAvailable":true,"paymentTermsDays":30,"culture":"STARTUP"}
        """
        .formatted(title, description, skills, rateMax, workStyle);
  }

  private static JsonObject openJob(String details) {
    HttpResponse<String> drafted = platform.send("POST", staffPath("/jobs"), staffToken, details);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send(
            "POST", staffPath("/jobs/" + id + "/publish"), staffToken, "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return json(published.body());
  }

  private static JsonObject searchPostings(String query) {
    HttpResponse<String> found =
        platform.send("GET", "/api/v1/postings?" + query, freelancerToken, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return json(found.body());
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> titles(JsonObject result) {
    List<String> titles = new ArrayList<>();
    for (JsonValue job : result.getJsonArray("jobs")) {
      titles.add(job.asJsonObject().getString("title"));
    }
    return titles;
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aDraftStaysHomeUntilPublishedAndAStaleVersionIsRefused() {
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            staffPath("/jobs"),
            staffToken,
            details("下書き " + MARK, "公開前の案件 " + MARK, "REMOTE", 800000, "{\"skill\":\"java\"}"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    JsonObject job = json(drafted.body());
    assertThat(job.getString("status")).isEqualTo("DRAFT");
    assertThat(job.getJsonObject("details").getJsonArray("requiredSkills").toString())
        .as("skills are named as the taxonomy names them")
        .contains("\"Java\"");
    String id = job.getString("id");

    assertProblem(platform.send("GET", "/api/v1/postings/" + id, freelancerToken, null), 404);
    assertThat(titles(searchPostings("q=" + MARK))).doesNotContain("下書き " + MARK);

    assertProblem(
        platform.send(
            "POST", staffPath("/jobs/" + id + "/publish"), staffToken, "{\"expectedVersion\":7}"),
        409);
    HttpResponse<String> published =
        platform.send(
            "POST", staffPath("/jobs/" + id + "/publish"), staffToken, "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    HttpResponse<String> posting =
        platform.send("GET", "/api/v1/postings/" + id, freelancerToken, null);
    assertThat(posting.statusCode()).as(posting.body()).isEqualTo(200);
    assertThat(json(posting.body()).getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(json(posting.body()).getJsonObject("details").get("workspaceId"))
        .isIn(null, JsonValue.NULL);

    HttpResponse<String> closed =
        platform.send(
            "POST", staffPath("/jobs/" + id + "/close"), staffToken, "{\"expectedVersion\":2}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertProblem(platform.send("GET", "/api/v1/postings/" + id, freelancerToken, null), 404);
    assertProblem(platform.send("DELETE", staffPath("/jobs/" + id), staffToken, null), 409);
  }

  @Test
  void freelancersFindJobsInJapaneseAndEnglishWithFiltersFacetsAndPages() {
    openJob(
        details(
            "決済基盤のリプレイス " + MARK,
            "Spring Boot で決済基盤を刷新します。" + MARK,
            "REMOTE",
            900000,
            "{\"skill\":\"Java\",\"years\":3},{\"skill\":\"Spring Boot\"}"));
    openJob(
        details(
            "物流システム開発 " + MARK,
            "倉庫管理の Go マイクロサービス。" + MARK,
            "ON_SITE",
            700000,
            "{\"skill\":\"Go\"}"));
    openJob(
        details(
            "React frontend " + MARK,
            "A React and TypeScript dashboard for 決済 operators. " + MARK,
            "HYBRID",
            750000,
            "{\"skill\":\"React\"},{\"skill\":\"TypeScript\"}"));

    assertThat(titles(searchPostings("q=" + q("決済基盤 " + MARK))))
        .containsExactly("決済基盤のリプレイス " + MARK);
    assertThat(titles(searchPostings("q=" + q("基盤決済 " + MARK))))
        .as("a Japanese phrase matches in its order only")
        .isEmpty();
    assertThat(titles(searchPostings("q=" + q("決済 " + MARK))))
        .containsExactlyInAnyOrder("決済基盤のリプレイス " + MARK, "React frontend " + MARK);
    assertThat(titles(searchPostings("q=" + q("ＳＰＲＩＮＧ boo")))).contains("決済基盤のリプレイス " + MARK);
    assertThat(titles(searchPostings("q=" + MARK + "&skill=golang")))
        .containsExactly("物流システム開発 " + MARK);
    assertThat(titles(searchPostings("q=" + MARK + "&workStyle=REMOTE,HYBRID&rateAtLeast=800000")))
        .containsExactly("決済基盤のリプレイス " + MARK);

    JsonObject all =
        searchPostings("q=" + MARK + "&tenant=" + tenant.slug() + "&limit=2&sort=RATE");
    assertThat(all.getInt("total")).isGreaterThanOrEqualTo(3);
    JsonArray workStyles = all.getJsonObject("facets").getJsonArray("workStyle");
    assertThat(workStyles.toString()).contains("\"REMOTE\"", "\"ON_SITE\"", "\"HYBRID\"");
    assertThat(all.getJsonObject("facets").getJsonArray("skill").toString()).contains("\"Java\"");
    List<String> seen = new ArrayList<>(titles(all));
    assertThat(seen).hasSize(2).startsWith("決済基盤のリプレイス " + MARK);
    String cursor = all.getString("nextCursor", null);
    while (cursor != null) {
      JsonObject next =
          searchPostings(
              "q=" + MARK + "&tenant=" + tenant.slug() + "&limit=2&sort=RATE&cursor=" + cursor);
      seen.addAll(titles(next));
      cursor = next.containsKey("nextCursor") ? next.getString("nextCursor") : null;
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(all.getInt("total"));
  }

  @Test
  void badSearchesAndBadJobsAreProblemsNotServerErrors() {
    assertProblem(
        platform.send("GET", "/api/v1/postings?workStyle=MOON", freelancerToken, null), 400);
    assertProblem(platform.send("GET", "/api/v1/postings?days=9", freelancerToken, null), 400);
    assertProblem(
        platform.send("GET", "/api/v1/postings?rateAtLeast=lots", freelancerToken, null), 400);
    assertProblem(
        platform.send("GET", "/api/v1/postings?startBy=tomorrow", freelancerToken, null), 400);
    assertProblem(
        platform.send("GET", "/api/v1/postings?cursor=bm9wZQ", freelancerToken, null), 400);
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("NEWEST\u001fnot-a-time\u001f" + UUID.randomUUID() + "\u001ffalse").getBytes());
    assertProblem(
        platform.send("GET", "/api/v1/postings?cursor=" + forged, freelancerToken, null), 400);
    assertProblem(
        platform.send(
            "POST",
            staffPath("/jobs"),
            staffToken,
            details("逆転 " + MARK, "x", "REMOTE", 100000, "").replace("600000", "900000")),
        400);
    assertProblem(
        platform.send(
            "POST",
            staffPath("/jobs"),
            staffToken,
            details("場所なし", "x", "ON_SITE", 800000, "").replace("\"東京都港区\"", "null")),
        400);
    assertProblem(platform.send("POST", staffPath("/jobs"), staffToken, "{\"title\":"), 400);
    assertProblem(
        platform.send(
            "POST", staffPath("/jobs"), freelancerToken, details("x", "x", "REMOTE", 800000, "")),
        404);
  }

  @Test
  void templatesStartJobsAndTheirNamesAreUnique() {
    String template =
        "{\"name\":\"Java 定番 "
            + MARK
            + "\",\"details\":"
            + details("Java 案件 " + MARK, "定番 " + MARK, "REMOTE", 800000, "{\"skill\":\"Java\"}")
            + "}";
    HttpResponse<String> created =
        platform.send("POST", staffPath("/job-templates"), staffToken, template);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertProblem(platform.send("POST", staffPath("/job-templates"), staffToken, template), 409);
    String id = field(created.body(), "id");
    HttpResponse<String> drafted =
        platform.send("POST", staffPath("/job-templates/" + id + "/jobs"), staffToken, null);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    assertThat(json(drafted.body()).getJsonObject("details").getString("title"))
        .isEqualTo("Java 案件 " + MARK);
    assertThat(platform.send("GET", staffPath("/job-templates"), staffToken, null).body())
        .contains("Java 定番 " + MARK);
    assertThat(
            platform
                .send("DELETE", staffPath("/job-templates/" + id), staffToken, null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void candidateSearchFindsSharingFreelancersAndForgetsThemWhenTheyRevoke() {
    String profile =
        """
        {"name":"Kaito %s","title":"決済エンジニア","summary":"カード決済の開発 %s",
         "skills":[{"name":"Kotlin","category":"LANGUAGE","years":4}],
         "desired":{"monthlyRateMinYen":650000,"monthlyRateMaxYen":750000,"daysPerWeek":5,
                    "workStyle":"REMOTE","locations":["大阪府"]},
         "expectedVersion":0}
        """
            .formatted(SUFFIX, MARK);
    HttpResponse<String> saved =
        platform.send("PUT", "/api/v1/me/profile", freelancerToken, profile);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(
            platform
                .send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null)
                .statusCode())
        .isEqualTo(200);

    JsonObject found = candidates("q=" + q("カード決済 " + MARK) + "&skill=kotlin&rateBudget=700000");
    assertThat(found.getInt("total")).isEqualTo(1);
    JsonObject card = found.getJsonArray("candidates").getJsonObject(0);
    assertThat(card.getString("title")).isEqualTo("決済エンジニア");
    assertThat(card.getJsonArray("locations").toString()).contains("大阪府");
    assertThat(candidates("q=" + MARK + "&rateBudget=500000").getInt("total"))
        .as("a budget below the freelancer's minimum rate")
        .isZero();

    HttpResponse<String> available =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancerToken,
            """
            {"status":"AVAILABLE_FROM","availableFrom":"2027-02-01","daysPerWeek":3,
             "hoursPerDay":8,"workStyle":"HYBRID","rate":{"minManYen":80,"maxManYen":90}}
            """);
    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
    assertThat(candidates("q=" + MARK + "&availableBy=2027-01-15").getInt("total")).isZero();
    JsonObject live = candidates("q=" + MARK + "&availableBy=2027-02-01&workStyle=HYBRID");
    assertThat(live.getInt("total")).as("the live availability wins over the profile").isEqualTo(1);
    assertThat(live.getJsonArray("candidates").getJsonObject(0).getInt("rateMinYen"))
        .isEqualTo(800000);

    assertThat(
            platform
                .send("DELETE", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null)
                .statusCode())
        .isIn(200, 204);
    assertThat(candidates("q=" + MARK).getInt("total")).as("revoked consent").isZero();
    // Outside the tenant's staff, the tenant's paths do not exist.
    assertProblem(platform.send("GET", staffPath("/candidates"), freelancerToken, null), 404);
  }

  private static JsonObject candidates(String query) {
    HttpResponse<String> found =
        platform.send("GET", staffPath("/candidates?" + query), staffToken, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return json(found.body());
  }
}
