package io.proxima.platform;

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
 * An agency's talent invitation reaches a freelancer who already has an account: the sharing page,
 * where the in-app notification leads, lists it with the agency's name and the answer's deadline,
 * and accepting there shares the profile at once, without the mail's link.
 */
class TalentInvitationBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;
  private static String username;
  private static String password;

  @BeforeAll
  static void anAgencyInvitesAFreelancerWithAnAccount() {
    platform = RunningPlatform.get();
    agency =
        platform.provisionTenant(
            "pool-ui-" + SUFFIX,
            "{\"displayName\":\"みどり人材 " + SUFFIX + "\",\"primaryColor\":\"#2e7d32\"}");
    username = "sora-" + SUFFIX;
    password = "pw-" + UUID.randomUUID();
    platform.keycloakAdmin.createUser(username, username + "@example.jp", "Sora", password);
    HttpResponse<String> invited =
        platform.send(
            "POST",
            "/t/" + agency.slug() + "/api/v1/talent-invitations",
            platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password()),
            """
            {"email":"%s@example.jp","familyName":"青木","givenName":"空","language":"ja"}
            """
                .formatted(username));
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
  }

  @AfterAll
  static void where() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void theSharingPageListsTheRequestAndAcceptingSharesTheProfile() {
    try (Chromium sora = Chromium.open("ja")) {
      sora.go(platform.baseUrl() + "/sharing");
      sora.signInOnLoginPage(username, password);
      By row = By.cssSelector("[data-testid='talent-request-" + agency.slug() + "']");
      WebElement request = sora.visible(row);
      assertThat(request.getText()).contains("みどり人材 " + SUFFIX).contains("あと14日");
      assertThat(sora.visible(By.id("talent-requests-heading")).getText()).isEqualTo("届いている公開の依頼");
      assertThat(sora.alerts()).isEmpty();
      assertThat(sora.accessibilityFaults()).isEmpty();
      sora.screenshot("talent-request-pending");

      sora.script("window.confirm = () => true;");
      sora.click(By.cssSelector("[data-testid='accept-request-" + agency.slug() + "']"));
      WebElement consent =
          sora.visible(By.cssSelector("[data-testid='consent-" + agency.slug() + "']"));
      assertThat(consent.getAttribute("data-active")).isEqualTo("true");
      assertThat(sora.visible(By.id("talent-requests-notice")).getText())
          .contains("みどり人材 " + SUFFIX)
          .contains("承諾");
      sora.waitUntil(Duration.ofSeconds(10), driver -> driver.findElements(row).isEmpty());
      sora.screenshot("talent-request-accepted");
    }
  }
}
