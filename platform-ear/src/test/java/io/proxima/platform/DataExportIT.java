package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static io.proxima.platform.StaffCalls.created;
import static io.proxima.platform.StaffCalls.message;
import static io.proxima.platform.StaffCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The freelancer's export of everything Proxima holds about them, on a running node: a freelancer
 * with a profile, an uploaded sheet, a consent, a conversation both ways and an application gets
 * all of it in one ZIP — the sheet's original byte for byte — and nothing of another freelancer
 * sharing with the same agency, nor the agency's private note; a brand-new account gets a valid
 * archive of what little exists; the export is on the access log and the audit chain.
 */
class DataExportIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String NOTE = "社内メモ 非公開 " + SUFFIX;
  private static final String COVER = "Kotlin 6年です " + SUFFIX;
  private static final String TO_TENANT = "来月から稼働できます " + SUFFIX;
  private static final String FROM_TENANT = "面談をお願いします " + SUFFIX;
  private static final String OTHERS_MESSAGE = "別人のメッセージ " + SUFFIX;
  private static final String OTHERS_TITLE = "別人の肩書 " + SUFFIX;
  // With a byte-order mark and Windows line ends: the original comes back as sent, not re-read.
  private static final byte[] SHEET =
      concat(
          new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
          "スキルシート\r\n氏名: 輸出 花子\r\nスキル\r\nKotlin\t6年\r\n".getBytes(StandardCharsets.UTF_8));

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String username;
  private static String token;
  private static String subject;
  private static String otherSubject;
  private static String sheetId;
  private static String applicationId;

  @BeforeAll
  static void aFreelancerWithAHistoryAndAnotherSharingWithTheSameAgency() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "export-" + SUFFIX, "{\"displayName\":\"輸出エージェント " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());

    username = "exporter-" + SUFFIX;
    token = freelancer(username);
    subject = field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            """
            {"name":"輸出 花子","title":"Kotlin エンジニア %s","summary":"決済基盤",
             "skills":[{"name":"Kotlin","category":"LANGUAGE","years":6}],
             "desired":{"monthlyRateMinYen":700000,"daysPerWeek":5,"workStyle":"REMOTE"},
             "expectedVersion":0}
            """
                .formatted(SUFFIX)));
    HttpResponse<String> uploaded =
        platform.upload(
            "/api/v1/me/skill-sheets?fileName=" + "経歴書-" + SUFFIX + ".txt",
            token,
            "text/plain",
            SHEET);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    sheetId = field(uploaded.body(), "id");
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            token,
            "{\"status\":\"AVAILABLE\",\"daysPerWeek\":5,\"hoursPerDay\":8,\"workStyle\":\"REMOTE\"}"));
    created(
        platform.send(
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/messages",
            token,
            message(TO_TENANT)));
    created(
        platform.send(
            "POST",
            staffPath("/conversations/" + subject + "/messages"),
            staffToken,
            message(FROM_TENANT)));

    String jobId = StaffCalls.openJob(platform, tenant.slug(), staffToken, "Kotlin 決済 " + SUFFIX);
    HttpResponse<String> applied =
        platform.send(
            "POST",
            "/api/v1/postings/" + jobId + "/applications",
            token,
            "{\"coverNote\":\"" + COVER + "\",\"proposedRateYen\":750000}");
    created(applied);
    applicationId =
        json(applied.body()).asJsonObject().getJsonObject("application").getString("id");
    created(
        platform.send(
            "POST",
            staffPath("/applications/" + applicationId + "/notes"),
            staffToken,
            "{\"body\":\"" + NOTE + "\"}"));

    String other = freelancer("other-" + SUFFIX);
    otherSubject = field(platform.send("GET", "/api/v1/me", other, null).body(), "subject");
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            other,
            "{\"name\":\"別人 太郎\",\"title\":\"" + OTHERS_TITLE + "\",\"expectedVersion\":0}"));
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), other, null));
    created(
        platform.send(
            "POST",
            "/api/v1/me/conversations/" + tenant.slug() + "/messages",
            other,
            message(OTHERS_MESSAGE)));
  }

  @Test
  void theArchiveHoldsEverythingOfTheFreelancerAndNothingOfAnyoneElse() throws IOException {
    // A download of the original before the export: both are on the access log afterwards.
    HttpResponse<byte[]> original =
        platform.download("/api/v1/me/skill-sheets/" + sheetId + "/original", token);
    assertThat(original.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> export = platform.download("/api/v1/me/export", token);
    assertThat(export.statusCode())
        .as(new String(export.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValue(
            "attachment; filename=\"proxima-export-"
                + LocalDate.now(ZoneId.of("Asia/Tokyo"))
                + ".zip\"");
    Map<String, byte[]> files = unzip(export.body());

    assertThat(files)
        .containsKeys(
            "README.txt",
            "account.json",
            "profile.json",
            "personal-details.json",
            "availability.json",
            "consents.json",
            "consent-log.json",
            "skill-sheets/skill-sheets.json",
            "messages.json",
            "applications.json",
            "interviews.json",
            "scouts.json",
            "contracts.json",
            "notifications.json",
            "notification-settings.json",
            "saved-searches.json",
            "favourites.json",
            "talent-invitations.json",
            "calendar.json",
            "access-log.json");
    // Every JSON file parses.
    files.forEach(
        (name, content) -> {
          if (name.endsWith(".json")) {
            assertThat(json(text(content))).as(name).isNotNull();
          }
        });

    assertThat(text(files.get("README.txt")))
        .contains("Proxima 登録データ一式", "Proxima data export", "profile.json", "messages.json");
    assertThat(field(text(files.get("account.json")), "subject")).isEqualTo(subject);
    JsonObject profile = json(text(files.get("profile.json"))).asJsonObject();
    assertThat(profile.getString("title")).isEqualTo("Kotlin エンジニア " + SUFFIX);
    assertThat(profile.getJsonArray("skills").getJsonObject(0).getString("name"))
        .isEqualTo("Kotlin");
    assertThat(profile.getJsonObject("desired").getInt("monthlyRateMinYen")).isEqualTo(700000);
    assertThat(json(text(files.get("availability.json"))).asJsonObject().getString("status"))
        .isEqualTo("AVAILABLE");

    JsonArray consents =
        json(text(files.get("consents.json"))).asJsonObject().getJsonArray("consents");
    assertThat(consents).hasSize(1);
    assertThat(consents.getJsonObject(0).getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(consents.getJsonObject(0).getString("tenantName")).isEqualTo("輸出エージェント " + SUFFIX);
    assertThat(consents.getJsonObject(0).getBoolean("active")).isTrue();
    assertThat(consents.getJsonObject(0).getString("purpose")).isEqualTo("案件のご紹介と契約手続きのため");
    assertThat(consents.getJsonObject(0).getJsonArray("sharedItems").toString())
        .contains("PROFILE", "AVAILABILITY");
    JsonArray consentLog = json(text(files.get("consent-log.json"))).asJsonArray();
    assertThat(consentLog).hasSize(1);
    assertThat(consentLog.getJsonObject(0).getString("kind")).isEqualTo("GIVEN");
    assertThat(consentLog.getJsonObject(0).getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(consentLog.getJsonObject(0).getString("purpose")).isEqualTo("案件のご紹介と契約手続きのため");

    JsonArray sheets = json(text(files.get("skill-sheets/skill-sheets.json"))).asJsonArray();
    assertThat(sheets).hasSize(1);
    JsonObject sheet = sheets.getJsonObject(0);
    assertThat(sheet.getJsonObject("upload").getString("id")).isEqualTo(sheetId);
    assertThat(sheet.getJsonObject("upload").getString("fileName"))
        .isEqualTo("経歴書-" + SUFFIX + ".txt");
    assertThat(sheet.getJsonObject("upload").getJsonObject("draft")).isNotNull();
    assertThat(files.get(sheet.getString("originalFile")))
        .as("the original, decrypted from the vault, byte for byte")
        .isEqualTo(SHEET);
    assertThat(text(files.get(sheet.getString("textFile")))).contains("Kotlin");

    JsonArray conversations = json(text(files.get("messages.json"))).asJsonArray();
    assertThat(conversations).hasSize(1);
    JsonObject conversation = conversations.getJsonObject(0);
    assertThat(conversation.getString("tenantSlug")).isEqualTo(tenant.slug());
    assertThat(conversation.getString("tenantName")).isEqualTo("輸出エージェント " + SUFFIX);
    assertThat(conversation.getJsonArray("messages").toString())
        .contains(TO_TENANT, FROM_TENANT, "FREELANCER", "TENANT");

    JsonArray applications = json(text(files.get("applications.json"))).asJsonArray();
    assertThat(applications).hasSize(1);
    assertThat(applications.getJsonObject(0).getJsonObject("application").getString("id"))
        .isEqualTo(applicationId);
    assertThat(applications.getJsonObject(0).getJsonObject("application").getString("coverNote"))
        .isEqualTo(COVER);

    assertThat(text(files.get("access-log.json")))
        .as("this export and the download before it")
        .contains("\"EXPORT\"", "\"SHEET_ORIGINAL\"");

    String everything = everything(files);
    assertThat(everything)
        .as("nothing of the other freelancer, nor the agency's private note")
        .doesNotContain(otherSubject, OTHERS_MESSAGE, OTHERS_TITLE, "別人", NOTE);

    // The export is on the freelancer's 閲覧履歴 and the platform's audit chain.
    HttpResponse<String> views = platform.send("GET", "/api/v1/me/profile/views", token, null);
    assertThat(views.statusCode()).isEqualTo(200);
    JsonObject newest = json(views.body()).asJsonArray().getJsonObject(0);
    assertThat(newest.getString("what")).isEqualTo("EXPORT");
    assertThat(newest.containsKey("tenantName") && !newest.isNull("tenantName")).isFalse();
    assertThat(
            platform
                .send(
                    "GET",
                    "/api/v1/platform/audit-events?tenant=platform&action=personal-data.exported",
                    platform.consoleToken(),
                    null)
                .body())
        .contains(subject);
  }

  @Test
  void aNewAccountGetsAValidArchiveOfWhatExistsAndTheExportIsRateLimited() throws IOException {
    String fresh = freelancer("fresh-" + SUFFIX);
    HttpResponse<byte[]> export = platform.download("/api/v1/me/export", fresh);
    assertThat(export.statusCode())
        .as(new String(export.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    Map<String, byte[]> files = unzip(export.body());
    assertThat(text(files.get("README.txt"))).contains("fresh-" + SUFFIX);
    assertThat(json(text(files.get("profile.json"))).asJsonObject().getInt("version")).isZero();
    assertThat(text(files.get("availability.json")).strip()).isEqualTo("null");
    assertThat(json(text(files.get("messages.json"))).asJsonArray()).isEmpty();
    assertThat(json(text(files.get("skill-sheets/skill-sheets.json"))).asJsonArray()).isEmpty();
    assertThat(json(text(files.get("applications.json"))).asJsonArray()).isEmpty();
    assertThat(json(text(files.get("notifications.json"))).asJsonArray()).isEmpty();
    assertThat(files.keySet())
        .noneMatch(name -> name.startsWith("skill-sheets/") && !name.endsWith(".json"));

    // A couple a minute: the third in a row waits, told how long.
    assertThat(platform.download("/api/v1/me/export", fresh).statusCode()).isEqualTo(200);
    HttpResponse<String> third = platform.send("GET", "/api/v1/me/export", fresh, null);
    assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
    assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void theSharingPageDownloadsTheArchiveAndTheProfileListsIt() {
    String name = "browser-" + SUFFIX;
    String browserToken = freelancer(name);
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/sharing");
      browser.signInOnLoginPage(name, "pw-" + SUFFIX);
      assertThat(browser.visible(By.id("data-export-explain")).getText())
          .contains("スキルシート", "メッセージ", "ZIP");
      browser.screenshot("data-export-button");
      browser.click(By.id("data-export"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          driver ->
              driver.findElement(By.id("data-export-notice")).getText().contains("ダウンロードしました"));
      browser.script("document.getElementById('data-export-notice').scrollIntoView()");
      browser.screenshot("data-export-done");

      browser.go(platform.baseUrl() + "/profile");
      WebElement views = browser.visible(By.id("profile-views"));
      assertThat(views.getText()).contains("登録データ一式のダウンロード", "ご本人の操作");
      browser.script("document.getElementById('profile-views').scrollIntoView()");
      browser.screenshot("data-export-access-log");
    }
    assertThat(platform.send("GET", "/api/v1/me/profile/views", browserToken, null).body())
        .as("the browser's fetch reached the server as an export")
        .contains("\"EXPORT\"");
  }

  @Test
  void withoutATokenThereIsNoArchive() {
    HttpResponse<String> anonymous = platform.send("GET", "/api/v1/me/export", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("PK");
  }

  private static String freelancer(String name) {
    platform.keycloakAdmin.createUser(name, name + "@example.jp", name, "pw-" + SUFFIX);
    return platform.token("proxima-portal", name, "pw-" + SUFFIX);
  }

  private static String staffPath(String path) {
    return StaffCalls.staffPath(tenant.slug(), path);
  }

  private static JsonStructure json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.read();
    }
  }

  private static String text(byte[] content) {
    assertThat(content).isNotNull();
    return new String(content, StandardCharsets.UTF_8);
  }

  private static String everything(Map<String, byte[]> files) {
    StringBuilder all = new StringBuilder();
    files.values().forEach(content -> all.append(new String(content, StandardCharsets.UTF_8)));
    return all.toString();
  }

  static Map<String, byte[]> unzip(byte[] archive) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        assertThat(entry.getName()).doesNotContain("..").doesNotStartWith("/");
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
