package io.proxima.platform;

import static io.proxima.platform.StaffCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The consent-and-purpose log on a running node: a tenant states its purpose of use, the freelancer
 * is shown it (and what is shared) before sharing, every grant and revocation is logged with the
 * purpose as shown then, a purpose the tenant changes later rewrites nothing and is shown to the
 * freelancer as changed; another freelancer and another tenant see none of it; bad input is a 4xx
 * problem; a purpose changed between reading the terms and sharing is refused (409, with the
 * current terms) when the version read is sent. In Chromium, the sharing page shows the purpose
 * before sharing, asks again with the new purpose when it changed meanwhile, shows the changed
 * purpose and the log, in Japanese and English.
 */
class ConsentLogIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String DEFAULT_PURPOSE = "案件のご紹介と契約手続きのため";
  private static final String FIRST_PURPOSE = "SES案件のご紹介のため " + SUFFIX;
  private static final String SECOND_PURPOSE = "案件のご紹介と匿名の統計作成のため " + SUFFIX;

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;
  private static RunningPlatform.ProvisionedTenant other;
  private static String admin;
  private static String otherAdmin;

  @BeforeAll
  static void twoAgencies() {
    platform = RunningPlatform.get();
    agency =
        platform.provisionTenant(
            "purpose-" + SUFFIX, "{\"displayName\":\"目的エージェント " + SUFFIX + "\"}");
    other =
        platform.provisionTenant(
            "purpose-o-" + SUFFIX, "{\"displayName\":\"別エージェント " + SUFFIX + "\"}");
    admin = platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password());
    otherAdmin = platform.token("tenant-" + other.slug(), other.adminEmail(), other.password());
  }

  @Test
  void everyGrantAndRevocationIsLoggedWithThePurposeAsShownThenAndNeverRewritten() {
    // A new tenant offers the platform's default; its administrator states its own.
    JsonObject purpose = json(platform.send("GET", purposePath(agency), admin, null), 200);
    assertThat(purpose.getString("purpose")).isEqualTo(DEFAULT_PURPOSE);
    assertThat(purpose.getBoolean("own")).isFalse();
    assertThat(strings(purpose.getJsonArray("sharedItems")))
        .containsExactly(
            "PROFILE", "SKILL_SHEET", "EMAIL", "AVAILABILITY", "MESSAGES", "CANDIDACY");
    JsonObject stated = statePurpose(agency, admin, FIRST_PURPOSE);
    assertThat(stated.getString("purpose")).isEqualTo(FIRST_PURPOSE);
    assertThat(stated.getBoolean("own")).isTrue();

    String freelancer = freelancer("log");
    // Shown before sharing: on the terms operation and in the agency directory.
    JsonObject terms =
        json(
            platform.send(
                "GET", "/api/v1/me/consents/" + agency.slug() + "/terms", freelancer, null),
            200);
    assertThat(terms.getString("purpose")).isEqualTo(FIRST_PURPOSE);
    assertThat(terms.getString("tenantName")).isEqualTo("目的エージェント " + SUFFIX);
    assertThat(strings(terms.getJsonArray("sharedItems"))).contains("PROFILE", "AVAILABILITY");
    assertThat(
            platform
                .send("GET", "/api/v1/agencies?q=" + encode("目的エージェント " + SUFFIX), freelancer, null)
                .body())
        .contains(FIRST_PURPOSE);

    JsonObject given =
        json(platform.send("PUT", "/api/v1/me/consents/" + agency.slug(), freelancer, null), 200);
    assertThat(given.getString("purpose")).isEqualTo(FIRST_PURPOSE);
    assertThat(given.getBoolean("purposeChanged")).isFalse();
    assertThat(given.getString("givenVia")).isEqualTo("PORTAL");
    // Sharing again while shared changes nothing and logs nothing.
    ok(platform.send("PUT", "/api/v1/me/consents/" + agency.slug(), freelancer, null));

    // The tenant changes its purpose: the consent keeps the one it was given for, and says so.
    statePurpose(agency, admin, SECOND_PURPOSE);
    JsonObject mine = consentWith(freelancer, agency);
    assertThat(mine.getString("purpose")).isEqualTo(FIRST_PURPOSE);
    assertThat(mine.getString("currentPurpose")).isEqualTo(SECOND_PURPOSE);
    assertThat(mine.getBoolean("purposeChanged")).isTrue();

    ok(platform.send("DELETE", "/api/v1/me/consents/" + agency.slug(), freelancer, null));
    JsonObject again =
        json(platform.send("PUT", "/api/v1/me/consents/" + agency.slug(), freelancer, null), 200);
    assertThat(again.getString("purpose")).isEqualTo(SECOND_PURPOSE);
    assertThat(again.getBoolean("purposeChanged")).isFalse();

    JsonArray log = log(freelancer);
    assertThat(log.stream().map(JsonObject.class::cast).map(e -> e.getString("kind")).toList())
        .containsExactly("GIVEN_AGAIN", "REVOKED", "GIVEN");
    assertThat(log.stream().map(JsonObject.class::cast).map(e -> e.getString("purpose")).toList())
        .as("each entry with the purpose as shown at its time")
        .containsExactly(SECOND_PURPOSE, FIRST_PURPOSE, FIRST_PURPOSE);
    assertThat(log.getJsonObject(0).getString("tenantSlug")).isEqualTo(agency.slug());
    assertThat(strings(log.getJsonObject(0).getJsonArray("sharedItems"))).contains("EMAIL");

    // Another freelancer and another tenant see none of it.
    String someoneElse = freelancer("else");
    ok(platform.send("PUT", "/api/v1/me/consents/" + other.slug(), someoneElse, null));
    assertThat(log(someoneElse)).hasSize(1);
    assertThat(log(someoneElse).toString())
        .doesNotContain(FIRST_PURPOSE, SECOND_PURPOSE, agency.slug());
    assertThat(log(freelancer).toString()).doesNotContain(other.slug());
    JsonObject othersPurpose =
        json(platform.send("GET", purposePath(other), otherAdmin, null), 200);
    assertThat(othersPurpose.getString("purpose")).isEqualTo(DEFAULT_PURPOSE);
    // A's staff cannot read or change B's purpose through B's path.
    assertThat(platform.send("GET", purposePath(other), admin, null).statusCode()).isIn(403, 404);
    assertThat(
            platform.send("PUT", purposePath(other), admin, "{\"purpose\":\"乗っ取り\"}").statusCode())
        .isIn(403, 404);
    assertThat(json(platform.send("GET", purposePath(other), otherAdmin, null), 200).toString())
        .doesNotContain("乗っ取り");
  }

  @Test
  void aPurposeChangedBetweenReadingAndSharingIsRefusedWithTheCurrentTerms() {
    RunningPlatform.ProvisionedTenant changing =
        platform.provisionTenant(
            "purpose-v-" + SUFFIX, "{\"displayName\":\"変更エージェント " + SUFFIX + "\"}");
    String changingAdmin =
        platform.token("tenant-" + changing.slug(), changing.adminEmail(), changing.password());
    statePurpose(changing, changingAdmin, FIRST_PURPOSE);
    String freelancer = freelancer("version");
    String terms = "/api/v1/me/consents/" + changing.slug() + "/terms";
    String share = "/api/v1/me/consents/" + changing.slug();
    String read = json(platform.send("GET", terms, freelancer, null), 200).getString("version");
    assertThat(read).matches("[A-Za-z0-9_-]{12}");

    // The tenant changes its purpose after the freelancer read it: that version is refused.
    statePurpose(changing, changingAdmin, SECOND_PURPOSE);
    HttpResponse<String> stale =
        platform.send("PUT", share + "?termsVersion=" + read, freelancer, null);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertProblem(stale);
    JsonObject problem = RunningPlatform.json(stale.body());
    assertThat(problem.getString("type")).isEqualTo("urn:proxima:problem:consent-terms-changed");
    JsonObject current = problem.getJsonObject("terms");
    assertThat(current.getString("purpose")).isEqualTo(SECOND_PURPOSE);
    assertThat(current.getString("tenantSlug")).isEqualTo(changing.slug());
    assertThat(strings(current.getJsonArray("sharedItems"))).contains("PROFILE", "EMAIL");
    assertThat(current.getString("version"))
        .isNotEqualTo(read)
        .isEqualTo(json(platform.send("GET", terms, freelancer, null), 200).getString("version"));
    assertThat(log(freelancer)).as("nothing shared, nothing logged").isEmpty();
    assertThat(platform.send("GET", "/api/v1/me/consents", freelancer, null).body())
        .doesNotContain(changing.slug());

    // Bad input is a 400, not a stale version.
    HttpResponse<String> bad =
        platform.send("PUT", share + "?termsVersion=" + encode("<x>"), freelancer, null);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertProblem(bad);

    // The terms shown again, agreed to: shared for the purpose now shown.
    JsonObject given =
        json(
            platform.send(
                "PUT", share + "?termsVersion=" + current.getString("version"), freelancer, null),
            200);
    assertThat(given.getString("purpose")).isEqualTo(SECOND_PURPOSE);
    // Without a version (an API client), today's terms apply, as before.
    ok(platform.send("DELETE", share, freelancer, null));
    statePurpose(changing, changingAdmin, FIRST_PURPOSE);
    assertThat(json(platform.send("PUT", share, freelancer, null), 200).getString("purpose"))
        .isEqualTo(FIRST_PURPOSE);
  }

  @Test
  void onlyTheTenantsAdministratorsStateThePurposeAndBadPurposesAreProblems() {
    String freelancer = freelancer("nosy");
    HttpResponse<String> byFreelancer =
        platform.send("PUT", purposePath(agency), freelancer, "{\"purpose\":\"勝手な目的\"}");
    assertThat(byFreelancer.statusCode()).isIn(403, 404);
    assertProblem(byFreelancer);

    for (String body :
        List.of(
            "{\"purpose\":\"   \"}",
            "{\"purpose\":\"" + "あ".repeat(501) + "\"}",
            "{\"purpose\":\"制御\\u0000文字\"}",
            "{\"purpose\":",
            "[]")) {
      HttpResponse<String> refused = platform.send("PUT", purposePath(agency), admin, body);
      assertThat(refused.statusCode()).as(body + " → " + refused.body()).isEqualTo(400);
      assertProblem(refused);
    }
    HttpResponse<String> unknown =
        platform.send(
            "GET", "/api/v1/me/consents/no-such-" + SUFFIX + "/terms", freelancer("terms"), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertProblem(unknown);
    assertThat(platform.send("GET", "/api/v1/me/consents/log", null, null).statusCode())
        .isEqualTo(401);

    // Null goes back to the platform's default.
    JsonObject reset = statePurpose(other, otherAdmin, null);
    assertThat(reset.getString("purpose")).isEqualTo(DEFAULT_PURPOSE);
    assertThat(reset.getBoolean("own")).isFalse();
  }

  @Test
  void theSharingPageShowsThePurposeBeforeSharingTheChangeAndTheLog() {
    RunningPlatform.ProvisionedTenant shown =
        platform.provisionTenant(
            "purpose-b-" + SUFFIX, "{\"displayName\":\"表示エージェント " + SUFFIX + "\"}");
    String shownAdmin =
        platform.token("tenant-" + shown.slug(), shown.adminEmail(), shown.password());
    // The page first reads this purpose; it changes to FIRST_PURPOSE before the share arrives.
    String earlier = "読んだ時点の利用目的 " + SUFFIX;
    statePurpose(shown, shownAdmin, earlier);
    String name = "fl-browser-" + SUFFIX;
    platform.keycloakAdmin.createUser(name, name + "@example.jp", "Ken", "pw-" + SUFFIX);
    String token = platform.token("proxima-portal", name, "pw-" + SUFFIX);

    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/sharing");
      browser.signInOnLoginPage(name, "pw-" + SUFFIX);
      assertThat(browser.visible(By.id("sharing-items")).getText())
          .contains("プロフィール", "メールアドレス", "稼働状況", "メッセージ");
      assertThat(browser.visible(By.id("sharing-explanation")).getText()).contains("利用目的");
      // What confirm() asked is kept, and the answer is yes. While the first question is open
      // the tenant's administrator changes the purpose (a synchronous call from the page).
      browser.script(
          "const path = arguments[0], bearer = arguments[1], purpose = arguments[2];"
              + " window.__asked = []; window.confirm = (text) => { window.__asked.push(text);"
              + " if (window.__asked.length === 1) { const x = new XMLHttpRequest();"
              + " x.open('PUT', path, false);"
              + " x.setRequestHeader('Authorization', 'Bearer ' + bearer);"
              + " x.setRequestHeader('Content-Type', 'application/json');"
              + " x.send(JSON.stringify({purpose: purpose})); }"
              + " return true; };",
          purposePath(shown),
          shownAdmin,
          FIRST_PURPOSE);
      browser.visible(By.id("agency-search")).sendKeys("表示エージェント " + SUFFIX);
      By listed = By.cssSelector("[data-testid='agency-" + shown.slug() + "']");
      String picked =
          browser.waitUntil(
              Duration.ofSeconds(30),
              driver -> {
                String text = driver.findElement(listed).getText();
                return text.contains(earlier) ? text : null;
              });
      assertThat(picked).contains("利用目的");
      browser.script("document.getElementById('agency-picker').scrollIntoView()");
      browser.screenshot("consent-purpose-picker");
      browser.click(By.cssSelector("[data-testid='pick-" + shown.slug() + "']"));
      browser.visible(By.cssSelector("[data-testid='consent-" + shown.slug() + "']"));
      assertThat(browser.script("return window.__asked.join('\\n');").toString())
          .as("the purpose and what is shared, asked before the consent was given")
          .contains(FIRST_PURPOSE, "メールアドレス", "表示エージェント " + SUFFIX);
      assertThat(browser.script("return window.__asked[0];").toString()).contains(earlier);
      assertThat(browser.script("return window.__asked[1];").toString())
          .as("refused as changed, the new purpose is shown and asked about again")
          .contains("変更しました", FIRST_PURPOSE)
          .doesNotContain(earlier);

      // The tenant changes its purpose; the page says so, and the log keeps what was shown.
      statePurpose(shown, shownAdmin, SECOND_PURPOSE);
      browser.go(platform.baseUrl() + "/sharing");
      String cell =
          browser.visible(By.cssSelector("[data-testid='purpose-" + shown.slug() + "']")).getText();
      assertThat(cell).contains(FIRST_PURPOSE, "利用目的が変更されました", SECOND_PURPOSE);
      String log = browser.visible(By.id("consent-log")).getText();
      assertThat(log).contains("公開", "表示エージェント " + SUFFIX, FIRST_PURPOSE);
      assertThat(log).doesNotContain(SECOND_PURPOSE);
      browser.script("document.getElementById('consent-log').scrollIntoView()");
      browser.screenshot("consent-log-ja");
      assertThat(browser.accessibilityFaults()).isEmpty();

      // The same page in English, through the header's language menu.
      new org.openqa.selenium.support.ui.Select(browser.visible(By.id("language")))
          .selectByValue("en");
      browser.waitUntil(
          Duration.ofSeconds(10),
          driver ->
              driver
                  .findElement(By.cssSelector("[data-testid='purpose-" + shown.slug() + "']"))
                  .getText()
                  .contains("The purpose of use has changed"));
      assertThat(
              browser
                  .visible(By.cssSelector("[data-testid='purpose-" + shown.slug() + "']"))
                  .getText())
          .contains("Purpose now: " + SECOND_PURPOSE);
      assertThat(browser.visible(By.id("consent-log-section")).getText())
          .contains("Consent log", "Shared", FIRST_PURPOSE);
      assertThat(browser.visible(By.id("sharing-items")).getText())
          .contains("your e-mail address", "messages with you");
      browser.screenshot("consent-log-en");
    }
    assertThat(log(token)).hasSize(1);
  }

  private static JsonObject statePurpose(
      RunningPlatform.ProvisionedTenant tenant, String bearer, String purpose) {
    String body =
        purpose == null
            ? "{\"purpose\":null}"
            : "{\"purpose\":\"" + purpose.replace("\"", "\\\"") + "\"}";
    return json(platform.send("PUT", purposePath(tenant), bearer, body), 200);
  }

  private static JsonObject consentWith(
      String freelancer, RunningPlatform.ProvisionedTenant tenant) {
    HttpResponse<String> list = platform.send("GET", "/api/v1/me/consents", freelancer, null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return RunningPlatform.jsonArray(list.body()).stream()
        .map(JsonObject.class::cast)
        .filter(consent -> consent.getString("tenantSlug").equals(tenant.slug()))
        .findFirst()
        .orElseThrow();
  }

  private static JsonArray log(String bearer) {
    HttpResponse<String> log = platform.send("GET", "/api/v1/me/consents/log", bearer, null);
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    return RunningPlatform.jsonArray(log.body());
  }

  private static String purposePath(RunningPlatform.ProvisionedTenant tenant) {
    return StaffCalls.staffPath(tenant.slug(), "/sharing-purpose");
  }

  private static String freelancer(String name) {
    String username = "fl-" + name + "-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Ken", "pw-" + SUFFIX);
    return platform.token("proxima-portal", username, "pw-" + SUFFIX);
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(response.body())
        .contains("application/problem+json");
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return RunningPlatform.json(response.body());
  }
}
