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
import org.openqa.selenium.WebElement;

/**
 * An agency plugs its own system in through the settings pages in a real headless Chromium: it
 * creates an API key (the secret shown once) and a webhook for application moves, its system moves
 * an application with that key, the delivery shows in the webhook's log, and the receiver got it
 * with a valid signature.
 */
class IntegrationsBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String applicationId;
  private static WebhookReceiverStub receiver;

  @BeforeAll
  static void anAgencyWithAnApplication() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant("plug-" + SUFFIX, "{\"displayName\":\"連携エージェント " + SUFFIX + "\"}");
    String staffToken =
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password());
    HttpResponse<String> drafted =
        platform.send(
            "POST",
            "/t/" + tenant.slug() + "/api/v1/jobs",
            staffToken,
            """
            {"title":"Kotlin 連携 %s","description":"API","requiredSkills":[{"skill":"Kotlin"}],
             "daysMin":3,"daysMax":5,"workStyle":"REMOTE","contractType":"QUASI_MANDATE",
             "rateTaxIncluded":false,"trialAvailable":false}
            """
                .formatted(SUFFIX));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String jobId = field(drafted.body(), "id");
    assertThat(
            platform
                .send(
                    "POST",
                    "/t/" + tenant.slug() + "/api/v1/jobs/" + jobId + "/publish",
                    staffToken,
                    "{\"expectedVersion\":1}")
                .statusCode())
        .isEqualTo(200);
    String username = "plugged-" + SUFFIX;
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Ken", "pw-" + SUFFIX);
    String freelancer = platform.token("proxima-portal", username, "pw-" + SUFFIX);
    HttpResponse<String> applied =
        platform.send(
            "POST",
            "/api/v1/postings/" + jobId + "/applications",
            freelancer,
            "{\"coverNote\":\"よろしくお願いします\"}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    applicationId =
        RunningPlatform.json(applied.body()).getJsonObject("application").getString("id");
    receiver = WebhookReceiverStub.start();
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.close();
    }
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void aKeyAndAWebhookFromTheSettingsPagesCarryAnApplicationMoveToTheAgencysSystem() {
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/settings");
      browser.signInOnLoginPage(tenant.adminEmail(), tenant.password());
      browser.click(By.cssSelector("a[href$='/settings/api-keys']"));

      // The key: named, two scopes, created; the secret shows once with a copy button.
      browser.visible(By.id("api-key-form-name")).sendKeys("基幹システム連携");
      browser.click(By.cssSelector("input[data-scope='applications:read']"));
      browser.click(By.cssSelector("input[data-scope='applications:write']"));
      browser.click(By.id("api-key-form-submit"));
      WebElement shown = browser.visible(By.id("api-key-secret-value"));
      String secret = shown.getAttribute("value");
      assertThat(secret).matches("prx_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
      assertThat(browser.driver.findElement(By.id("api-key-secret")).getText())
          .contains("今だけ表示されます");
      browser.visible(By.id("api-key-secret-copy"));
      assertThat(browser.driver.findElement(By.id("api-keys")).getText())
          .contains("基幹システム連携", secret.substring(0, 12), "未使用")
          .doesNotContain(secret);
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("integrations-1-api-key-shown-once");
      browser.click(By.id("api-key-secret-done"));
      browser.waitUntil(
          Duration.ofSeconds(10),
          d -> d.findElements(By.id("api-key-secret")).isEmpty() ? true : null);

      // The webhook: the receiver's URL and the move event; its signing secret shows once.
      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/settings/webhooks");
      browser.visible(By.id("webhook-form-url")).sendKeys(receiver.url("/proxima"));
      browser.click(By.cssSelector("input[data-event='application.moved']"));
      browser.click(By.id("webhook-form-submit"));
      String signingSecret = browser.visible(By.id("webhook-secret-value")).getAttribute("value");
      assertThat(signingSecret).startsWith("whsec_");
      assertThat(browser.driver.findElement(By.id("webhooks")).getText())
          .contains(receiver.url("/proxima"), "選考ステータスが変わった", "有効");
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("integrations-2-webhook-created");

      // The agency's system moves the application with the key.
      HttpResponse<String> moved =
          IntegrationsIT.withKey(
              platform,
              "POST",
              "/t/" + tenant.slug() + "/api/v1/applications/" + applicationId + "/stage",
              secret,
              "{\"to\":\"SCREENING\",\"expectedVersion\":1}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

      // The delivery shows in the log, delivered with the receiver's 200.
      browser.click(By.cssSelector("[data-testid='toggle-log']"));
      By delivered = By.cssSelector("tr[data-event='application.moved'][data-status='DELIVERED']");
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> {
            if (!d.findElements(delivered).isEmpty()) {
              return true;
            }
            d.findElement(By.cssSelector("[data-testid='reload-log']")).click();
            return null;
          });
      WebElement row = browser.visible(delivered);
      assertThat(row.getText()).contains("選考ステータスが変わった", "配信済み", "200");
      browser.click(By.cssSelector("tr[data-event='application.moved'] summary"));
      assertThat(row.getText()).contains(applicationId, "SCREENING");
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.script("arguments[0].scrollIntoView({block: 'center'})", row);
      browser.screenshot("integrations-3-delivery-log");

      // What the receiver got is signed with the secret the page showed.
      WebhookReceiverStub.Received received =
          receiver.at("/proxima").stream()
              .filter(r -> r.body().contains(applicationId))
              .findFirst()
              .orElseThrow();
      assertThat(WebhookReceiverStub.validSignature(received, signingSecret)).isTrue();

      // The key's last use shows on its page.
      browser.go(platform.baseUrl() + "/t/" + tenant.slug() + "/settings/api-keys");
      WebElement keys = browser.visible(By.id("api-keys"));
      assertThat(keys.getText()).contains("基幹システム連携").doesNotContain("未使用");
      browser.script("arguments[0].scrollIntoView({block: 'center'})", keys);
      browser.screenshot("integrations-4-api-key-used");
    }
  }
}
