package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The applications pipeline through the REST API on the running platform: apply, screen, interview
 * at a time the freelancer picked, offer, trial, contract; withdrawal; the history and the staff's
 * notes, which the freelancer never sees; and every wrong move refused as a problem.
 */
class HiringIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String jobId;
  private static String draftJobId;

  @BeforeAll
  static void anAgencyWithAnOpenJob() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("hire-" + SUFFIX, "{\"displayName\":\"採用 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    jobId = job("Rust 基盤 " + SUFFIX);
    assertOk(
        platform.send(
            "POST",
            staffPath("/jobs/" + jobId + "/publish"),
            staffToken,
            "{\"expectedVersion\":1}"));
    draftJobId = job("下書き " + SUFFIX);
  }

  private static String job(String title) {
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            staffPath("/jobs"),
            staffToken,
            """
            {"title":"%s","description":"基盤開発","requiredSkills":[{"skill":"Rust"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":true}
            """
                .formatted(title));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    return field(drafted.body(), "id");
  }

  private static String freelancer(String name) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static String staffPath(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
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

  private static JsonObject apply(String token, String job, String body) {
    HttpResponse<String> applied =
        platform.send("POST", "/api/v1/postings/" + job + "/applications", token, body);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    return object(applied.body()).getJsonObject("application");
  }

  private static HttpResponse<String> move(String id, String to, long version) {
    return platform.send(
        "POST",
        staffPath("/applications/" + id + "/stage"),
        staffToken,
        "{\"to\":\"" + to + "\",\"expectedVersion\":" + version + "}");
  }

  private static List<String> stages(JsonArray history) {
    List<String> stages = new ArrayList<>();
    history.forEach(step -> stages.add(step.asJsonObject().getString("to")));
    return stages;
  }

  @Test
  void appliedToContractedWithAnAgreedInterviewAndPrivateNotes() {
    String freelancer = freelancer("hired");
    JsonObject application =
        apply(freelancer, jobId, "{\"coverNote\":\"Rust 5年です\",\"proposedRateYen\":800000}");
    assertThat(application.getString("stage")).isEqualTo("APPLIED");
    String id = application.getString("id");
    assertProblem(
        platform.send("POST", "/api/v1/postings/" + jobId + "/applications", freelancer, "{}"),
        409);

    JsonArray listed =
        Json.createReader(
                new StringReader(
                    platform
                        .send("GET", staffPath("/applications?jobId=" + jobId), staffToken, null)
                        .body()))
            .readArray();
    assertThat(listed.toString()).contains(id).contains("Rust 5年です");

    assertOk(move(id, "SCREENING", 1));
    assertProblem(move(id, "INTERVIEW", 1), 409);
    assertProblem(move(id, "OFFER", 2), 409);
    String secretNote = "年収交渉に注意 " + SUFFIX;
    HttpResponse<String> note =
        platform.send(
            "POST",
            staffPath("/applications/" + id + "/notes"),
            staffToken,
            "{\"body\":\"" + secretNote + "\"}");
    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);

    Instant first = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    Instant second = first.plus(Duration.ofDays(1));
    HttpResponse<String> proposed =
        platform.send(
            "POST",
            staffPath("/applications/" + id + "/interviews"),
            staffToken,
            """
            {"slots":[{"start":"%s","end":"%s"},{"start":"%s","end":"%s"}],
             "meetingUrl":"https://meet.example.jp/%s"}
            """
                .formatted(
                    first, first.plusSeconds(3600), second, second.plusSeconds(3600), SUFFIX));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String proposalId = field(proposed.body(), "id");

    HttpResponse<String> seen =
        platform.send("GET", "/api/v1/me/applications/" + id, freelancer, null);
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    assertThat(seen.body()).doesNotContain(secretNote).contains(proposalId);

    HttpResponse<String> accepted =
        platform.send(
            "POST",
            "/api/v1/me/applications/" + id + "/interviews/" + proposalId + "/accept",
            freelancer,
            "{\"start\":\"" + second + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonObject afterInterview = object(accepted.body());
    assertThat(afterInterview.getJsonObject("application").getString("stage"))
        .as("agreeing to a time reaches the interview stage")
        .isEqualTo("INTERVIEW");
    assertThat(afterInterview.getJsonArray("interviews").getJsonObject(0).getString("status"))
        .isEqualTo("ACCEPTED");
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/applications/" + id + "/interviews/" + proposalId + "/decline",
            freelancer,
            "{}"),
        409);

    assertOk(move(id, "OFFER", 3));
    assertOk(move(id, "TRIAL", 4));
    assertOk(move(id, "CONTRACTED", 5));
    assertProblem(move(id, "REJECTED", 6), 409);

    JsonObject dossier =
        object(platform.send("GET", staffPath("/applications/" + id), staffToken, null).body());
    assertThat(stages(dossier.getJsonArray("history")))
        .containsExactly("APPLIED", "SCREENING", "INTERVIEW", "OFFER", "TRIAL", "CONTRACTED");
    assertThat(dossier.getJsonArray("history").getJsonObject(0).getString("side"))
        .isEqualTo("FREELANCER");
    JsonObject agreed = dossier.getJsonArray("history").getJsonObject(2);
    assertThat(agreed.getString("side"))
        .as("the freelancer's acceptance of a time moved it to the interview, not the staff")
        .isEqualTo("FREELANCER");
    assertThat(agreed.getString("by"))
        .isEqualTo(dossier.getJsonArray("history").getJsonObject(0).getString("by"));
    assertThat(agreed.getString("cause")).isEqualTo("INTERVIEW_AGREED");
    assertThat(agreed.containsKey("reason"))
        .as("no English sentence for the page to show as if someone wrote it")
        .isFalse();
    assertThat(dossier.getJsonArray("notes").getJsonObject(0).getString("body"))
        .isEqualTo(secretNote);
    assertThat(platform.send("GET", "/api/v1/me/applications/" + id, freelancer, null).body())
        .contains("CONTRACTED")
        .doesNotContain(secretNote);
  }

  @Test
  void theFreelancerWithdrawsAndStaffCannotMoveItAfterwards() {
    String freelancer = freelancer("withdrawn");
    String id = apply(freelancer, jobId, null).getString("id");
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/applications/" + id + "/withdraw",
            freelancer,
            "{\"expectedVersion\":9}"),
        409);
    HttpResponse<String> withdrawn =
        platform.send(
            "POST",
            "/api/v1/me/applications/" + id + "/withdraw",
            freelancer,
            "{\"expectedVersion\":1,\"reason\":\"他で決まりました\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(object(withdrawn.body()).getJsonObject("application").getString("stage"))
        .isEqualTo("WITHDRAWN");
    assertProblem(move(id, "SCREENING", 2), 409);
    assertThat(platform.send("GET", "/api/v1/me/applications", freelancer, null).body())
        .contains(id);
  }

  @Test
  void wrongRequestsAreProblemsAndOthersApplicationsDoNotExist() {
    String freelancer = freelancer("careless");
    assertProblem(
        platform.send("POST", "/api/v1/postings/" + draftJobId + "/applications", freelancer, "{}"),
        404);
    assertProblem(
        platform.send(
            "POST", "/api/v1/postings/" + UUID.randomUUID() + "/applications", freelancer, "{}"),
        404);
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/postings/" + jobId + "/applications",
            freelancer,
            "{\"proposedRateYen\":5}"),
        400);
    String id = apply(freelancer, jobId, "{}").getString("id");
    assertProblem(move(id, "NOPE", 1), 400);
    assertProblem(
        platform.send("POST", staffPath("/applications/" + id + "/stage"), staffToken, "{}"), 400);
    assertProblem(
        platform.send("GET", staffPath("/applications?stage=LATE"), staffToken, null), 400);
    assertProblem(
        platform.send("GET", staffPath("/applications?limit=1000"), staffToken, null), 400);
    assertProblem(
        platform.send(
            "POST", staffPath("/applications/" + id + "/notes"), staffToken, "{\"body\":\" \"}"),
        400);
    Instant past = Instant.now().minus(Duration.ofDays(1));
    assertProblem(
        platform.send(
            "POST",
            staffPath("/applications/" + id + "/interviews"),
            staffToken,
            "{\"slots\":[{\"start\":\"%s\",\"end\":\"%s\"}]}"
                .formatted(past, past.plusSeconds(600))),
        400);

    String stranger = freelancer("stranger");
    assertProblem(platform.send("GET", "/api/v1/me/applications/" + id, stranger, null), 404);
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/applications/" + id + "/withdraw",
            stranger,
            "{\"expectedVersion\":1}"),
        404);
    assertThat(
            platform.send("GET", staffPath("/applications/" + id), freelancer, null).statusCode())
        .as("a freelancer is not the tenant's staff")
        .isIn(403, 404);
  }
}
