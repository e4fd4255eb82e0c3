package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real headless Chromium: each tenant's branded sign-in and pages, a company user's
 * board following a freelancer who changes their availability in another browser, and a chat
 * message there and back with its read receipt.
 */
class PortalBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant sakura;
  private static RunningPlatform.ProvisionedTenant kaede;
  private static String freelancerUser;
  private static String freelancerPassword;
  private static String freelancerId;

  @BeforeAll
  static void twoBrandedTenantsAndAFreelancerSharingWithOne() {
    platform = RunningPlatform.get();
    sakura =
        platform.provisionTenant(
            "sakura-ui-" + SUFFIX,
            """
            {"displayName":"さくらテック %s","primaryColor":"#c2185b","accentColor":"#ffb300"}
            """
                .formatted(SUFFIX));
    kaede =
        platform.provisionTenant(
            "kaede-ui-" + SUFFIX,
            """
            {"displayName":"Kaede Partners %s","primaryColor":"#00695c","accentColor":"#ff7043"}
            """
                .formatted(SUFFIX));
    freelancerUser = "hana-" + SUFFIX;
    freelancerPassword = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(
        freelancerUser, freelancerUser + "@example.jp", "Hana", freelancerPassword);
    String token = platform.token("proxima-portal", freelancerUser, freelancerPassword);
    freelancerId = field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
    HttpResponse<String> profile =
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            """
            {"name":"Hana Test","title":"バックエンドエンジニア","summary":"",
             "skills":[{"name":"Java","years":8},{"name":"Jakarta EE","years":5},
                       {"name":"PostgreSQL","years":6}],
             "expectedVersion":0}
            """);
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + sakura.slug(), token, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    HttpResponse<String> available =
        platform.send(
            "PUT",
            "/api/v1/me/availability",
            token,
            """
            {"status":"AVAILABLE","daysPerWeek":4,"hoursPerDay":8,"workStyle":"REMOTE",
             "rate":{"minManYen":70,"maxManYen":85},"note":"Java / Jakarta EE / Pekko"}
            """);
    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
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
  void eachTenantSignsInOnItsOwnBrandedPageAndSeesItsOwnBrandedPortal() {
    record Brand(RunningPlatform.ProvisionedTenant tenant, String name, String rgb) {}
    for (Brand brand :
        new Brand[] {
          new Brand(sakura, "さくらテック " + SUFFIX, "rgb(194, 24, 91)"),
          new Brand(kaede, "Kaede Partners " + SUFFIX, "rgb(0, 105, 92)")
        }) {
      try (Chromium browser = Chromium.open("ja")) {
        browser.go(platform.baseUrl() + "/t/" + brand.tenant().slug() + "/");
        browser.visible(By.id("kc-form-login"));
        assertThat(browser.driver.getCurrentUrl()).contains("/realms/proxima/");
        assertThat(browser.driver.getTitle()).contains(brand.name());
        assertThat(browser.driver.findElement(By.id("proxima-brand-name")).getText())
            .isEqualTo(brand.name());
        browser.screenshot("login-" + brand.tenant().slug().replaceAll("-[^-]+$", ""));

        browser.signInOnLoginPage(brand.tenant().adminEmail(), brand.tenant().password());
        browser.waitUntil(
            Duration.ofSeconds(20), ExpectedConditions.textToBe(By.id("brand-name"), brand.name()));
        assertThat(browser.driver.getTitle()).isEqualTo(brand.name());
        assertThat(
                browser.driver.findElement(By.className("topbar")).getCssValue("background-color"))
            .isIn(brand.rgb(), brand.rgb().replace("rgb(", "rgba(").replace(")", ", 1)"));
        assertThat(browser.driver.getCurrentUrl())
            .as("the code is exchanged and removed from the address")
            .doesNotContain("code=");
        browser.waitUntil(
            Duration.ofSeconds(20),
            ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "open"));
        assertThat(browser.accessibilityFaults()).isEmpty();
        browser.screenshot("board-" + brand.tenant().slug().replaceAll("-[^-]+$", ""));
      }
    }
  }

  @Test
  void aCompanyUserSeesTheFreelancersChangeWithinOneSecond() {
    try (Chromium staff = staffOf(sakura, "/");
        Chromium hana = freelancer("/")) {
      By card = By.cssSelector("[data-testid='board-card-" + freelancerId + "']");
      staff.visible(card);
      staff.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "open"));
      hana.visible(By.id("available-next-month"));
      hana.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.attributeToBe(
              By.id("current-availability"), "data-status", "AVAILABLE"));

      hana.click(By.id("available-next-month"));
      hana.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.attributeToBe(
              By.id("current-availability"), "data-status", "AVAILABLE_FROM"));
      long saved = System.nanoTime();
      staff.waitUntil(
          Duration.ofSeconds(1),
          ExpectedConditions.visibilityOfElementLocated(
              By.cssSelector(
                  "[data-testid='board-card-" + freelancerId + "'] .status.AVAILABLE_FROM")));
      System.out.printf(
          "board followed the freelancer %d ms after their save was confirmed%n",
          (System.nanoTime() - saved) / 1_000_000);
      assertThat(hana.accessibilityFaults()).isEmpty();
      hana.screenshot("freelancer-availability");
      staff.screenshot("board-live-change");

      // On a phone the board reflows into one column instead of scrolling sideways.
      staff.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      staff.visible(card);
      assertThat(
              (Boolean)
                  staff.script(
                      "return document.documentElement.scrollWidth <= window.innerWidth + 1"))
          .as("no sideways scrolling at phone width")
          .isTrue();
      assertThat(staff.accessibilityFaults()).isEmpty();
      staff.screenshot("board-phone");
      staff.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

      // Skills come from the freelancer's profile; the filter needs every term typed.
      var skills = staff.driver.findElement(By.name("skills"));
      skills.sendKeys("jakarta, postgres");
      staff.visible(card);
      skills.sendKeys(", cobol");
      staff.waitUntil(Duration.ofSeconds(5), ExpectedConditions.invisibilityOfElementLocated(card));
      skills.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      staff.visible(card);

      // and back, through the full form this time
      new org.openqa.selenium.support.ui.Select(
              hana.driver.findElement(By.cssSelector("#availability-form [name=status]")))
          .selectByValue("AVAILABLE");
      hana.click(By.id("save-availability"));
      staff.waitUntil(
          Duration.ofSeconds(5),
          ExpectedConditions.visibilityOfElementLocated(
              By.cssSelector("[data-testid='board-card-" + freelancerId + "'] .status.AVAILABLE")));
    }
  }

  /**
   * Every page of both sides opens on real data without an error and without an unlabelled control,
   * and an application moves along the kanban from the keyboard.
   */
  @Test
  void everyPageOfBothSidesOpensCleanlyAndTheKanbanMovesFromTheKeyboard() {
    String staffToken =
        platform.token("tenant-" + sakura.slug(), sakura.adminEmail(), sakura.password());
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            "/t/" + sakura.slug() + "/api/v1/jobs",
            staffToken,
            """
            {"title":"決済基盤 Java エンジニア %s","description":"決済基盤の開発",
             "requiredSkills":[{"skill":"Java","years":3}],"preferredSkills":[{"skill":"AWS"}],
             "rateMinYen":600000,"rateMaxYen":900000,"rateTaxIncluded":false,"daysMin":3,
             "daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "trialAvailable":true}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String jobId = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send(
            "POST",
            "/t/" + sakura.slug() + "/api/v1/jobs/" + jobId + "/publish",
            staffToken,
            "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    String freelancerToken = platform.token("proxima-portal", freelancerUser, freelancerPassword);
    HttpResponse<String> applied =
        platform.send("POST", "/api/v1/postings/" + jobId + "/applications", freelancerToken, "{}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String applicationId =
        RunningPlatform.json(applied.body()).getJsonObject("application").getString("id");

    try (Chromium staff = staffOf(sakura, "/jobs")) {
      String[][] pages = {
        {"/jobs", "staff-jobs"},
        {"/jobs/" + jobId, "staff-job"},
        {"/candidates/" + jobId, "staff-candidates"},
        {"/scouts", "staff-scouts"},
        {"/messages", "staff-messages"}
      };
      for (String[] page : pages) {
        openCleanly(staff, "/t/" + sakura.slug() + page[0], page[1]);
      }
      openCleanly(staff, "/t/" + sakura.slug() + "/applications/job/" + jobId, "staff-kanban");
      By card = By.cssSelector("[data-testid='application-card-" + applicationId + "']");
      staff.waitUntil(
          Duration.ofSeconds(10), ExpectedConditions.attributeToBe(card, "data-stage", "APPLIED"));
      By move = By.cssSelector("[data-testid='application-move-" + applicationId + "']");
      staff.driver.findElement(move).sendKeys(Keys.ARROW_DOWN); // the first move: SCREENING
      // the choice re-renders the card: find its form's button afresh
      staff.waitUntil(
          Duration.ofSeconds(5),
          driver -> !driver.findElement(move).getAttribute("value").isEmpty());
      staff.click(
          By.cssSelector(
              "[data-testid='application-card-" + applicationId + "'] button[type='submit']"));
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.attributeToBe(card, "data-stage", "SCREENING"));
      staff.visible(
          By.cssSelector(
              "[data-testid='kanban-column-SCREENING'] [data-testid='application-card-"
                  + applicationId
                  + "']"));
      staff.screenshot("staff-kanban");
    }

    try (Chromium hana = freelancer("/profile")) {
      for (String page :
          new String[] {
            "/", "/profile", "/skill-sheets", "/sharing", "/jobs", "/applications", "/scouts"
          }) {
        openCleanly(
            hana, page, "freelancer" + (page.equals("/") ? "-home" : page.replace('/', '-')));
      }
      openCleanly(hana, "/applications", "freelancer-applications");
      hana.visible(By.cssSelector("[data-testid='my-application-" + applicationId + "']"));
    }
  }

  @Test
  void anInvitedPersonSeesTheOfferOnEveryPageAndJoinsOnlyWhenTheyAccept() {
    HttpResponse<String> invited =
        platform.send(
            "POST",
            "/t/" + kaede.slug() + "/api/v1/members",
            platform.token("tenant-" + kaede.slug(), kaede.adminEmail(), kaede.password()),
            """
            {"email":"%s@example.jp","firstName":"Hana","lastName":"Test","role":"recruiter"}
            """
                .formatted(freelancerUser));
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    try (Chromium hana = freelancer("/profile")) {
      WebElement offer =
          hana.visible(By.cssSelector("[data-testid='invitation-" + kaede.slug() + "']"));
      assertThat(offer.getText()).contains("Kaede Partners").contains("リクルーター");
      assertThat(hana.accessibilityFaults()).isEmpty();
      hana.screenshot("invitation-offer");
      hana.click(By.cssSelector("[data-testid='invitation-" + kaede.slug() + "'] button.accent"));
      hana.waitUntil(
          Duration.ofSeconds(20),
          driver -> driver.getCurrentUrl().contains("/t/" + kaede.slug() + "/"));
      hana.visible(By.tagName("h1"));
      assertThat(hana.visible(By.id("brand-name")).getText()).contains("Kaede Partners");
      hana.screenshot("invitation-accepted");
    }
  }

  /** Opens a page, waits for its heading and its data, and checks it shows no error. */
  private static void openCleanly(Chromium browser, String path, String screenshot) {
    browser.go(platform.baseUrl() + path);
    browser.visible(By.tagName("h1"));
    browser.waitUntil(
        Duration.ofSeconds(15),
        driver -> driver.findElements(By.cssSelector("[aria-busy='true'], .loading")).isEmpty());
    assertThat(browser.alerts()).as("errors on " + path).isEmpty();
    assertThat(browser.accessibilityFaults()).as("on " + path).isEmpty();
    browser.screenshot(screenshot);
  }

  @Test
  void aMessageReachesTheFreelancerAndTheAnswerComesBackWithReceipts() {
    String question = "来週月曜から参画可能でしょうか？ " + SUFFIX;
    String answer = "はい、可能です。 " + SUFFIX;
    try (Chromium staff = staffOf(sakura, "/messages/" + freelancerId);
        Chromium hana = freelancer("/messages")) {
      staff.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.attributeToBe(By.id("connection"), "data-status", "open"));
      staff.visible(By.id("composer")).sendKeys(question, Keys.ENTER);
      staff.visible(By.xpath("//li[@data-testid='message'][contains(., '" + question + "')]"));

      hana.waitUntil(
          Duration.ofSeconds(10), ExpectedConditions.textToBe(By.id("unread-total"), "1"));
      hana.click(By.partialLinkText("さくらテック " + SUFFIX));
      hana.visible(By.xpath("//li[@data-testid='message'][contains(., '" + question + "')]"));
      hana.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.invisibilityOfElementLocated(By.id("unread-total")));
      // The freelancer read it: the company sees the receipt on its message.
      staff.visible(
          By.xpath(
              "//li[@data-testid='message'][contains(., '" + question + "')][contains(., '既読')]"));

      hana.driver.findElement(By.id("composer")).sendKeys(answer);
      staff.waitUntil(
          Duration.ofSeconds(5),
          ExpectedConditions.textToBePresentInElementLocated(By.className("typing"), "入力中"));
      hana.click(By.id("send-message"));
      staff.visible(By.xpath("//li[@data-testid='message'][contains(., '" + answer + "')]"));
      assertThat(hana.accessibilityFaults()).isEmpty();
      assertThat(staff.accessibilityFaults()).isEmpty();
      hana.screenshot("chat-freelancer");
      staff.screenshot("chat-company");
    }
  }
}
