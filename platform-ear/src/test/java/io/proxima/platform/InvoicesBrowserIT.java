package io.proxima.platform;

import static io.proxima.platform.RunningPlatform.field;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The money side of the portal in a real headless Chromium, as an agency's staff member does it: an
 * approved month is invoiced from "to invoice", the qualified invoice is checked as a PDF, a bank
 * statement pays it (and a suggested credit is confirmed), the list shows it paid, and the month's
 * sales leave as CSV for freee and Money Forward.
 */
class InvoicesBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
  private static final String REGISTRATION = "T1180301018771";
  private static final String BANK = "みずほ銀行 東京営業部 普通 1234567 カ）プロキシマ";
  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String staffToken;
  private static String contractId;

  @BeforeAll
  static void anAgencyWithItsIssuerAndAnApprovedMonth() {
    platform = RunningPlatform.get();
    tenant = platform.provisionTenant("money-" + SUFFIX, "{\"displayName\":\"請求 " + SUFFIX + "\"}");
    staffToken = platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    ok(
        platform.send(
            "PUT",
            path("/invoice-issuer"),
            staffToken,
            "{\"name\":\"株式会社プロキシマ\",\"registrationNumber\":\""
                + REGISTRATION
                + "\",\"address\":\"東京都千代田区丸の内1-1-1\",\"bankAccount\":\""
                + BANK
                + "\"}"));

    String username = "seikyu-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Hanako", "pw-" + SUFFIX);
    String freelancerToken = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    ok(platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), freelancerToken, null));
    String freelancerId =
        field(platform.send("GET", "/api/v1/me", freelancerToken, null).body(), "subject");

    HttpResponse<String> drafted =
        platform.send(
            "POST",
            path("/contracts"),
            staffToken,
            """
            {"freelancerId":"%s","kind":"TRIAL","terms":
             {"title":"決済基盤 API 開発支援","clientName":"株式会社サンプル商事","freelancerName":"佐藤 花子",
              "contractType":"QUASI_MANDATE","monthlyRateYen":600000,"minHours":140,"maxHours":180,
              "settlementMethod":"UPPER_LOWER","unitRounding":10,"taxRate":"STANDARD",
              "paymentDays":30,"startDate":"2026-12-01","endDate":"2026-12-31","renewalMonths":0}}
            """
                .formatted(freelancerId));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    contractId = object(drafted.body()).getJsonObject("contract").getString("id");
    HttpResponse<String> sent =
        platform.send(
            "POST",
            path("/contracts/" + contractId + "/send"),
            staffToken,
            "{\"expectedVersion\":1}");
    ok(sent);
    String sha = object(sent.body()).getJsonObject("contract").getString("documentSha256");
    String signature = "{\"documentSha256\":\"" + sha + "\"}";
    ok(
        platform.send(
            "POST", "/api/v1/me/contracts/" + contractId + "/sign", freelancerToken, signature));
    ok(platform.send("POST", path("/contracts/" + contractId + "/sign"), staffToken, signature));
    String month = "/api/v1/me/contracts/" + contractId + "/time-reports/2026-12";
    // 160 h is inside the 140–180 h range: 600,000 yen + 10% = 660,000 yen, nothing to settle.
    ok(platform.send("PUT", month, freelancerToken, "{\"hours\":160,\"expectedVersion\":0}"));
    ok(platform.send("POST", month + "/submit", freelancerToken, "{\"expectedVersion\":1}"));
    ok(
        platform.send(
            "POST",
            path("/contracts/" + contractId + "/time-reports/2026-12/approve"),
            staffToken,
            "{\"expectedVersion\":2}"));
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void anApprovedMonthIsInvoicedPaidByTransferAndShownPaid() throws IOException {
    // A second invoice whose credit names no number: the import can only suggest it by amount.
    JsonObject byAmount = issue("株式会社金額一致 " + SUFFIX, "2026-12-04", 30_011); // 33,012 yen

    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/invoices");
      browser.signInOnLoginPage(tenant.adminEmail(), tenant.password());
      By issue = By.id("issue-" + contractId + "-2026-12");
      browser.visible(issue);
      assertThat(browser.driver.findElement(By.id("to-invoice-table")).getText())
          .contains("株式会社サンプル商事", "決済基盤 API 開発支援", "佐藤 花子", "160 時間");
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("invoices-1-to-invoice");

      browser.click(issue);
      browser.visible(By.id("invoice-title"));
      browser.waitUntil(
          Duration.ofSeconds(20), ExpectedConditions.urlMatches("/invoices/[0-9a-f-]{36}$"));
      String url = browser.driver.getCurrentUrl();
      String invoiceId = url.substring(url.lastIndexOf('/') + 1);
      String title = browser.driver.findElement(By.id("invoice-title")).getText();
      assertThat(title).startsWith("請求書 INV-");
      String number = title.substring("請求書 ".length());
      assertThat(browser.driver.findElement(By.id("invoice-registration")).getText())
          .isEqualTo(REGISTRATION);
      assertThat(browser.driver.findElement(By.id("invoice-total")).getText())
          .isEqualTo("¥660,000");
      assertThat(browser.driver.findElement(By.id("invoice-status")).getAttribute("data-status"))
          .isEqualTo("ISSUED");
      assertThat(browser.driver.findElement(By.id("invoice-recipient")).getText())
          .isEqualTo("株式会社サンプル商事 御中");
      assertThat(browser.driver.findElement(By.id("invoice-bank-account")).getText())
          .isEqualTo(BANK);
      browser.screenshot("invoices-2-issued");

      // The PDF the recipient keeps: the registration number and the total are on it.
      HttpResponse<byte[]> pdf =
          platform.download(path("/invoices/" + invoiceId + "/document.pdf"), staffToken);
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (var document = Loader.loadPDF(pdf.body())) {
        assertThat(new PDFTextStripper().getText(document))
            .contains(REGISTRATION, "660,000", "株式会社サンプル商事", number, BANK);
      }
      browser.click(By.id("invoice-preview"));
      WebElement preview = browser.visible(By.id("invoice-preview-image"));
      browser.waitUntil(
          Duration.ofSeconds(20),
          d ->
              (Boolean)
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return arguments[0].complete && arguments[0].naturalWidth > 800;",
                          preview));
      scrollTo(browser, preview);
      browser.screenshot("invoices-3-pdf-preview");

      // No Stripe publishable key on this platform: the page says what is missing and who sets it.
      WebElement noCard = browser.visible(By.id("card-unavailable"));
      assertThat(noCard.getText()).contains("proxima.stripe.publishable-key", "プラットフォーム運営者");
      scrollTo(browser, noCard);
      browser.screenshot("invoices-4-card-not-set-up");

      Path statement = Files.createTempFile("statement-", ".csv");
      Files.write(
          statement,
          ("日付,振込依頼人,金額,摘要\r\n"
                  + "2026/12/05,ｶ)ｻﾝﾌﾟﾙｼｮｳｼﾞ,\"660,000\","
                  + number
                  + "\r\n"
                  + "2026/12/05,ｶ)ｷﾝｶﾞｸｲｯﾁ,33012,ﾌﾘｺﾐ\r\n")
              .getBytes(SHIFT_JIS));
      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/payments");
      browser.visible(By.id("statement-file")).sendKeys(statement.toAbsolutePath().toString());
      browser.click(By.id("statement-submit"));
      browser.visible(By.id("statement-result"));
      WebElement paid = browser.visible(By.cssSelector("[data-testid='statement-line-2']"));
      assertThat(paid.getAttribute("data-outcome")).isEqualTo("MATCHED");
      assertThat(paid.getText()).contains("消込済", number, "支払済");
      WebElement suggested = browser.visible(By.cssSelector("[data-testid='statement-line-3']"));
      assertThat(suggested.getAttribute("data-outcome")).isEqualTo("SUGGESTED");
      assertThat(suggested.getText()).contains("候補あり", byAmount.getString("number"));
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("invoices-5-statement-matched");

      browser.click(By.id("confirm-3"));
      browser.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-notice"), "確定しました"));
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("[data-testid='statement-line-3']"))
                  .getText())
          .contains("確定済", "支払済");
      browser.screenshot("invoices-6-suggestion-confirmed");

      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/invoices");
      WebElement row =
          browser.visible(By.cssSelector("[data-testid='invoice-row-" + number + "']"));
      browser.waitUntil(
          Duration.ofSeconds(20),
          d ->
              "PAID"
                  .equals(
                      d.findElement(By.cssSelector("[data-testid='invoice-row-" + number + "']"))
                          .getAttribute("data-status")));
      assertThat(row.getText()).contains("支払済", "¥660,000");
      assertThat(
              browser
                  .driver
                  .findElement(
                      By.cssSelector(
                          "[data-testid='invoice-row-" + byAmount.getString("number") + "']"))
                  .getAttribute("data-status"))
          .isEqualTo("PAID");
      browser.visible(By.id("to-invoice-empty"));
      browser.screenshot("invoices-7-list-paid");

      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/invoices/" + invoiceId);
      browser.waitUntil(
          Duration.ofSeconds(20),
          ExpectedConditions.attributeToBe(By.id("invoice-status"), "data-status", "PAID"));
      assertThat(browser.driver.findElement(By.id("invoice-status")).getText()).isEqualTo("支払済");
      assertThat(browser.driver.findElement(By.id("invoice-outstanding")).getText())
          .isEqualTo("¥0");
      WebElement history = browser.visible(By.id("invoice-payments"));
      assertThat(history.getText()).contains("銀行振込", "カ)サンプルショウジ", "¥660,000");
      scrollTo(browser, history);
      browser.screenshot("invoices-8-detail-paid");

      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/settings/invoicing");
      WebElement registration = browser.visible(By.id("issuer-form-registrationNumber"));
      browser.waitUntil(
          Duration.ofSeconds(20), d -> REGISTRATION.equals(registration.getAttribute("value")));
      assertThat(browser.driver.findElement(By.id("issuer-form-bankAccount")).getAttribute("value"))
          .isEqualTo(BANK);
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("invoices-9-issuer-settings");
    }
  }

  @Test
  void theMonthsSalesLeaveAsCsvForFreeeAndMoneyForward() {
    JsonObject first = issue("株式会社会計連携 " + SUFFIX, "2026-10-15", 100_000);
    JsonObject second = issue("髙橋システム①", "2026-10-20", 20_000);
    issue("株式会社別月", "2026-11-02", 1_000);

    HttpResponse<byte[]> freee =
        platform.download(
            path("/invoices/export.csv?layout=freee&encoding=utf-8-bom&from=2026-10&to=2026-10"),
            staffToken);
    assertThat(freee.statusCode())
        .as(new String(freee.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(freee.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(freee.headers().firstValue("Content-Disposition").orElse(""))
        .contains("invoices-freee-2026-10.csv");
    assertThat(Arrays.copyOf(freee.body(), 3))
        .as("UTF-8 with BOM")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(freee.body(), 3, freee.body().length - 3, StandardCharsets.UTF_8);
    String[] rows = text.split("\r\n");
    assertThat(rows[0]).startsWith("収支区分,管理番号,発生日,決済期日,取引先,勘定科目,税区分,金額");
    assertThat(rows)
        .hasSize(3)
        .contains(
            "収入,"
                + first.getString("number")
                + ",2026/10/15,,株式会社会計連携 "
                + SUFFIX
                + ",売上高,課税売上10%,110000,内税,10000,"
                + first.getString("number")
                + " 株式会社会計連携 "
                + SUFFIX);
    assertThat(text).doesNotContain("株式会社別月");

    HttpResponse<byte[]> mf =
        platform.download(
            path("/invoices/export.csv?layout=moneyforward&encoding=shift_jis&from=2026-10"),
            staffToken);
    assertThat(mf.statusCode()).isEqualTo(200);
    assertThat(mf.headers().firstValue("Content-Type").orElse("")).contains("shift_jis");
    assertThat(mf.body()[0]).as("no BOM in Shift_JIS").isNotEqualTo((byte) 0xEF);
    String decoded = new String(mf.body(), SHIFT_JIS);
    assertThat(decoded)
        .startsWith("取引No,取引日,借方勘定科目")
        .contains(",売掛金,,,髙橋システム①,対象外,,22000,,売上高,,,髙橋システム①,課税売上 10%,,22000,2000,")
        .contains(second.getString("number"));

    // A name Shift_JIS cannot carry is refused, naming the invoice and the field, not replaced.
    JsonObject unencodable = issue("𠮷野家システム", "2026-09-10", 5_000);
    HttpResponse<String> refused =
        platform.send(
            "GET",
            path("/invoices/export.csv?layout=moneyforward&encoding=shift_jis&from=2026-09"),
            staffToken,
            null);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body())
        .contains(unencodable.getString("number"), "recipientName", "utf-8-bom");
    assertThat(
            platform
                .send("GET", path("/invoices/export.csv?layout=yayoi"), staffToken, null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            platform
                .send("GET", path("/invoices/export.csv?from=2025-01&to=2026-12"), staffToken, null)
                .statusCode())
        .as("more than 13 months")
        .isEqualTo(400);
  }

  private static JsonObject issue(String recipient, String issueDate, long unitPrice) {
    HttpResponse<String> issued =
        platform.send(
            "POST",
            path("/invoices"),
            staffToken,
            """
            {"recipientName":"%s","issueDate":"%s",
             "lines":[{"description":"開発支援","quantity":"1","unitPriceYen":%d,"taxRate":"STANDARD"}]}
            """
                .formatted(recipient, issueDate, unitPrice));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return object(issued.body());
  }

  private static void scrollTo(Chromium browser, WebElement element) {
    browser.script("arguments[0].scrollIntoView({block: 'start'});", element);
  }

  private static String path(String path) {
    return "/t/" + tenant.slug() + "/api/v1" + path;
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private static JsonObject object(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
