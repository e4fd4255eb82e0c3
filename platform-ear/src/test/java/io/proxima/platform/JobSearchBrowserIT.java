package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The freelancer's job search in a real headless Chromium: a search with an alias and a checkbox
 * filter, the whole query in the URL (the back button and a reload restore it), saving the search,
 * and its alert arriving when the agency publishes a new matching job; a favourite and the similar
 * jobs on a job's page.
 */
class JobSearchBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String WORD = "zb" + SUFFIX.replaceAll("[^a-z]", "q");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;
  private static String staffToken;
  private static String freelancerUser;
  private static String freelancerPassword;

  @BeforeAll
  static void anAgencyWithJobsAndAFreelancer() {
    platform = RunningPlatform.get();
    agency =
        platform.provisionTenant(
            "mori-ui-" + SUFFIX,
            """
            {"displayName":"森テック %s","primaryColor":"#2e7d32","accentColor":"#ffb300"}
            """
                .formatted(SUFFIX));
    staffToken = platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password());
    freelancerUser = "sora-" + SUFFIX;
    freelancerPassword = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(
        freelancerUser, freelancerUser + "@example.jp", "Sora", freelancerPassword);
    publish("Go 決済 API 開発 " + WORD, "Go", "REMOTE", null, null, 900000);
    publish("Go と Kubernetes の基盤構築 " + WORD, "Go", "HYBRID", "東京都渋谷区", "渋谷", 850000);
    publish("Java 業務システム保守 " + WORD, "Java", "ON_SITE", "大阪府大阪市北区", "梅田", 650000);
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  private static String publish(
      String title, String skill, String workStyle, String location, String station, int rate) {
    String details =
        """
        {"title":"%s","description":"%s の案件です。","requiredSkills":[{"skill":"%s","years":3}],
         "preferredSkills":[{"skill":"AWS"}],"rateMinYen":600000,"rateMaxYen":%d,
         "rateTaxIncluded":false,"settlementMinHours":140,"settlementMaxHours":180,
         "daysMin":3,"daysMax":5,"workStyle":"%s","location":%s,"station":%s,
         "startDate":"2027-02-01","durationMonths":6,"contractType":"QUASI_MANDATE",
         "trialAvailable":true,"paymentTermsDays":30,"culture":"STARTUP"}
        """
            .formatted(
                title,
                title,
                skill,
                rate,
                workStyle,
                location == null ? "null" : "\"" + location + "\"",
                station == null ? "null" : "\"" + station + "\"");
    String base = "/t/" + agency.slug() + "/api/v1/jobs";
    HttpResponse<String> drafted = platform.send("POST", base, staffToken, details);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = field(drafted.body(), "id");
    HttpResponse<String> published =
        platform.send("POST", base + "/" + id + "/publish", staffToken, "{\"expectedVersion\":1}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return id;
  }

  private static int results(Chromium browser) {
    return browser.driver.findElements(By.cssSelector("#postings > li")).size();
  }

  private static void awaitResults(Chromium browser, int count) {
    browser.waitUntil(Duration.ofSeconds(30), d -> results(browser) == count ? true : null);
  }

  @Test
  void aFilteredSearchLivesInTheUrlIsSavedAndAlertsWhenANewJobMatches() {
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/jobs");
      browser.signInOnLoginPage(freelancerUser, freelancerPassword);
      browser.visible(By.id("posting-q")).sendKeys("golang " + WORD);
      browser.click(By.id("posting-submit"));
      browser.waitUntil(
          Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("q=golang") ? true : null);
      awaitResults(browser, 2);
      assertThat(browser.driver.findElement(By.id("postings")).getText())
          .as("golang finds the Go jobs")
          .contains("Go 決済 API 開発")
          .contains("Go と Kubernetes の基盤構築")
          .doesNotContain("Java 業務システム保守");
      browser.screenshot("job-search-golang");

      browser.click(By.cssSelector("input[name='workStyle'][value='REMOTE']"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.getCurrentUrl().contains("workStyle=REMOTE") ? true : null);
      awaitResults(browser, 1);
      // The checkbox facet counts without its own filter: ticking ハイブリッド would add one.
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("#filter-workStyle [data-facet-count='HYBRID']"))
                  .getText())
          .isEqualTo("(1)");
      browser.script("window.scrollTo(0, 0)");
      browser.screenshot("job-search-remote");
      String filtered = browser.driver.getCurrentUrl();

      browser.driver.navigate().back();
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> !d.getCurrentUrl().contains("workStyle=REMOTE") ? true : null);
      awaitResults(browser, 2);
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("input[name='workStyle'][value='REMOTE']"))
                  .isSelected())
          .as("the back button restores the search before the filter")
          .isFalse();
      assertThat(browser.driver.findElement(By.id("posting-q")).getAttribute("value"))
          .isEqualTo("golang " + WORD);

      browser.driver.navigate().forward();
      awaitResults(browser, 1);
      browser.driver.navigate().refresh();
      awaitResults(browser, 1);
      assertThat(browser.driver.getCurrentUrl()).isEqualTo(filtered);
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("input[name='workStyle'][value='REMOTE']"))
                  .isSelected())
          .as("a reload shows the same search")
          .isTrue();

      browser.visible(By.id("save-search-name")).sendKeys("リモートの Go 案件");
      browser.click(By.id("save-search-submit"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d ->
              d.findElement(By.id("save-search-notice")).getText().contains("保存しました")
                  ? true
                  : null);
      browser.screenshot("job-search-saved");

      // The agency publishes a new remote Go job: the saved search's alert arrives.
      publish("Go マイクロサービス開発 " + WORD, "Go", "REMOTE", null, null, 950000);
      browser.click(By.id("saved-searches-link"));
      By saved = By.cssSelector("[data-saved-search-name='リモートの Go 案件'] [data-alert-status]");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (!browser.visible(saved).getText().contains("1 件の新着")
          && Instant.now().isBefore(deadline)) {
        sleep(2000);
        browser.driver.navigate().refresh();
      }
      assertThat(browser.visible(saved).getText()).contains("1 件の新着");
      browser.screenshot("saved-search-alert");

      // Opening the saved search shows the search page with its filters and the new job.
      browser.click(By.cssSelector("[data-saved-search-name='リモートの Go 案件'] a.button"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.getCurrentUrl().contains("workStyle=REMOTE") ? true : null);
      awaitResults(browser, 2);
      assertThat(browser.driver.findElement(By.id("postings")).getText()).contains("Go マイクロサービス開発");
    }
  }

  @Test
  void aFavouriteIsListedAndAJobShowsSimilarJobsWithWhy() {
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/jobs?q=" + WORD + "&skill=Go&sort=RATE");
      browser.signInOnLoginPage(freelancerUser, freelancerPassword);
      browser.waitUntil(Duration.ofSeconds(30), d -> results(browser) >= 2 ? true : null);
      By firstStar = By.cssSelector("#postings > li:first-child [data-favourite]");
      browser.click(firstStar);
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> "true".equals(d.findElement(firstStar).getAttribute("aria-pressed")) ? true : null);
      String title =
          browser.driver.findElement(By.cssSelector("#postings > li:first-child h3")).getText();
      browser.click(By.id("favourites-link"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElement(By.id("favourites")).getText().contains(title) ? true : null);
      browser.screenshot("favourite-jobs");

      browser.click(By.cssSelector("#favourites > li:first-child h3 a"));
      browser.visible(By.id("similar-jobs"));
      String similar = browser.driver.findElement(By.id("similar-jobs")).getText();
      assertThat(similar).contains("共通スキル: Go");
      browser.script("document.getElementById('similar-jobs').scrollIntoView()");
      browser.screenshot("posting-similar-jobs");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
