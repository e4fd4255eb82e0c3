package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.RunningPlatform.number;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skill sheet studio and the portable profile on the running platform: upload, review, apply,
 * export and import, hostile files, the tenant's view of a shared profile and the freelancer's list
 * of who looked, the GitHub portfolio (against a local stub of GitHub's API).
 */
class ProfileIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String freelancerToken;
  private static String freelancerId;

  @BeforeAll
  static void aFreelancerOfTheirOwnAndATenant() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "prof-" + SUFFIX,
            "{\"displayName\":\"Agency P " + SUFFIX + "\",\"primaryColor\":\"#224466\"}");
    String username = "profiled-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Hana", "pw-" + SUFFIX);
    freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static long version() {
    return number(
        platform.send("GET", "/api/v1/me/profile", freelancerToken, null).body(), "version");
  }

  private static HttpResponse<String> upload(String fileName, String type, byte[] content) {
    return platform.upload(
        "/api/v1/me/skill-sheets?fileName=" + fileName, freelancerToken, type, content);
  }

  @Test
  void anUploadedSheetBecomesADraftAndOnlyTheReviewedFieldsReachTheProfile() {
    String sheet =
        """
        スキルシート
        氏名: 佐藤 花子
        職種: バックエンドエンジニア
        自己PR: 決済システムの開発を8年経験。
        スキル
        Java	8年	◎
        PostgreSQL	5年	○
        AWS Lambda	2年	△
        職務経歴
        2023年8月～現在	大手EC事業者	決済APIの開発	SE	チーム規模: 6名	Java, Spring Boot, PostgreSQL
        2020年4月 - 2023年7月	大手金融機関	勘定系の保守	PG	10名	Java, Oracle
        """;
    String profileBefore = platform.send("GET", "/api/v1/me/profile", freelancerToken, null).body();
    HttpResponse<String> uploaded =
        upload("sheet-" + SUFFIX + ".txt", "text/plain", sheet.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonObject draft = json(uploaded.body()).getJsonObject("draft");
    // AWS Lambda is the skill the sheet names; matching credits AWS through the taxonomy.
    assertThat(draft.getJsonArray("skills").toString())
        .contains("\"Java\"", "\"PostgreSQL\"", "\"AWS Lambda\"")
        .doesNotContain("\"AWS\"");
    assertThat(draft.getJsonArray("workHistory")).hasSize(2);
    String sheetId = field(uploaded.body(), "id");
    long before = version();
    assertThat(platform.send("GET", "/api/v1/me/profile", freelancerToken, null).body())
        .as("nothing reaches the profile before the review")
        .isEqualTo(profileBefore);

    HttpResponse<String> applied =
        platform.send(
            "POST",
            "/api/v1/me/skill-sheets/" + sheetId + "/apply",
            freelancerToken,
            """
            {"name":{"decision":"ACCEPT"},"title":{"decision":"EDIT","value":"決済エンジニア"},
             "skills":[{"index":0},{"index":1,"edited":{"name":"PostgreSQL","category":"DATABASE",
               "years":6,"level":"EXPERT"}}],
             "workHistory":[{"index":0}],"expectedVersion":%d}
            """
                .formatted(before));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    JsonObject profile = json(applied.body());
    assertThat(profile.getString("name")).isEqualTo("佐藤 花子");
    assertThat(profile.getString("title")).isEqualTo("決済エンジニア");
    JsonObject previous = json(profileBefore);
    assertThat(profile.get("summary"))
        .as("the summary was not chosen")
        .isEqualTo(previous.get("summary"));
    assertThat(profile.getJsonArray("skills").toString())
        .contains("\"Java\"", "\"EXPERT\"")
        .doesNotContain("Lambda");
    // The chosen engagement is added, or replaces the same engagement saved earlier.
    assertThat(profile.getJsonArray("workHistory").toString()).contains("2023-08", "大手EC事業者");
    assertThat(profile.getJsonArray("workHistory").size())
        .isBetween(
            previous.getJsonArray("workHistory").size(),
            previous.getJsonArray("workHistory").size() + 1);
    assertThat(profile.getJsonNumber("version").longValue()).isEqualTo(before + 1);

    HttpResponse<String> again =
        platform.send(
            "POST",
            "/api/v1/me/skill-sheets/" + sheetId + "/apply",
            freelancerToken,
            "{\"expectedVersion\":" + (before + 1) + "}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /**
   * The labelled corpus of tenants' quality test, as that test built it (tenants runs first in the
   * reactor): every sheet uploaded through the API, its draft scored against the labels.
   */
  @Test
  void everyCorpusSheetUploadedThroughTheApiGivesACorrectDraft() throws Exception {
    // The skill-sheet corpus lives with the profile context, in the talent module.
    Path tenants =
        Path.of(System.getProperty("user.dir")).resolveSibling("tenants").resolve("talent");
    Path labels = tenants.resolve("src/test/resources/skillsheets");
    Path built = tenants.resolve("target/skillsheets");
    assertThat(built)
        .as("run the talent module's tests first: they build the corpus")
        .isDirectory();
    int expectedSkills = 0;
    int foundSkills = 0;
    int rightSkills = 0;
    int expectedPeriods = 0;
    int rightPeriods = 0;
    int sheets = 0;
    List<String> report = new ArrayList<>();
    try (Stream<Path> files = Files.list(labels)) {
      for (Path label : files.filter(f -> f.toString().endsWith(".labels")).sorted().toList()) {
        String base = label.getFileName().toString().replace(".labels", "");
        Path sheet;
        try (Stream<Path> candidates = Files.list(built)) {
          sheet =
              candidates
                  .filter(f -> f.getFileName().toString().startsWith(base + "."))
                  .filter(f -> !f.toString().endsWith(".extracted.txt"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no built sheet for " + base));
        }
        HttpResponse<String> uploaded =
            upload(sheet.getFileName().toString(), null, Files.readAllBytes(sheet));
        assertThat(uploaded.statusCode()).as(base + ": " + uploaded.body()).isEqualTo(201);
        JsonObject draft = json(uploaded.body()).getJsonObject("draft");
        Set<String> skills = new TreeSet<>();
        draft.getJsonArray("skills").forEach(s -> skills.add(s.asJsonObject().getString("name")));
        Set<String> periods = new TreeSet<>();
        for (var entry : draft.getJsonArray("workHistory")) {
          JsonObject period = entry.asJsonObject().getJsonObject("period");
          periods.add(
              period.getString("from")
                  + ".."
                  + (!period.containsKey("to") || period.isNull("to")
                      ? "present"
                      : period.getString("to")));
        }
        Map<String, Set<String>> expected = labelsOf(label);
        Set<String> wantedSkills = expected.get("skills");
        Set<String> wantedPeriods = expected.get("periods");
        expectedSkills += wantedSkills.size();
        foundSkills += skills.size();
        rightSkills += (int) skills.stream().filter(wantedSkills::contains).count();
        expectedPeriods += wantedPeriods.size();
        rightPeriods += (int) periods.stream().filter(wantedPeriods::contains).count();
        sheets++;
        report.add(
            base
                + ": skills "
                + skills.size()
                + "/"
                + wantedSkills.size()
                + ", periods "
                + periods);
      }
    }
    double precision = (double) rightSkills / foundSkills;
    double recall = (double) rightSkills / expectedSkills;
    double f1 = 2 * precision * recall / (precision + recall);
    System.out.printf(
        "ProfileIT corpus through REST: %d sheets, skills P %.3f R %.3f F1 %.3f, periods R %.3f%n",
        sheets, precision, recall, f1, (double) rightPeriods / expectedPeriods);
    assertThat(sheets).isGreaterThanOrEqualTo(15);
    assertThat(f1).as(String.join("\n", report)).isGreaterThanOrEqualTo(0.9);
    assertThat((double) rightPeriods / expectedPeriods)
        .as(String.join("\n", report))
        .isGreaterThanOrEqualTo(0.85);
  }

  private static Map<String, Set<String>> labelsOf(Path label) throws java.io.IOException {
    Map<String, Set<String>> labels = new java.util.HashMap<>();
    labels.put("skills", new TreeSet<>());
    labels.put("periods", new TreeSet<>());
    for (String line : Files.readAllLines(label, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String separator = key.equals("periods") ? "\\|" : ",";
      if (labels.containsKey(key)) {
        for (String value : line.substring(colon + 1).split(separator)) {
          if (!value.isBlank()) {
            labels.get(key).add(value.strip());
          }
        }
      }
    }
    return labels;
  }

  @Test
  void badFilesGetAClearProblemAndLeaveNothingBehind() {
    int uploadsBefore = uploads().size();
    byte[] notAPdf = new byte[4096];
    new java.util.Random(7).nextBytes(notAPdf);
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    assertProblem(upload("cv.pdf", "application/pdf", notAPdf), 415, 422);
    assertProblem(upload("cv.xlsx", "application/octet-stream", png), 415);
    assertProblem(upload("empty.txt", "text/plain", new byte[0]), 400);
    assertProblem(upload("huge.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]), 413);
    assertProblem(
        upload("truncated.pdf", "application/pdf", "%PDF-1.7\n1 0 obj\n<<".getBytes()), 422);
    assertProblem(
        platform.send(
            "POST",
            "/api/v1/me/skill-sheets/" + UUID.randomUUID() + "/apply",
            freelancerToken,
            "{}"),
        404);
    assertProblem(
        platform.send(
            "PUT", "/api/v1/me/profile", freelancerToken, "{\"skills\":[{\"name\":\"\"}]}"),
        400);
    assertThat(uploads()).hasSize(uploadsBefore);
  }

  private static JsonArray uploads() {
    try (var reader =
        Json.createReader(
            new StringReader(
                platform.send("GET", "/api/v1/me/skill-sheets", freelancerToken, null).body()))) {
      return reader.readArray();
    }
  }

  private static void assertProblem(HttpResponse<String> response, Integer... statuses) {
    assertThat(response.statusCode()).as(response.body()).isIn((Object[]) statuses);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response.body()).getString("detail")).isNotBlank();
  }

  @Test
  void theProfileTravelsAsJsonAndPdfAndComesBackLosslessly() throws Exception {
    String edit =
        """
        {"name":"Hana Sato","title":"バックエンドエンジニア","summary":"決済と物流の開発。",
         "skills":[{"name":"Java","category":"LANGUAGE","years":8,"level":"EXPERT"},
                   {"name":"Go","category":"LANGUAGE","years":1.5,"level":"PRACTICAL"}],
         "workHistory":[{"company":"大手EC事業者","period":{"from":"2023-08"},"role":"SE",
                         "teamSize":6,"technologies":["Java","PostgreSQL"],"description":"決済API"}],
         "certifications":[{"name":"応用情報技術者","acquired":"2016-04"}],
         "desired":{"monthlyRateMinYen":700000,"monthlyRateMaxYen":800000,"daysPerWeek":4,
                    "workStyle":"REMOTE","locations":["東京都"],"contractTypes":["QUASI_MANDATE"],
                    "paymentTermsDays":[30]},
         "links":{"githubUsername":"%s"},"expectedVersion":%d}
        """
            .formatted(GithubStub.USER, version());
    HttpResponse<String> saved = platform.send("PUT", "/api/v1/me/profile", freelancerToken, edit);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

    HttpResponse<byte[]> pdf = platform.download("/api/v1/me/profile/export.pdf", freelancerToken);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (var document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Hana Sato", "職務経歴", "大手EC事業者", "応用情報技術者");
    }

    HttpResponse<String> exported =
        platform.send("GET", "/api/v1/me/profile/export.json", freelancerToken, null);
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(json(exported.body()).getJsonObject("basics").getString("name"))
        .isEqualTo("Hana Sato");

    JsonObject before = json(saved.body());
    HttpResponse<String> imported =
        platform.send(
            "PUT",
            "/api/v1/me/profile/import?expectedVersion=" + before.getJsonNumber("version"),
            freelancerToken,
            exported.body());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonObject after = json(imported.body());
    for (String field :
        new String[] {
          "name", "title", "summary", "skills", "workHistory", "certifications", "desired", "links"
        }) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertProblem(
        platform.send(
            "PUT",
            "/api/v1/me/profile/import?expectedVersion=" + after.getJsonNumber("version"),
            freelancerToken,
            "{\"basics\": [1, 2"),
        400);
  }

  @Test
  void aTenantSeesASharedProfileAndTheFreelancerSeesWhoLooked() {
    String staff =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    String path = "/t/" + tenant.slug() + "/api/v1/freelancers/" + freelancerId + "/profile";
    assertThat(platform.send("GET", path, staff, null).statusCode())
        .as("not shared yet")
        .isEqualTo(404);

    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    HttpResponse<String> seen = platform.send("GET", path, staff, null);
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    HttpResponse<byte[]> pdf = platform.download(path.replace("/profile", "/profile.pdf"), staff);
    assertThat(pdf.statusCode()).isEqualTo(200);
    HttpResponse<String> linked =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            freelancerToken,
            "{\"name\":\"Hana\",\"links\":{\"githubUsername\":\""
                + GithubStub.USER
                + "\"},\"expectedVersion\":"
                + version()
                + "}");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    HttpResponse<String> portfolio =
        platform.send("GET", path.replace("/profile", "/portfolio"), staff, null);
    assertThat(portfolio.statusCode()).as(portfolio.body()).isEqualTo(200);
    assertThat(portfolio.body()).contains("kintai-api");

    String views = platform.send("GET", "/api/v1/me/profile/views", freelancerToken, null).body();
    assertThat(views).contains("Agency P " + SUFFIX, "\"PROFILE\"", "\"PDF\"");

    platform.send("DELETE", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null);
    assertThat(platform.send("GET", path, staff, null).statusCode()).as("revoked").isEqualTo(404);
  }

  /**
   * What the staff page decides from, for a freelancer who shares with the tenant but has never
   * saved a profile: the board answers their entry while the profile answers 404. For a stranger
   * both answer 404, and the profile's 404 is one and the same answer for the stranger, an id
   * nobody has and the sharer without a profile: it tells the tenant nothing.
   */
  @Test
  void aSharerWithoutAProfileIsOnTheBoardAndAStrangerLooksLikeAnUnknownId() {
    String staff =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    String sharer = newFreelancer("bare-" + SUFFIX);
    String sharerToken = platform.token("proxima-portal", "bare-" + SUFFIX, "pw-" + SUFFIX);
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), sharerToken, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    String stranger = newFreelancer("stranger-" + SUFFIX);
    String unknown = UUID.randomUUID().toString();
    String api = "/t/" + tenant.slug() + "/api/v1/";

    HttpResponse<String> entry = platform.send("GET", api + "board/" + sharer, staff, null);
    assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
    assertThat(json(entry.body()).getString("freelancerId")).isEqualTo(sharer);
    for (String nobody : List.of(stranger, unknown)) {
      assertThat(platform.send("GET", api + "board/" + nobody, staff, null).statusCode())
          .as("board entry of " + nobody)
          .isEqualTo(404);
    }

    Map<String, JsonObject> profiles = new java.util.LinkedHashMap<>();
    for (String id : List.of(sharer, stranger, unknown)) {
      HttpResponse<String> profile =
          platform.send("GET", api + "freelancers/" + id + "/profile", staff, null);
      assertThat(profile.statusCode()).as(profile.body()).isEqualTo(404);
      profiles.put(id, withoutId(json(profile.body()), id));
    }
    assertThat(profiles.get(stranger)).isEqualTo(profiles.get(unknown));
    assertThat(profiles.get(sharer)).isEqualTo(profiles.get(unknown));
  }

  private static String newFreelancer(String username) {
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Ken", "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    return field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
  }

  /** A problem with the id it echoes written as {id} and without its request id. */
  private static JsonObject withoutId(JsonObject problem, String id) {
    var copy = Json.createObjectBuilder();
    problem.forEach(
        (name, value) -> {
          if (!name.equals("requestId")) {
            copy.add(name, Json.createValue(value.toString().replace(id, "{id}")));
          }
        });
    return copy.build();
  }

  @Test
  void thePortfolioIsOnlyTheLinkedAccountsAndRateLimited() throws Exception {
    // A freelancer of their own, so the GitHub bucket this test drains is theirs alone.
    String username = "github-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Gin", "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    String portfolioPath = "/api/v1/me/profile/portfolio";
    assertProblem(platform.send("GET", portfolioPath, token, null), 404);

    HttpResponse<String> linked =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            "{\"name\":\"Gin\",\"links\":{\"githubUsername\":\""
                + GithubStub.USER
                + "\"},\"expectedVersion\":0}");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    HttpResponse<String> portfolio = platform.send("GET", portfolioPath, token, null);
    assertThat(portfolio.statusCode()).as(portfolio.body()).isEqualTo(200);
    assertThat(portfolio.body())
        .contains("kintai-api", "board-ui", "TypeScript")
        .doesNotContain("forked-lib");
    HttpResponse<String> named =
        platform.send("GET", portfolioPath + "?username=" + GithubStub.USER, token, null);
    assertThat(named.statusCode()).as("the caller's own account may be named").isEqualTo(200);
    // Anyone else's name would spend the platform's GitHub quota on the caller's whim.
    assertProblem(
        platform.send("GET", portfolioPath + "?username=nobody-" + SUFFIX, token, null), 403);

    // 10 lookups a minute per user by default: the bucket runs dry within a dozen calls.
    HttpResponse<String> limited = null;
    for (int i = 0; i < 20 && limited == null; i++) {
      HttpResponse<String> answer = platform.send("GET", portfolioPath, token, null);
      if (answer.statusCode() == 429) {
        limited = answer;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
    }
    assertThat(limited).as("a 429 within 20 calls").isNotNull();
    assertProblem(limited, 429);
    assertThat(json(limited.body()).getString("type"))
        .isEqualTo("urn:proxima:problem:rate-limited");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 6L);
    // Other freelancers are not held back by this one.
    assertThat(
            platform
                .send("GET", "/api/v1/me/profile/portfolio", freelancerToken, null)
                .statusCode())
        .isNotEqualTo(429);

    Thread.sleep(retryAfter * 1000 + 200);
    HttpResponse<String> recovered = platform.send("GET", portfolioPath, token, null);
    assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
  }
}
