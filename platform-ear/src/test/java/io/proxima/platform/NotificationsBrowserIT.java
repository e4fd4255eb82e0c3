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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The bell in a real Chromium: staff send a scout in one browser, and the freelancer's bell in
 * another, already open, counts it without a reload; the list opens the scout and the bell goes
 * quiet; the settings page shows the channels per kind.
 */
class NotificationsBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;
  private static String freelancerUser;
  private static String freelancerPassword;
  private static String freelancerId;

  @BeforeAll
  static void anAgencyAndAFreelancerSharingWithIt() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "bell-" + SUFFIX,
            """
            {"displayName":"あおば人材 %s","primaryColor":"#1565c0","accentColor":"#ff8f00"}
            """
                .formatted(SUFFIX));
    freelancerUser = "rin-" + SUFFIX;
    freelancerPassword = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(
        freelancerUser, freelancerUser + "@example.jp", "Rin", freelancerPassword);
    String token = platform.token("proxima-portal", freelancerUser, freelancerPassword);
    freelancerId = field(platform.send("GET", "/api/v1/me", token, null).body(), "subject");
    HttpResponse<String> shared =
        platform.send("PUT", "/api/v1/me/consents/" + tenant.slug(), token, null);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void theFreelancersBellCountsAScoutLiveAndTheListLeadsToIt() {
    try (Chromium rin = Chromium.open("ja");
        Chromium staff = Chromium.open("ja")) {
      rin.go(platform.baseUrl() + "/");
      rin.signInOnLoginPage(freelancerUser, freelancerPassword);
      rin.visible(By.id("bell"));
      assertThat(rin.script("return document.getElementById('bell-count')")).isNull();

      staff.go(platform.baseUrl() + "/t/" + tenant.slug() + "/scouts/to/" + freelancerId);
      staff.signInOnLoginPage(tenant.adminEmail(), tenant.password());
      staff.visible(By.id("scout-form-message")).sendKeys("Java のご経験を拝見しました。ぜひ一度お話を");
      staff.click(By.id("send-scout"));
      staff.waitUntil(
          Duration.ofSeconds(15),
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-status='SENT']")));
      staff.screenshot("notifications-staff-sent-scout");

      // No reload: the socket told the page, which read the count again.
      rin.waitUntil(Duration.ofSeconds(10), ExpectedConditions.textToBe(By.id("bell-count"), "1"));
      rin.screenshot("notifications-bell-live");

      rin.click(By.id("bell"));
      rin.visible(By.cssSelector("[data-testid='notification-SCOUT_RECEIVED']"));
      assertThat(rin.visible(By.id("notifications")).getText())
          .contains("あおば人材 " + SUFFIX + "からスカウトが届きました");
      assertThat(rin.alerts()).isEmpty();
      assertThat(rin.accessibilityFaults()).isEmpty();
      rin.screenshot("notifications-list");

      rin.click(By.cssSelector("[data-testid='notification-SCOUT_RECEIVED'] button"));
      rin.waitUntil(Duration.ofSeconds(10), ExpectedConditions.urlContains("/scouts"));
      rin.waitUntil(
          Duration.ofSeconds(10),
          driver -> driver.findElements(By.id("bell-count")).isEmpty() ? true : null);

      rin.go(platform.baseUrl() + "/settings/notifications");
      rin.visible(By.id("mail-SCOUT_RECEIVED"));
      assertThat(rin.accessibilityFaults()).isEmpty();
      rin.screenshot("notifications-settings");
    }
  }
}
