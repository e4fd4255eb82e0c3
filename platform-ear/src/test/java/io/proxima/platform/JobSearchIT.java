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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The freelancer's job search of issue 21 on the running platform: skill aliases in the text, the
 * place and contract filters, checkbox facets that count without their own filter, saved searches
 * whose alerts follow a high-water mark (one alert per batch, none repeated), favourites and
 * similar jobs, each private to its owner.
 */
class JobSearchIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  // A word no other test writes, so searches here see only this test's jobs.
  private static final String MARK = "zs" + SUFFIX.replaceAll("[^a-z]", "y");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static RunningPlatform.ProvisionedTenant other;
  private static String staffToken;
  private static String otherStaffToken;
  private static String freelancerToken;
  private static String strangerToken;

  @BeforeAll
  static void twoAgenciesAndTwoFreelancers() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("srch-" + SUFFIX, "{\"displayName\":\"検索 " + SUFFIX + "\"}");
    other = platform.provisionTenant("srch2-" + SUFFIX, "{\"displayName\":\"別社 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    otherStaffToken =
        platform.token("tenant-" + other.slug(), other.adminEmail(), other.password());
    freelancerToken = freelancer("finder-" + SUFFIX);
    strangerToken = freelancer("other-" + SUFFIX);
  }

  private static String freelancer(String username) {
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Kei", "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static JsonArray jsonArray(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String job(
      String title,
      String skills,
      String workStyle,
      String location,
      String prefecture,
      String station,
      int rateMax,
      String contractType) {
    return """
        {"title":"%s","description":"%s の案件です","requiredSkills":[%s],"preferredSkills":[],
         "rateMinYen":600000,"rateMaxYen":%d,"rateTaxIncluded":false,
         "settlementMinHours":140,"settlementMaxHours":180,"daysMin":3,"daysMax":5,
         "workStyle":"%s","location":%s,"prefecture":%s,"station":%s,
         "startDate":"2027-01-01","durationMonths":6,"contractType":"%s",
         "trialAvailable":false,"paymentTermsDays":30,"culture":"STARTUP"}
        """
        .formatted(
            title,
            title,
            skills,
            rateMax,
            workStyle,
            location == null ? "null" : "\"" + location + "\"",
            prefecture == null ? "null" : "\"" + prefecture + "\"",
            station == null ? "null" : "\"" + station + "\"",
            contractType);
  }

  private static String publish(String token, String slug, String details) {
    HttpResponse<String> drafted =
        platform.send("POST", "/t/" + slug + "/api/v1/jobs", token, details);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send(
            "POST",
            "/t/" + slug + "/api/v1/jobs/" + id + "/publish",
            token,
            "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return id;
  }

  private static String publish(String details) {
    return publish(staffToken, tenant.slug(), details);
  }

  private static JsonObject search(String token, String query) {
    HttpResponse<String> found = platform.send("GET", "/api/v1/postings?" + query, token, null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return json(found.body());
  }

  private static List<String> titles(JsonObject result) {
    List<String> titles = new ArrayList<>();
    for (JsonValue job : result.getJsonArray("jobs")) {
      titles.add(job.asJsonObject().getString("title"));
    }
    return titles;
  }

  private static long facet(JsonObject result, String facet, String value) {
    for (JsonValue count : result.getJsonObject("facets").getJsonArray(facet)) {
      if (count.asJsonObject().getString("value").equals(value)) {
        return count.asJsonObject().getJsonNumber("count").longValue();
      }
    }
    return 0;
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    if (field != null) {
      assertThat(response.body()).contains(field);
    }
  }

  @Test
  void aliasesPlaceAndContractFiltersAndCheckboxFacets() {
    String flt = MARK + "flt";
    String go =
        publish(
            job(
                "Go API " + flt,
                "{\"skill\":\"Go\"}",
                "REMOTE",
                null,
                null,
                null,
                900000,
                "QUASI_MANDATE"));
    publish(
        job(
            "k8s 基盤 " + flt,
            "{\"skill\":\"Kubernetes\"},{\"skill\":\"Go\"}",
            "HYBRID",
            "東京都渋谷区",
            null,
            "渋谷駅",
            800000,
            "QUASI_MANDATE"));
    publish(
        job(
            "大阪 常駐 " + flt,
            "{\"skill\":\"Java\"}",
            "ON_SITE",
            "大阪市北区",
            "大阪府",
            "梅田",
            700000,
            "DISPATCH"));

    assertThat(titles(search(freelancerToken, "q=" + q("golang " + flt))))
        .as("golang finds the jobs asking for Go")
        .containsExactlyInAnyOrder("Go API " + flt, "k8s 基盤 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + q("k8s " + flt))))
        .containsExactly("k8s 基盤 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + flt + "&prefecture=" + q("東京"))))
        .as("the prefecture is read from the location when not given")
        .containsExactly("k8s 基盤 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + flt + "&station=" + q("渋谷駅"))))
        .containsExactly("k8s 基盤 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + flt + "&prefecture=" + q("大阪府"))))
        .containsExactly("大阪 常駐 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + flt + "&contractType=DISPATCH")))
        .containsExactly("大阪 常駐 " + flt);
    assertThat(titles(search(freelancerToken, "q=" + flt + "&rateAtLeast=850000")))
        .containsExactly("Go API " + flt);

    JsonObject remote = search(freelancerToken, "q=" + flt + "&workStyle=REMOTE");
    assertThat(titles(remote)).containsExactly("Go API " + flt);
    assertThat(remote.getJsonNumber("total").longValue()).isEqualTo(1);
    // Ticking a second work style would add these: the facet ignores its own filter...
    assertThat(facet(remote, "workStyle", "HYBRID")).isEqualTo(1);
    assertThat(facet(remote, "workStyle", "ON_SITE")).isEqualTo(1);
    assertThat(facet(remote, "workStyle", "REMOTE")).isEqualTo(1);
    // ...while the others count the matches of every filter.
    assertThat(facet(remote, "contractType", "DISPATCH")).isZero();
    assertThat(facet(remote, "contractType", "QUASI_MANDATE")).isEqualTo(1);
    JsonObject all = search(freelancerToken, "q=" + flt);
    assertThat(facet(all, "prefecture", "東京都")).isEqualTo(1);
    assertThat(facet(all, "prefecture", "大阪府")).isEqualTo(1);

    JsonObject posting =
        json(platform.send("GET", "/api/v1/postings/" + go, freelancerToken, null).body());
    assertThat(posting.getJsonObject("details").get("prefecture")).isIn(null, JsonValue.NULL);
  }

  @Test
  void badFiltersAndBadPlacesAreProblemsNamingTheirField() {
    assertProblem(
        platform.send("GET", "/api/v1/postings?prefecture=Tokyo", freelancerToken, null),
        400,
        "prefecture");
    assertProblem(
        platform.send("GET", "/api/v1/postings?station=" + "駅".repeat(60), freelancerToken, null),
        400,
        "station");
    assertProblem(
        platform.send(
            "GET", "/api/v1/postings?rateAtLeast=900000&rateAtMost=100000", freelancerToken, null),
        400,
        "rateAtLeast");
    assertProblem(
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/jobs",
            staffToken,
            job("bad place " + MARK, "", "REMOTE", null, "Tokyo", null, 700000, "QUASI_MANDATE")),
        400,
        "prefecture");
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\"typo\",\"query\":\"rateAtLaest=5\"}"),
        400,
        "query");
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\" \",\"query\":\"q=java\"}"),
        400,
        "name");
  }

  private static JsonObject savedSearch(String token, String id) {
    HttpResponse<String> list = platform.send("GET", "/api/v1/me/saved-searches", token, null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    for (JsonValue saved : jsonArray(list.body())) {
      if (saved.asJsonObject().getString("id").equals(id)) {
        return saved.asJsonObject();
      }
    }
    return null;
  }

  private static JsonObject awaitSavedSearch(String id, Predicate<JsonObject> condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject saved = savedSearch(freelancerToken, id);
    while (!condition.test(saved) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      saved = savedSearch(freelancerToken, id);
    }
    assertThat(condition.test(saved)).as("saved search as last read: %s", saved).isTrue();
    return saved;
  }

  @Test
  void aSavedSearchAlertsOncePerNewMatchAndIsItsOwnersAlone() throws InterruptedException {
    String word = MARK + "alert";
    HttpResponse<String> created =
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\"リモート Go "
                + SUFFIX
                + "\",\"query\":\"q="
                + word
                + "&workStyle=REMOTE&sort=RATE&cursor=x\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject saved = json(created.body());
    String id = saved.getString("id");
    assertThat(saved.getString("query")).isEqualTo("q=" + word + "&workStyle=REMOTE");
    assertThat(saved.getBoolean("alerts")).isTrue();
    assertThat(saved.getInt("alertsSent")).isZero();
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\"リモート Go " + SUFFIX + "\",\"query\":\"q=java\"}"),
        409,
        null);

    // One matching job and one that does not match (on site): one alert, naming one job.
    publish(
        job(
            word + " 一件目",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    publish(
        job(
            word + " 常駐",
            "{\"skill\":\"Go\"}",
            "ON_SITE",
            "東京都港区",
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    JsonObject alerted = awaitSavedSearch(id, s -> s.getInt("alertsSent") == 1);
    assertThat(alerted.getInt("lastAlertJobs")).isEqualTo(1);
    Instant mark = Instant.parse(alerted.getString("matchedThrough"));

    // Later rounds move the mark past those jobs without alerting again.
    awaitSavedSearch(id, s -> Instant.parse(s.getString("matchedThrough")).isAfter(mark));
    Thread.sleep(3000);
    assertThat(savedSearch(freelancerToken, id).getInt("alertsSent")).isEqualTo(1);

    // Two more in one round are one alert counting two.
    publish(
        job(
            word + " 二件目",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    publish(
        job(
            word + " 三件目",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    JsonObject again = awaitSavedSearch(id, s -> s.getInt("alertsSent") >= 2);
    int sent = again.getInt("alertsSent");
    assertThat(again.getInt("lastAlertJobs") + (sent == 3 ? 1 : 0))
        .as("two new jobs, in one alert or (if a round fell between the publishes) two")
        .isEqualTo(2);

    // Alerts off: a new match raises none; renaming is refused on a stale version.
    long version = savedSearch(freelancerToken, id).getJsonNumber("version").longValue();
    HttpResponse<String> off =
        platform.send(
            "PUT",
            "/api/v1/me/saved-searches/" + id,
            freelancerToken,
            "{\"alerts\":false,\"name\":\"Go 在宅 "
                + SUFFIX
                + "\",\"expectedVersion\":"
                + version
                + "}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(json(off.body()).getString("name")).isEqualTo("Go 在宅 " + SUFFIX);
    assertProblem(
        platform.send(
            "PUT",
            "/api/v1/me/saved-searches/" + id,
            freelancerToken,
            "{\"alerts\":true,\"expectedVersion\":" + version + "}"),
        409,
        null);
    publish(
        job(
            word + " 四件目",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    Thread.sleep(5000);
    assertThat(savedSearch(freelancerToken, id).getInt("alertsSent")).isEqualTo(sent);

    // Another freelancer neither sees, changes nor deletes it.
    assertThat(savedSearch(strangerToken, id)).isNull();
    assertProblem(
        platform.send(
            "PUT",
            "/api/v1/me/saved-searches/" + id,
            strangerToken,
            "{\"alerts\":true,\"expectedVersion\":" + (version + 1) + "}"),
        404,
        null);
    assertProblem(
        platform.send("DELETE", "/api/v1/me/saved-searches/" + id, strangerToken, null), 404, null);
    assertThat(
            platform
                .send("DELETE", "/api/v1/me/saved-searches/" + id, freelancerToken, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(savedSearch(freelancerToken, id)).isNull();
  }

  @Test
  void aSearchOfOneAgencysJobsAlertsOnlyAboutThatAgencysJobs() {
    String word = MARK + "portal";
    HttpResponse<String> created =
        platform.send(
            "POST",
            "/api/v1/me/saved-searches",
            freelancerToken,
            "{\"name\":\"portal "
                + SUFFIX
                + "\",\"query\":\"q="
                + word
                + "&tenant="
                + tenant.slug()
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = field(created.body(), "id");

    publish(
        otherStaffToken,
        other.slug(),
        job(
            word + " 別社",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    assertThat(
            titles(
                json(
                    platform
                        .send(
                            "GET",
                            "/api/v1/postings?q=" + word + "&tenant=" + tenant.slug(),
                            freelancerToken,
                            null)
                        .body())))
        .as("a search of one agency's jobs shows no other agency's")
        .isEmpty();
    publish(
        job(
            word + " 自社",
            "{\"skill\":\"Go\"}",
            "REMOTE",
            null,
            null,
            null,
            800000,
            "QUASI_MANDATE"));
    JsonObject alerted = awaitSavedSearch(id, s -> s.getInt("alertsSent") >= 1);
    assertThat(alerted.getInt("lastAlertJobs"))
        .as("the other agency's job published first is not counted")
        .isEqualTo(1);
  }

  @Test
  void favouritesAreTheOwnersAndSimilarJobsSayWhy() {
    String fav = MARK + "fav";
    String first =
        publish(
            job(
                "Go 決済 " + fav,
                "{\"skill\":\"Go\"},{\"skill\":\"AWS\"}",
                "REMOTE",
                null,
                null,
                null,
                800000,
                "QUASI_MANDATE"));
    String like =
        publish(
            job(
                "Go 広告 " + fav,
                "{\"skill\":\"Go\"},{\"skill\":\"AWS\"}",
                "REMOTE",
                null,
                null,
                null,
                850000,
                "QUASI_MANDATE"));
    String unlike =
        publish(
            job(
                "PHP 保守 " + fav,
                "{\"skill\":\"PHP\"}",
                "REMOTE",
                null,
                null,
                null,
                650000,
                "QUASI_MANDATE"));

    assertThat(
            platform
                .send("PUT", "/api/v1/me/favourite-jobs/" + first, freelancerToken, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            platform
                .send("PUT", "/api/v1/me/favourite-jobs/" + first, freelancerToken, null)
                .statusCode())
        .as("marking again changes nothing")
        .isEqualTo(204);
    JsonObject mine =
        json(platform.send("GET", "/api/v1/me/favourite-jobs", freelancerToken, null).body());
    assertThat(titles(mine)).contains("Go 決済 " + fav);
    JsonObject theirs =
        json(platform.send("GET", "/api/v1/me/favourite-jobs", strangerToken, null).body());
    assertThat(titles(theirs)).doesNotContain("Go 決済 " + fav);
    assertProblem(
        platform.send("DELETE", "/api/v1/me/favourite-jobs/" + first, strangerToken, null),
        404,
        null);
    assertProblem(
        platform.send(
            "PUT", "/api/v1/me/favourite-jobs/" + UUID.randomUUID(), freelancerToken, null),
        404,
        null);
    assertThat(
            platform
                .send("DELETE", "/api/v1/me/favourite-jobs/" + first, freelancerToken, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            titles(
                json(
                    platform
                        .send("GET", "/api/v1/me/favourite-jobs", freelancerToken, null)
                        .body())))
        .doesNotContain("Go 決済 " + fav);

    HttpResponse<String> similar =
        platform.send(
            "GET", "/api/v1/postings/" + first + "/similar?limit=10", freelancerToken, null);
    assertThat(similar.statusCode()).as(similar.body()).isEqualTo(200);
    JsonArray found = jsonArray(similar.body());
    List<String> ids = new ArrayList<>();
    JsonObject likeEntry = null;
    for (JsonValue entry : found) {
      String id = entry.asJsonObject().getJsonObject("job").getString("id");
      ids.add(id);
      if (id.equals(like)) {
        likeEntry = entry.asJsonObject();
      }
    }
    assertThat(ids).contains(like).doesNotContain(first, unlike);
    assertThat(likeEntry).isNotNull();
    assertThat(likeEntry.getJsonArray("sharedSkills").toString()).contains("Go").contains("AWS");
    assertThat(likeEntry.getBoolean("sameWorkStyle")).isTrue();
    assertThat(likeEntry.getInt("rateDifferenceYen")).isEqualTo(50000);
    assertProblem(
        platform.send(
            "GET", "/api/v1/postings/" + first + "/similar?limit=99", freelancerToken, null),
        400,
        "limit");
  }
}
