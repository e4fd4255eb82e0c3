package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a new user's walk through the portal found, each in a real headless Chromium: signing in on
 * the tenant's own {@code <slug>.proxima.localhost} address, staff opening a freelancer's profile
 * from the board (and the freelancer seeing that view, and the download apart from it), the sharing
 * page's agency picker by name, and a suspended tenant's own page with its live socket closed at
 * once.
 */
class WalkFixesBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;
  private static String agencyName;
  private static String freelancerUser;
  private static String freelancerPassword;
  private static String freelancerId;

  @BeforeAll
  static void anAgencyAndAFreelancerSharingWithIt() {
    platform = RunningPlatform.get();
    agencyName = "ウォーク人材 " + SUFFIX;
    agency =
        platform.provisionTenant(
            "walk-" + SUFFIX,
            """
            {"displayName":"%s","primaryColor":"#2e7d32","accentColor":"#ffb300"}
            """
                .formatted(agencyName));
    freelancerUser = "taro-" + SUFFIX;
    freelancerPassword = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(
        freelancerUser, freelancerUser + "@example.jp", "Taro", freelancerPassword);
    String token = freelancerToken();
    freelancerId = field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
    HttpResponse<String> profile =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            """
            {"name":"山田 太郎","title":"バックエンドエンジニア","summary":"決済基盤の設計と運用が得意です。",
             "skills":[{"name":"Java","years":8},{"name":"PostgreSQL","years":6}],
             "workHistory":[{"company":"株式会社サンプル","via":["株式会社大手SI"],
                             "project":"決済基盤刷新","period":{"from":"2021-04"},
                             "role":"テックリード","teamSize":6,
                             "phases":["BASIC_DESIGN","IMPLEMENTATION"],
                             "technologies":["Java","AWS"],"description":"決済 API の刷新"}],
             "expectedVersion":0}
            """);
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    share(agency.slug());
    HttpResponse<String> available =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            token,
            """
            {"status":"AVAILABLE","daysPerWeek":4,"hoursPerDay":8,"workStyle":"REMOTE",
             "rate":{"minManYen":70,"maxManYen":85},"note":"リモート希望"}
            """);
    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  private static String freelancerToken() {
    return platform.token("proxima-portal", freelancerUser, freelancerPassword);
  }

  private static void share(String slug) {
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + slug, freelancerToken(), null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  /** The tenant's own address under the platform's base domain, on the node's port. */
  private static String subDomain(String slug) {
    URI base = URI.create(platform.baseUrl());
    return base.getScheme() + "://" + slug + ".proxima.localhost:" + base.getPort();
  }

  private static Chromium staffOf(RunningPlatform.ProvisionedTenant tenant, String page) {
    Chromium browser = Chromium.open("ja");
    browser.go(platform.baseUrl() + "/t/" + tenant.slug() + page);
    browser.signInOnLoginPage(tenant.adminEmail(), tenant.password());
    return browser;
  }

  private static Chromium freelancer(String page) {
    Chromium browser = Chromium.open("ja");
    browser.go(platform.baseUrl() + page);
    browser.signInOnLoginPage(freelancerUser, freelancerPassword);
    return browser;
  }

  @Test
  void staffSignInOnTheTenantsOwnSubDomain() {
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(subDomain(agency.slug()) + "/");
      browser.visible(By.id("kc-form-login"));
      assertThat(browser.driver.getCurrentUrl())
          .as("Keycloak's login page, not its 'invalid redirect_uri' error")
          .contains("/realms/proxima/");
      assertThat(browser.driver.findElement(By.id("proxima-brand-name")).getText())
          .isEqualTo(agencyName);
      browser.signInOnLoginPage(agency.adminEmail(), agency.password());
      browser.waitUntil(
          Duration.ofSeconds(30), ExpectedConditions.textToBe(By.id("brand-name"), agencyName));
      assertThat(URI.create(browser.driver.getCurrentUrl()).getHost())
          .isEqualTo(agency.slug() + ".proxima.localhost");
      browser.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "open"));
      browser.visible(By.cssSelector("[data-testid='board-card-" + freelancerId + "']"));
      browser.screenshot("walk-subdomain-board");
    }
  }

  @Test
  void staffOpenTheFreelancersProfileFromTheBoardAndTheFreelancerSeesItInTheirViews() {
    try (Chromium staff = staffOf(agency, "/")) {
      By card = By.cssSelector("[data-testid='board-card-" + freelancerId + "'] a.profile-link");
      staff.click(card);
      staff.waitUntil(
          Duration.ofSeconds(30), ExpectedConditions.textToBe(By.id("freelancer-name"), "山田 太郎"));
      staff.visible(By.id("freelancer-work-history"));
      assertThat(staff.driver.findElement(By.id("freelancer-profile")).getText())
          .contains(
              "バックエンドエンジニア",
              "Java",
              "株式会社サンプル · 決済基盤刷新 · テックリード",
              "商流：株式会社大手SI",
              "担当工程：基本設計・実装",
              "リモート希望");
      assertThat(staff.driver.findElement(By.id("freelancer-status")).getText())
          .isEqualTo("すぐに稼働可能");
      assertThat(staff.accessibilityFaults()).isEmpty();
      staff.screenshot("walk-freelancer-profile");

      staff.click(By.id("download-skill-sheet"));
      staff.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("freelancer-notice"), "ダウンロードしました"));
    }

    String views = platform.send("GET", "/api/v1/me/profile/views", freelancerToken(), null).body();
    assertThat(views).contains(agencyName, "\"PROFILE\"", "\"PDF\"");
    String consoleToken = platform.consoleToken();
    String downloads =
        platform
            .send(
                "GET",
                "/api/v1/platform/audit?tenantId=" + agency.id() + "&action=profile.downloaded",
                consoleToken,
                null)
            .body();
    assertThat(downloads)
        .as("the download is on record as a download")
        .contains("profile.downloaded", freelancerId, "\"pdf\"");
    String reads =
        platform
            .send(
                "GET",
                "/api/v1/platform/audit?tenantId=" + agency.id() + "&action=profile.read",
                consoleToken,
                null)
            .body();
    assertThat(reads).contains("profile.read", freelancerId).doesNotContain("\"pdf\"");
    String page =
        platform
            .send(
                "GET",
                "/api/v1/platform/audit-events?tenant=" + agency.id() + "&action=profile.",
                consoleToken,
                null)
            .body();
    assertThat(page)
        .as("the console names the staff member who looked, not only their subject")
        .contains("\"actorName\":\"Aki Mori\"");

    try (Chromium freelancer = freelancer("/profile")) {
      freelancer.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), agencyName));
      WebElement viewsTable = freelancer.visible(By.id("profile-views"));
      assertThat(viewsTable.getText()).contains(agencyName, "Aki Mori");
      freelancer.script("arguments[0].scrollIntoView({block: 'center'});", viewsTable);
      freelancer.screenshot("walk-freelancer-views");
    }
  }

  @Test
  void theFreelancerEditsTheChainTheProjectAndThePhasesOnTheProfilePage() {
    try (Chromium freelancer = freelancer("/profile")) {
      WebElement project = freelancer.visible(By.id("profile-form-workHistory-0-project"));
      assertThat(project.getAttribute("value")).isEqualTo("決済基盤刷新");
      WebElement via = freelancer.visible(By.id("profile-form-workHistory-0-via"));
      assertThat(via.getAttribute("value")).isEqualTo("株式会社大手SI");
      assertThat(
              freelancer
                  .visible(By.id("profile-form-workHistory-0-phase-IMPLEMENTATION"))
                  .isSelected())
          .isTrue();
      via.sendKeys("、株式会社二次請け");
      WebElement operation =
          freelancer.visible(By.id("profile-form-workHistory-0-phase-OPERATION"));
      freelancer.script("arguments[0].scrollIntoView({block: 'center'});", operation);
      operation.click();
      assertThat(freelancer.accessibilityFaults()).isEmpty();
      freelancer.screenshot("walk-profile-engagement-fields");
      freelancer.click(By.id("save-profile"));
      freelancer.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(By.id("profile-notice"), "保存"));
    }
    String saved = platform.send("GET", "/api/v1/me/profile", freelancerToken(), null).body();
    assertThat(saved)
        .contains(
            "\"via\":[\"株式会社大手SI\",\"株式会社二次請け\"]",
            "\"project\":\"決済基盤刷新\"",
            "\"phases\":[\"BASIC_DESIGN\",\"IMPLEMENTATION\",\"OPERATION\"]");
  }

  @Test
  void theJobFormsCheckboxesSitBesideTheirLabelsAndThePostingSaysEachLabelOnce() {
    try (Chromium staff = staffOf(agency, "/jobs/new")) {
      for (String name : List.of("rateTaxIncluded", "trialAvailable")) {
        By box = By.id("job-form-" + name);
        staff.visible(box);
        @SuppressWarnings("unchecked")
        Map<String, Object> layout =
            (Map<String, Object>)
                staff.script(
                    """
                    const box = arguments[0].getBoundingClientRect();
                    const text = arguments[0].closest('label').querySelector('span')
                        .getBoundingClientRect();
                    return {boxWidth: box.width, boxMiddle: box.top + box.height / 2,
                            textMiddle: text.top + text.height / 2, boxRight: box.right,
                            textLeft: text.left};
                    """,
                    staff.driver.findElement(box));
        double boxMiddle = ((Number) layout.get("boxMiddle")).doubleValue();
        double textMiddle = ((Number) layout.get("textMiddle")).doubleValue();
        assertThat(((Number) layout.get("boxWidth")).doubleValue())
            .as(name + ": a checkbox, not a text box's width")
            .isLessThan(30);
        assertThat(Math.abs(boxMiddle - textMiddle))
            .as(name + ": on its label's line, not above it")
            .isLessThan(6);
        assertThat(((Number) layout.get("boxRight")).doubleValue())
            .as(name + ": before its label")
            .isLessThanOrEqualTo(((Number) layout.get("textLeft")).doubleValue());
      }
      staff.script(
          "arguments[0].scrollIntoView({block: 'center'});",
          staff.driver.findElement(By.id("job-form-trialAvailable")));
      staff.screenshot("walk-job-form-checkboxes");
    }

    String staffToken =
        platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password());
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            "/t/" + agency.slug() + "/api/v1/jobs",
            staffToken,
            """
            {"title":"決済基盤 %s","description":"決済 API の刷新","requiredSkills":[{"skill":"Java"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateMinYen":700000,"rateMaxYen":850000,"rateTaxIncluded":false,
             "settlementMinHours":140,"settlementMaxHours":180,"paymentTermsDays":30,
             "trialAvailable":true}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String jobId = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send(
            "POST",
            "/t/" + agency.slug() + "/api/v1/jobs/" + jobId + "/publish",
            staffToken,
            "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isBetween(200, 204);

    try (Chromium browser = freelancer("/jobs/" + jobId)) {
      browser.visible(By.cssSelector("#posting dl.explain"));
      @SuppressWarnings("unchecked")
      List<List<String>> terms =
          (List<List<String>>)
              browser.script(
                  """
                  return Array.from(document.querySelectorAll('#posting dl.explain > div'))
                      .map(d => [d.querySelector('dt').textContent.trim(),
                                 d.querySelector('dd').textContent.trim()]);
                  """);
      assertThat(terms).extracting(term -> term.get(0)).contains("精算幅", "支払いサイト");
      for (List<String> term : terms) {
        assertThat(term.get(1))
            .as("the value of " + term.get(0) + " does not say its label again")
            .doesNotContain(term.get(0));
      }
      assertThat(terms).contains(List.of("精算幅", "140〜180時間"), List.of("支払いサイト", "30日"));
      browser.screenshot("walk-posting-terms");
    }
  }

  @Test
  void theSharingPageFindsAgenciesByNameAndNeverCompanies() {
    String otherAgencyName = "みなと人材 " + SUFFIX;
    RunningPlatform.ProvisionedTenant other =
        platform.provisionTenant(
            "minato-" + SUFFIX,
            """
            {"displayName":"%s","primaryColor":"#1565c0","accentColor":"#ff7043"}
            """
                .formatted(otherAgencyName));
    String companySlug = "minato-co-" + SUFFIX;
    HttpResponse<String> company =
        platform.send(
            "POST",
            "/api/v1/platform/tenants",
            platform.consoleToken(),
            """
            {"slug":"%s","type":"COMPANY","plan":"standard",
             "branding":{"displayName":"みなと商事 %s"},
             "firstAdmin":{"email":"admin-%s@example.jp","firstName":"Ken","lastName":"Abe"}}
            """
                .formatted(companySlug, SUFFIX, companySlug));
    assertThat(company.statusCode()).as(company.body()).isEqualTo(201);

    String listed =
        platform.send("GET", "/api/v1/agencies?q=" + SUFFIX, freelancerToken(), null).body();
    assertThat(listed).contains(other.slug(), agency.slug()).doesNotContain(companySlug);
    assertThat(listed).as("no tenant id leaves").doesNotContain(other.id());

    try (Chromium browser = freelancer("/sharing")) {
      browser.visible(By.id("agency-search")).sendKeys("みなと");
      By pick = By.cssSelector("[data-testid='pick-" + other.slug() + "']");
      browser.visible(pick);
      assertThat(browser.driver.findElement(By.id("agency-results")).getText())
          .contains(otherAgencyName)
          .doesNotContain("みなと商事");
      browser.screenshot("walk-sharing-picker");
      browser.click(pick);
      browser.waitUntil(Duration.ofSeconds(10), ExpectedConditions.alertIsPresent()).accept();
      browser.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(
              By.cssSelector("[data-testid='consent-" + other.slug() + "']"),
              "data-active",
              "true"));
      browser.screenshot("walk-sharing-picked");
    }
  }

  @Test
  void aSuspendedTenantsPeopleSeeItsOwnSuspensionPageAndItsSocketsCloseAtOnce() {
    String name = "停止テスト " + SUFFIX;
    RunningPlatform.ProvisionedTenant suspended =
        platform.provisionTenant(
            "halt-" + SUFFIX,
            """
            {"displayName":"%s","primaryColor":"#6a1b9a","accentColor":"#ffb300"}
            """
                .formatted(name));
    try (Chromium staff = staffOf(suspended, "/")) {
      staff.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "open"));
      HttpResponse<String> suspend =
          platform.send(
              "POST",
              "/api/v1/platform/tenants/" + suspended.id() + "/suspend",
              platform.consoleToken(),
              null);
      assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);
      // The sockets' own re-check runs once a minute; the page must not wait for it.
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.visibilityOfElementLocated(By.id("tenant-suspended")));
      assertThat(staff.driver.findElements(By.id("connection")))
          .as("nothing says 'live' any more")
          .isEmpty();
      assertThat(staff.driver.findElement(By.id("tenant-suspended")).getText())
          .contains(name + " のポータルは現在ご利用いただけません");
      staff.screenshot("walk-suspended-while-open");
    }
    try (Chromium fresh = Chromium.open("ja")) {
      fresh.go(platform.baseUrl() + "/t/" + suspended.slug() + "/");
      fresh.visible(By.id("tenant-suspended"));
      assertThat(fresh.driver.getCurrentUrl())
          .as("the portal's own page, not Keycloak's 'client disabled'")
          .doesNotContain("/realms/");
      assertThat(fresh.driver.findElement(By.id("suspended-brand-name")).getText()).isEqualTo(name);
      assertThat(fresh.accessibilityFaults()).isEmpty();
      fresh.screenshot("walk-suspended-ja");
      new org.openqa.selenium.support.ui.Select(
              fresh.driver.findElement(By.cssSelector("#tenant-suspended select")))
          .selectByValue("en");
      fresh.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("tenant-suspended"), "The " + name + " portal is unavailable right now"));
      fresh.screenshot("walk-suspended-en");
    }
  }
}
