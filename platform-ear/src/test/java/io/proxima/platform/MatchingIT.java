package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching through the REST API on the running platform: a tenant's ranked candidates for a job,
 * explained part by part with the availability the live core holds, and a freelancer's recommended
 * jobs, which start from content alone and blend in other freelancers' interest once there is any.
 */
class MatchingIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static Freelancer javaVeteran;
  private static Freelancer kotlinOnly;
  private static Freelancer springBooter;
  private static String javaJob;

  record Freelancer(String token, String subject) {}

  @BeforeAll
  static void anAgencyThreeSharingFreelancersAndAJob() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant("match-" + SUFFIX, "{\"displayName\":\"マッチ " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    javaVeteran =
        sharingFreelancer(
            "veteran",
            "Javaエンジニア",
            "{\"name\":\"Java\",\"category\":\"LANGUAGE\",\"years\":6},"
                + "{\"name\":\"AWS\",\"category\":\"CLOUD\",\"years\":3}",
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":5,\"hoursPerDay\":8,"
                + "\"workStyle\":\"REMOTE\",\"rate\":{\"minManYen\":70,\"maxManYen\":80}}");
    kotlinOnly =
        sharingFreelancer(
            "kotlin",
            "Androidエンジニア",
            "{\"name\":\"Kotlin\",\"category\":\"LANGUAGE\",\"years\":5},"
                + "{\"name\":\"AWS\",\"category\":\"CLOUD\",\"years\":2}",
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":5,\"hoursPerDay\":8,"
                + "\"workStyle\":\"REMOTE\",\"rate\":{\"minManYen\":70,\"maxManYen\":80}}");
    springBooter =
        sharingFreelancer(
            "spring",
            "バックエンドエンジニア",
            "{\"name\":\"Spring Boot\",\"category\":\"FRAMEWORK\",\"years\":4}",
            "{\"status\":\"UNAVAILABLE\",\"daysPerWeek\":1,\"hoursPerDay\":8,"
                + "\"workStyle\":\"REMOTE\"}");
    javaJob = openJob("Java 決済基盤 " + SUFFIX, "{\"skill\":\"Java\",\"years\":3}");
  }

  private static Freelancer sharingFreelancer(
      String name, String title, String skills, String availability) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    String profile =
        """
        {"name":"%s","title":"%s","summary":"","skills":[%s],
         "desired":{"monthlyRateMinYen":650000,"monthlyRateMaxYen":800000,"daysPerWeek":5,
                    "workStyle":"REMOTE","locations":["東京都"]},
         "expectedVersion":0}
        """
            .formatted(username, title, skills);
    assertOk(platform.send("PUT", "/api/v1/me/profile", token, profile));
    assertOk(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));
    assertOk(platform.send("PUT", "/api/v1/me/availability", token, availability));
    HttpResponse<String> me = platform.send("GET", "/api/v1/me", token, null);
    assertOk(me);
    return new Freelancer(token, field(me.body(), "subject"));
  }

  private static String openJob(String title, String required) {
    String details =
        """
        {"title":"%s","description":"決済基盤の開発","requiredSkills":[%s],
         "preferredSkills":[{"skill":"AWS"}],"rateMinYen":600000,"rateMaxYen":900000,
         "rateTaxIncluded":false,"daysMin":3,"daysMax":5,"workStyle":"REMOTE",
         "contractType":"QUASI_MANDATE","trialAvailable":false}
        """
            .formatted(title, required);
    HttpResponse<String> drafted = platform.send("POST", staffPath("/jobs"), staffToken, details);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = field(drafted.body(), "id");
    assertOk(
        platform.send(
            "POST", staffPath("/jobs/" + id + "/publish"), staffToken, "{\"expectedVersion\":1}"));
    return id;
  }

  private static String staffPath(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private static JsonArray array(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  private static JsonArray candidates(String jobId) {
    HttpResponse<String> ranked =
        platform.send("GET", staffPath("/jobs/" + jobId + "/candidates"), staffToken, null);
    assertThat(ranked.statusCode()).as(ranked.body()).isEqualTo(200);
    return array(ranked.body());
  }

  private static JsonObject candidate(JsonArray ranked, Freelancer freelancer) {
    for (JsonValue value : ranked) {
      if (value.asJsonObject().getString("freelancerId").equals(freelancer.subject())) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError(freelancer.subject() + " not ranked in " + ranked);
  }

  private static List<String> order(JsonArray ranked) {
    List<String> ids = new ArrayList<>();
    ranked.forEach(v -> ids.add(v.asJsonObject().getString("freelancerId")));
    return ids;
  }

  @Test
  void candidatesComeRankedWithTheirReasonsAndTheLiveAvailability() {
    JsonArray ranked = candidates(javaJob);
    assertThat(order(ranked))
        .as(
            "the veteran fits every part; the others miss Java, have it only by implication, or"
                + " are unavailable")
        .startsWith(javaVeteran.subject())
        .containsExactlyInAnyOrder(
            javaVeteran.subject(), springBooter.subject(), kotlinOnly.subject());
    assertThat(ranked.getJsonObject(0).getJsonNumber("score").doubleValue())
        .isGreaterThan(ranked.getJsonObject(1).getJsonNumber("score").doubleValue());

    JsonObject veteran = candidate(ranked, javaVeteran).getJsonObject("explanation");
    JsonObject java = veteran.getJsonObject("skills").getJsonArray("matched").getJsonObject(0);
    assertThat(java.getString("skill")).isEqualTo("Java");
    assertThat(java.getBoolean("meetsYears")).isTrue();
    assertThat(java.getString("evidence")).isEqualTo("LISTED");
    assertThat(veteran.getJsonObject("skills").getJsonArray("missingRequired")).isEmpty();
    assertThat(veteran.getJsonObject("availability").getString("status"))
        .isEqualTo("AVAILABLE_NOW");
    assertThat(veteran.getJsonObject("availability").getString("source")).isEqualTo("LIVE");
    assertThat(veteran.getJsonObject("rate").getString("verdict")).isNotEmpty();
    assertThat(veteran.getJsonObject("workStyle").getBoolean("fits")).isTrue();

    JsonObject spring = candidate(ranked, springBooter).getJsonObject("explanation");
    JsonObject implied = spring.getJsonObject("skills").getJsonArray("matched").getJsonObject(0);
    assertThat(implied.getString("skill")).isEqualTo("Java");
    assertThat(implied.getString("evidence")).isEqualTo("IMPLIED");
    assertThat(implied.getString("via")).isEqualTo("Spring Boot");
    assertThat(spring.getJsonObject("availability").getString("status")).isEqualTo("UNAVAILABLE");

    JsonObject kotlin = candidate(ranked, kotlinOnly).getJsonObject("explanation");
    assertThat(kotlin.getJsonObject("skills").getJsonArray("missingRequired").toString())
        .contains("Java");
  }

  @Test
  void aFreelancerWithNoneOfTheSkillsIsNotRanked() {
    String cobolJob = openJob("COBOL 保守 " + SUFFIX, "{\"skill\":\"COBOL\"}");
    JsonArray ranked = candidates(cobolJob);
    assertThat(order(ranked))
        .as("the Spring Boot developer lists neither COBOL nor the preferred AWS")
        .doesNotContain(springBooter.subject())
        .contains(javaVeteran.subject());
    assertThat(
            candidate(ranked, javaVeteran)
                .getJsonObject("explanation")
                .getJsonObject("skills")
                .getJsonArray("missingRequired")
                .toString())
        .contains("COBOL");
  }

  @Test
  void aChangeOfAvailabilityShowsInTheNextRanking() {
    String later = "2099-04-01";
    assertOk(
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            springBooter.token(),
            "{\"status\":\"AVAILABLE_FROM\",\"availableFrom\":\""
                + later
                + "\",\"daysPerWeek\":5,\"hoursPerDay\":8,\"workStyle\":\"REMOTE\"}"));
    JsonObject availability =
        candidate(candidates(javaJob), springBooter)
            .getJsonObject("explanation")
            .getJsonObject("availability");
    assertThat(availability.getString("status")).isEqualTo("AVAILABLE_FROM");
    assertThat(availability.getString("availableFrom")).isEqualTo(later);
    assertThat(availability.getJsonNumber("daysLate").longValue()).isPositive();
    // Back as the other tests expect them.
    assertOk(
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            springBooter.token(),
            "{\"status\":\"UNAVAILABLE\",\"daysPerWeek\":1,\"hoursPerDay\":8,"
                + "\"workStyle\":\"REMOTE\"}"));
  }

  @Test
  void badRequestsAreProblemsAndOtherTenantsJobsDoNotExist() {
    HttpResponse<String> tooMany =
        platform.send(
            "GET", staffPath("/jobs/" + javaJob + "/candidates?limit=500"), staffToken, null);
    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
    assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> notANumber =
        platform.send(
            "GET", staffPath("/jobs/" + javaJob + "/candidates?limit=ten"), staffToken, null);
    assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(400);
    HttpResponse<String> unknown =
        platform.send(
            "GET", staffPath("/jobs/" + UUID.randomUUID() + "/candidates"), staffToken, null);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    HttpResponse<String> freelancer =
        platform.send(
            "GET", staffPath("/jobs/" + javaJob + "/candidates"), javaVeteran.token(), null);
    assertThat(freelancer.statusCode())
        .as("only the tenant's staff rank candidates")
        .isIn(403, 404);
  }

  @Test
  void recommendationsStartFromTheProfileAndLearnFromOthersInterest() {
    String awsJob = openJob("AWS 移行 " + SUFFIX, "{\"skill\":\"AWS\",\"years\":2}");
    String kotlinJob = openJob("Kotlin アプリ " + SUFFIX, "{\"skill\":\"Kotlin\"}");

    JsonObject first = recommendation(javaVeteran, javaJob);
    assertThat(first.getBoolean("coldStart")).as("no history yet").isTrue();
    assertThat(first.getJsonNumber("collaborativeScore").doubleValue()).isZero();
    assertThat(first.getJsonObject("job").getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(first.getJsonObject("fit").getJsonObject("skills").getJsonArray("missingRequired"))
        .isEmpty();

    // The veteran and the Kotlin developer both look at the Java job; the Kotlin developer also
    // at the Kotlin job, which the veteran's skills alone would rank low.
    view(javaVeteran, javaJob);
    view(kotlinOnly, javaJob);
    view(kotlinOnly, kotlinJob);

    JsonObject kotlin = recommendation(javaVeteran, kotlinJob);
    assertThat(kotlin.getBoolean("coldStart")).isFalse();
    assertThat(kotlin.getJsonNumber("collaborativeScore").doubleValue())
        .as("freelancers who viewed what the veteran viewed also viewed this")
        .isPositive();
    assertThat(kotlin.getJsonArray("similarToJobsYouInteractedWith").toString()).contains(javaJob);
    JsonObject aws = recommendation(javaVeteran, awsJob);
    assertThat(aws.getJsonNumber("contentScore").doubleValue())
        .isGreaterThan(kotlin.getJsonNumber("contentScore").doubleValue());
    // The other freelancer's identity never leaves the database.
    HttpResponse<String> raw =
        platform.send("GET", "/api/v1/me/recommendations?limit=50", javaVeteran.token(), null);
    assertThat(raw.body()).doesNotContain(kotlinOnly.subject());
  }

  private static void view(Freelancer freelancer, String jobId) {
    assertOk(platform.send("GET", "/api/v1/postings/" + jobId, freelancer.token(), null));
  }

  private static JsonObject recommendation(Freelancer freelancer, String jobId) {
    HttpResponse<String> found =
        platform.send(
            "GET",
            "/t/" + tenant.slug() + "/api/v1/me/recommendations?limit=50",
            freelancer.token(),
            null);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    for (JsonValue value : array(found.body())) {
      if (value.asJsonObject().getJsonObject("job").getString("id").equals(jobId)) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError(jobId + " not recommended in " + found.body());
  }
}
