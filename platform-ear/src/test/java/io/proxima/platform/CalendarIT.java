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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calendars through the REST API on the running platform: an external calendar served by a stub is
 * imported, its busy time is listed and moves the freelancer's live availability (on their own side
 * and on a tenant's board); the secret feed shows availability, an agreed interview and the busy
 * time, answers 304 when unchanged, and stops working when rotated or revoked.
 */
class CalendarIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static RunningPlatform platform;
  private static CalendarStub stub;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void platformAndACalendarServer() {
    platform = RunningPlatform.get();
    stub = CalendarStub.start();
    tenant = platform.provisionTenant("cal-" + SUFFIX, "{\"displayName\":\"暦 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private static String freelancer(String name) {
    String username = name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", name, "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
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

  private static HttpResponse<String> fetchFeed(String url, String ifNoneMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/calendar")
            .GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + url + " failed", e);
    }
  }

  /** The feed URL as the API gave it, pointed at the node under test. */
  private static String feedUrl(String token) {
    return platform.baseUrl() + "/api/v1/calendar/" + token + ".ics";
  }

  @Test
  void importedBusyTimeMovesLiveAvailabilityAndTheFeedShowsItAll() {
    String freelancer = freelancer("cal");
    assertThat(
            platform
                .send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancer, null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> available =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            freelancer,
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":3,\"hoursPerDay\":8,\"workStyle\":\"REMOTE\"}");
    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);

    // An engagement elsewhere: busy from an hour ago for three days.
    Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    Instant end = start.plus(Duration.ofDays(3));
    String url = stub.serve("/" + SUFFIX + "/work.ics", CalendarStub.busy("work-1", start, end));
    HttpResponse<String> imported =
        platform.send(
            "POST",
            "/api/v1/me/calendar/sources",
            freelancer,
            "{\"url\":\"" + url + "\",\"label\":\"Work\"}");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonObject result = object(imported.body());
    String sourceId = result.getJsonObject("source").getString("id");
    assertThat(result.getInt("busyBlocks")).isEqualTo(1);
    LocalDate freeOn = end.atZone(TOKYO).toLocalDate();
    assertThat(result.getJsonObject("availability").getString("availableFrom"))
        .isEqualTo(freeOn.toString());

    JsonArray busy =
        array(platform.send("GET", "/api/v1/me/calendar/busy", freelancer, null).body());
    assertThat(busy).hasSize(1);
    assertThat(Instant.parse(busy.getJsonObject(0).getString("start"))).isEqualTo(start);
    assertThat(Instant.parse(busy.getJsonObject(0).getString("end"))).isEqualTo(end);
    assertThat(busy.toString()).doesNotContain("private appointment");

    // Live, on the freelancer's own side and on the board of the tenant they share with.
    JsonObject mine =
        object(platform.send("GET", "/api/v1/me/availability", freelancer, null).body());
    assertThat(mine.getString("status")).isEqualTo("AVAILABLE_FROM");
    assertThat(mine.getString("availableFrom")).isEqualTo(freeOn.toString());
    String board =
        platform.send("GET", "/t/" + tenant.slug() + "/api/v1/board", staffToken, null).body();
    assertThat(board).contains("\"availableFrom\":\"" + freeOn + "\"");

    // Refreshing the same calendar changes nothing: no new availability version.
    HttpResponse<String> refreshed =
        platform.send(
            "POST", "/api/v1/me/calendar/sources/" + sourceId + "/refresh", freelancer, null);
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonObject again = object(refreshed.body());
    assertThat(!again.containsKey("availability") || again.isNull("availability")).isTrue();

    String proposalId = agreedInterview(freelancer);

    HttpResponse<String> created =
        platform.send("POST", "/api/v1/me/calendar/feed", freelancer, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = field(created.body(), "token");
    assertThat(field(created.body(), "url")).endsWith("/api/v1/calendar/" + token + ".ics");
    assertProblem(platform.send("POST", "/api/v1/me/calendar/feed", freelancer, null), 409);

    HttpResponse<String> feed = fetchFeed(feedUrl(token), null);
    assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/calendar");
    assertThat(feed.body())
        .contains("BEGIN:VCALENDAR")
        .contains("TZID:Asia/Tokyo")
        .contains("Available from " + freeOn)
        .contains("UID:interview-" + proposalId + "@proxima")
        .contains("Kotlin 移行 " + SUFFIX)
        .contains("STATUS:CONFIRMED")
        .contains("SUMMARY:Busy")
        .doesNotContain("private appointment");
    String etag = feed.headers().firstValue("ETag").orElseThrow();
    assertThat(feed.headers().firstValue("Last-Modified")).isPresent();
    HttpResponse<String> unchanged = fetchFeed(feedUrl(token), etag);
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    // Rotating retires the old address at once; revoking retires the new one.
    HttpResponse<String> rotated =
        platform.send("POST", "/api/v1/me/calendar/feed/rotate", freelancer, null);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newToken = field(rotated.body(), "token");
    assertProblem(fetchFeed(feedUrl(token), null), 404);
    assertThat(fetchFeed(feedUrl(newToken), null).statusCode()).isEqualTo(200);
    assertThat(platform.send("DELETE", "/api/v1/me/calendar/feed", freelancer, null).statusCode())
        .isEqualTo(204);
    assertProblem(fetchFeed(feedUrl(newToken), null), 404);
    assertProblem(fetchFeed(platform.baseUrl() + "/api/v1/calendar/not-a-token.ics", null), 404);

    // Nobody else can see, refresh or remove the calendar.
    String other = freelancer("cal-other");
    assertThat(platform.send("GET", "/api/v1/me/calendar/sources", other, null).body())
        .doesNotContain(sourceId);
    assertProblem(
        platform.send("POST", "/api/v1/me/calendar/sources/" + sourceId + "/refresh", other, null),
        404);
    assertProblem(
        platform.send("DELETE", "/api/v1/me/calendar/sources/" + sourceId, other, null), 404);

    assertThat(
            platform
                .send("DELETE", "/api/v1/me/calendar/sources/" + sourceId, freelancer, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(platform.send("GET", "/api/v1/me/calendar/busy", freelancer, null).body())
        .isEqualTo("[]");
  }

  @Test
  void unreadableUnreachableAndForbiddenCalendarsAreProblemsAndNothingIsStored() {
    String freelancer = freelancer("cal-bad");
    String html = stub.serve("/" + SUFFIX + "/login.html", "<html><body>Sign in</body></html>");
    assertProblem(
        platform.send(
            "POST", "/api/v1/me/calendar/sources", freelancer, "{\"url\":\"" + html + "\"}"),
        422);
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/calendar/sources",
            freelancer,
            "{\"url\":\"" + stub.url("/" + SUFFIX + "/missing.ics") + "\"}"),
        502);
    assertProblem(
        platform.send(
            "POST", "/api/v1/me/calendar/sources", freelancer, "{\"url\":\"file:///etc/passwd\"}"),
        400);
    assertProblem(platform.send("POST", "/api/v1/me/calendar/sources", freelancer, "{}"), 400);
    assertProblem(
        platform.send("POST", "/api/v1/me/calendar/sources", freelancer, "{not json"), 400);
    assertThat(platform.send("GET", "/api/v1/me/calendar/sources", freelancer, null).body())
        .isEqualTo("[]");
    assertProblem(platform.send("POST", "/api/v1/me/calendar/feed/rotate", freelancer, null), 404);
    assertProblem(platform.send("DELETE", "/api/v1/me/calendar/feed", freelancer, null), 404);
    assertThat(platform.send("GET", "/api/v1/me/calendar/feed", freelancer, null).body())
        .contains("\"exists\":false");
  }

  /** An interview the freelancer agreed to, on a job of the tenant; returns the proposal id. */
  private static String agreedInterview(String freelancer) {
    String staff = "/t/" + tenant.slug() + "/api/v1";
    HttpResponse<String> job =
        platform.send(
            "POST",
            staff + "/jobs",
            staffToken,
            """
            {"title":"Kotlin 移行 %s","description":"移行","requiredSkills":[{"skill":"Kotlin"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":false}
            """
                .formatted(SUFFIX));
    assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
    String jobId = field(job.body(), "id");
    assertThat(
            platform
                .send(
                    "POST",
                    staff + "/jobs/" + jobId + "/publish",
                    staffToken,
                    "{\"expectedVersion\":1}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> applied =
        platform.send("POST", "/api/v1/postings/" + jobId + "/applications", freelancer, "{}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String applicationId = object(applied.body()).getJsonObject("application").getString("id");
    HttpResponse<String> screening =
        platform.send(
            "POST",
            staff + "/applications/" + applicationId + "/stage",
            staffToken,
            "{\"to\":\"SCREENING\",\"expectedVersion\":1}");
    assertThat(screening.statusCode()).as(screening.body()).isEqualTo(200);
    Instant slot = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
    HttpResponse<String> proposed =
        platform.send(
            "POST",
            staff + "/applications/" + applicationId + "/interviews",
            staffToken,
            "{\"slots\":[{\"start\":\"%s\",\"end\":\"%s\"}]}"
                .formatted(slot, slot.plusSeconds(3600)));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String proposalId = field(proposed.body(), "id");
    HttpResponse<String> accepted =
        platform.send(
            "POST",
            "/api/v1/me/applications/" + applicationId + "/interviews/" + proposalId + "/accept",
            freelancer,
            "{\"start\":\"" + slot + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    return proposalId;
  }
}
