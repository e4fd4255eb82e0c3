package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * From an accepted application to approved hours, in two real headless Chromiums: the staff drafts
 * a trial contract from the kanban card, previews its PDF and signs; the freelancer reads and signs
 * it, the contract is active; the freelancer reports a month, the staff sends it back with a
 * reason, the freelancer corrects it, and the staff approves it and sees the settlement against the
 * 精算幅 before anyone invoices.
 */
class ContractsBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String FREELANCER_NAME = "佐藤 花子";

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String freelancerUser;
  private static String freelancerPassword;
  private static String jobId;
  private static String applicationId;

  @BeforeAll
  static void anAgencyAJobAndAnApplicationAtOffer() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "keiyaku-ui-" + SUFFIX,
            """
            {"displayName":"株式会社みなとエージェント %s","primaryColor":"#1565c0","accentColor":"#ff8f00"}
            """
                .formatted(SUFFIX));
    String staffToken =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    freelancerUser = "hanako-" + SUFFIX;
    freelancerPassword = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(
        freelancerUser, freelancerUser + "@example.jp", "Hanako", freelancerPassword);
    String token = platform.token("proxima-portal", freelancerUser, freelancerPassword);
    ok(
        platform.send(
            "PUT",
            "/api/v1/me/profile",
            token,
            """
            {"name":"%s","title":"バックエンドエンジニア","summary":"",
             "skills":[{"name":"Java","years":8}],"expectedVersion":0}
            """
                .formatted(FREELANCER_NAME)));
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null));

    HttpResponse<String> drafted =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/jobs",
            staffToken,
            """
            {"title":"決済基盤 Java エンジニア %s","description":"決済 API の設計・実装",
             "requiredSkills":[{"skill":"Java","years":3}],"preferredSkills":[],
             "rateMinYen":600000,"rateMaxYen":800000,"rateTaxIncluded":false,
             "settlementMinHours":140,"settlementMaxHours":180,"daysMin":5,"daysMax":5,
             "workStyle":"REMOTE","contractType":"QUASI_MANDATE","trialAvailable":true,
             "paymentTermsDays":30}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    jobId = field(drafted.body(), "id");
    ok(
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/jobs/" + jobId + "/publish",
            staffToken,
            "{\"expectedVersion\":1}"));
    HttpResponse<String> applied =
        platform.send("POST", "/api/v1/postings/" + jobId + "/applications", token, "{}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    applicationId =
        RunningPlatform.json(applied.body()).getJsonObject("application").getString("id");
    long version = 1;
    for (String stage : new String[] {"INTERVIEW", "OFFER"}) {
      ok(
          platform.send(
              "POST",
              "/t/" + tenant.slug() + "/api/v1/applications/" + applicationId + "/stage",
              staffToken,
              "{\"to\":\"" + stage + "\",\"expectedVersion\":" + version++ + "}"));
    }
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void aTrialFromTheKanbanIsSignedByBothAndItsHoursAreSentBackCorrectedAndApproved()
      throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    YearMonth month = YearMonth.from(today);
    String base = platform.baseUrl() + "/t/" + tenant.slug();
    String reason = "第2週の時間が勤怠記録と合いません。ご確認ください " + SUFFIX;

    try (Chromium staff = Chromium.open("ja");
        Chromium hanako = Chromium.open("ja")) {
      // The staff opens the kanban: the application at offer carries the way to a contract.
      staff.go(base + "/applications/job/" + jobId);
      staff.signInOnLoginPage(tenant.adminEmail(), tenant.password());
      By createLink = By.cssSelector("[data-testid='application-contract-" + applicationId + "']");
      staff.visible(createLink);
      staff.screenshot("contracts-01-kanban-offer");
      staff.click(createLink);

      // Prefilled from the job: the trial runs this month so hours can be reported now.
      WebElement title = staff.visible(By.id("contract-form-title"));
      assertThat(title.getAttribute("value")).startsWith("決済基盤 Java エンジニア");
      assertThat(
              staff.driver.findElement(By.id("contract-form-monthlyRateYen")).getAttribute("value"))
          .isEqualTo("800000");
      assertThat(staff.driver.findElement(By.id("contract-form-clientName")).getAttribute("value"))
          .isEqualTo("株式会社みなとエージェント " + SUFFIX);
      assertThat(staff.driver.findElement(By.id("contract-form-kind-TRIAL")).isSelected()).isTrue();
      retype(staff, By.id("contract-form-freelancerName"), FREELANCER_NAME);
      setDate(staff, "contract-form-startDate", month.atDay(1));
      setDate(staff, "contract-form-endDate", month.atEndOfMonth());
      assertThat(staff.accessibilityFaults()).isEmpty();
      staff.screenshot("contracts-02-new-trial-form");
      staff.click(By.id("create-contract"));
      staff.waitUntil(
          Duration.ofSeconds(20),
          driver -> driver.getCurrentUrl().matches(".*/contracts/[0-9a-f-]{36}$"));
      String url = staff.driver.getCurrentUrl();
      String contractId = url.substring(url.lastIndexOf('/') + 1);
      status(staff, "DRAFT");

      // The page previews the contract's PDF inline from an object URL of what it fetched; the
      // same document, fetched as the staff, is a PDF with the freelancer's name in it.
      assertThat(staff.visible(By.id("contract-preview")).getAttribute("src")).startsWith("blob:");
      HttpResponse<byte[]> document =
          platform.download(
              "/t/" + tenant.slug() + "/api/v1/contracts/" + contractId + "/document.pdf",
              platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password()));
      assertThat(document.statusCode()).isEqualTo(200);
      assertThat(document.headers().firstValue("content-type")).hasValue("application/pdf");
      byte[] preview = document.body();
      assertThat(new String(preview, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      try (var pdf = Loader.loadPDF(preview)) {
        assertThat(new PDFTextStripper().getText(pdf)).contains(FREELANCER_NAME, "準委任", "4,440円");
      }
      assertThat(staff.visible(By.id("terms-explained")).getText())
          .contains("140〜180時間", "4,440円", "5,710円");
      assertThat(staff.accessibilityFaults()).isEmpty();
      staff.screenshot("contracts-03-draft-with-preview");
      scrollTo(staff, By.id("contract-preview"));
      staff.screenshot("contracts-04-pdf-preview");

      // Fix the document and sign for the client.
      scrollTo(staff, By.id("send-contract"));
      staff.click(By.id("send-contract"));
      status(staff, "AWAITING_SIGNATURES");
      staff.click(By.id("sign-contract"));
      staff.visible(By.cssSelector("[data-testid='signature-CLIENT']"));
      status(staff, "AWAITING_SIGNATURES");
      scrollTo(staff, By.id("contract-timeline"));
      staff.screenshot("contracts-05-signed-by-client");

      // The freelancer sees it among their contracts, reads it and signs: it is active.
      hanako.go(platform.baseUrl() + "/contracts");
      hanako.signInOnLoginPage(freelancerUser, freelancerPassword);
      By mine = By.cssSelector("[data-testid='my-contract-" + contractId + "']");
      assertThat(hanako.visible(mine).getText()).contains("株式会社みなとエージェント " + SUFFIX, "署名をお待ちしています");
      assertThat(hanako.accessibilityFaults()).isEmpty();
      hanako.screenshot("contracts-06-freelancer-list");
      hanako.click(By.cssSelector("[data-testid='my-contract-" + contractId + "'] h2 a"));
      assertThat(hanako.visible(By.id("terms-explained")).getText())
          .contains("140時間から180時間の間であれば", "1時間につき4,440円", "30日以内に支払われます");
      hanako.visible(By.id("contract-preview"));
      hanako.screenshot("contracts-07-freelancer-reads");
      hanako.click(By.id("sign-contract"));
      status(hanako, "ACTIVE");
      assertThat(hanako.visible(By.id("contract-timeline")).getText())
          .contains("発注者が署名", "受注者（フリーランス）が署名");
      hanako.screenshot("contracts-08-freelancer-signed-active");

      // Paid under the contract: the freelancer gives a payout account on the profile page, typed
      // with full-width digits and half-width katakana; the staff open it from the contract, and
      // the freelancer's access history shows the look.
      hanako.go(platform.baseUrl() + "/profile");
      scrollTo(hanako, By.id("personal-details"));
      retype(hanako, By.id("personal-bankCode"), "０００９");
      retype(hanako, By.id("personal-bankName"), "三井住友銀行");
      retype(hanako, By.id("personal-branchCode"), "２１０");
      retype(hanako, By.id("personal-accountNumber"), "7654321");
      retype(hanako, By.id("personal-holderKana"), "ﾔﾏﾀﾞ ﾊﾅｺ");
      hanako.click(By.id("save-personal"));
      assertThat(hanako.visible(By.id("personal-saved-at")).getText()).contains("最終保存");
      assertThat(hanako.driver.findElement(By.id("personal-holderKana")).getAttribute("value"))
          .isEqualTo("ヤマダ ハナコ");
      assertThat(hanako.accessibilityFaults()).isEmpty();
      hanako.screenshot("contracts-08b-freelancer-payout-account");
      staff.go(base + "/contracts/" + contractId);
      status(staff, "ACTIVE");
      scrollTo(staff, By.id("reveal-payout"));
      staff.click(By.id("reveal-payout"));
      assertThat(staff.visible(By.id("payout-account")).getText())
          .contains("三井住友銀行（0009）", "210", "7654321", "ヤマダ ハナコ");
      assertThat(staff.accessibilityFaults()).isEmpty();
      scrollTo(staff, By.id("payout-heading"));
      staff.screenshot("contracts-08c-staff-payout-account");
      hanako.go(platform.baseUrl() + "/profile");
      assertThat(hanako.visible(By.id("profile-views")).getText()).contains("振込先口座");
      hanako.go(platform.baseUrl() + "/contracts/" + contractId);
      status(hanako, "ACTIVE");

      // A month's hours, submitted.
      scrollTo(hanako, By.id("time-reports"));
      retype(hanako, By.id("report-hours"), "190");
      hanako.click(By.id("submit-report"));
      reportStatus(hanako, "SUBMITTED");
      hanako.screenshot("contracts-09-freelancer-submitted");

      // The staff sends it back with a reason.
      staff.go(base + "/contracts/" + contractId);
      status(staff, "ACTIVE");
      By reportCard = By.cssSelector("[data-testid='report-" + month + "']");
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.attributeToBe(reportCard, "data-status", "SUBMITTED"));
      staff.visible(By.cssSelector("[data-testid='reject-reason-" + month + "']")).sendKeys(reason);
      scrollTo(staff, reportCard);
      staff.screenshot("contracts-10-staff-reviews");
      staff.click(By.cssSelector("[data-testid='reject-" + month + "']"));
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.attributeToBe(reportCard, "data-status", "REJECTED"));

      // The freelancer sees why, corrects the hours and submits again.
      hanako.go(platform.baseUrl() + "/contracts/" + contractId);
      assertThat(hanako.visible(By.id("sent-back-reason")).getText()).contains(reason);
      scrollTo(hanako, By.id("time-reports"));
      hanako.screenshot("contracts-11-freelancer-sent-back");
      retype(hanako, By.id("report-hours"), "185");
      hanako.click(By.id("submit-report"));
      reportStatus(hanako, "SUBMITTED");

      // The staff approves and sees the settlement: 5 h over 180 at 4,440 yen.
      staff.go(base + "/contracts/" + contractId);
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.attributeToBe(reportCard, "data-status", "SUBMITTED"));
      staff.click(By.cssSelector("[data-testid='approve-" + month + "']"));
      staff.waitUntil(
          Duration.ofSeconds(10),
          ExpectedConditions.attributeToBe(reportCard, "data-status", "APPROVED"));
      WebElement settlement = staff.visible(By.id("settlement-" + month));
      assertThat(settlement.getText()).contains("超過 5時間 × 4,440円", "+22,200円", "822,200円");
      staff.visible(By.cssSelector("[data-testid='to-invoices-" + month + "']"));
      assertThat(staff.accessibilityFaults()).isEmpty();
      scrollTo(staff, reportCard);
      staff.screenshot("contracts-12-staff-approved-settlement");

      // The trial ends this month: the list says so and highlights it.
      staff.go(base + "/contracts");
      staff.visible(By.id("contracts-ending-banner"));
      assertThat(
              staff
                  .visible(By.cssSelector("[data-testid='contract-row-" + contractId + "']"))
                  .getAttribute("class"))
          .contains("ending-soon");
      assertThat(staff.alerts()).isEmpty();
      assertThat(staff.accessibilityFaults()).isEmpty();
      staff.screenshot("contracts-13-staff-list-ending-soon");
    }
  }

  private static void status(Chromium browser, String status) {
    browser.waitUntil(
        Duration.ofSeconds(20),
        ExpectedConditions.attributeToBe(By.id("contract-status"), "data-status", status));
  }

  private static void reportStatus(Chromium browser, String status) {
    browser.waitUntil(
        Duration.ofSeconds(20),
        ExpectedConditions.attributeToBe(
            By.cssSelector("[data-testid='report-status']"), "data-status", status));
  }

  private static void retype(Chromium browser, By field, String text) {
    WebElement input = browser.visible(field);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  /** A date input takes typing in the locale's order; set it as the date picker would. */
  private static void setDate(Chromium browser, String id, LocalDate date) {
    browser.script(
        """
        const input = document.getElementById(arguments[0]);
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        """,
        id,
        date.toString());
    browser.waitUntil(
        Duration.ofSeconds(5),
        driver -> date.toString().equals(driver.findElement(By.id(id)).getAttribute("value")));
  }

  private static void scrollTo(Chromium browser, By by) {
    browser.script("arguments[0].scrollIntoView({block: 'start'});", browser.visible(by));
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }
}
