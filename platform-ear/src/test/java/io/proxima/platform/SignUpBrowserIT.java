package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A freelancer who has never heard of the platform, in a real Chromium with real mail: the sign-up
 * link on the platform's login page, Keycloak's form in the Proxima theme with the terms box, the
 * verification mail the local SMTP server received, its link opened in the same browser, the
 * first-run guide (blank profile, availability, an agency found by name) and the first share, which
 * the agency's staff see at once. And an agency's talent invitation followed from its mail by
 * someone without an account: signed up on the agency's branded page, accepted, shared.
 */
class SignUpBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant agency;

  @BeforeAll
  static void anAgencyToShareWith() {
    platform = RunningPlatform.get();
    agency =
        platform.provisionTenant(
            "hajime-" + SUFFIX,
            """
            {"displayName":"はじめエージェント %s","primaryColor":"#2e7d32","accentColor":"#ffb300"}
            """
                .formatted(SUFFIX));
    // The node opens sign-up in the realm in the background after it starts.
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!new LoginBrowser(platform, "proxima-portal")
        .openLogin("ja")
        .body()
        .contains("login-actions/registration")) {
      assertThat(System.nanoTime()).as("sign-up opened within 2 minutes").isLessThan(deadline);
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @AfterAll
  static void whereTheScreenshotsAre() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  @Test
  void signUpVerifyTheMailFollowTheGuideAndShareForTheFirstTime() {
    String email = "hajimete-" + SUFFIX + "@example.jp";
    String password = "Hajimete-" + SUFFIX + "-2026";
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(platform.baseUrl() + "/");
      browser.visible(By.id("username"));
      browser.screenshot("signup-1-login");
      browser.click(By.linkText("新規登録"));

      browser.visible(By.id("kc-register-form"));
      assertThat(browser.visible(By.id("kc-page-title")).getText()).contains("新規登録");
      browser.visible(By.id("username")).sendKeys("hajimete-" + SUFFIX);
      browser.visible(By.id("email")).sendKeys(email);
      browser.visible(By.id("lastName")).sendKeys("初芽");
      browser.visible(By.id("firstName")).sendKeys("さくら");
      browser.click(By.id("termsAccepted"));
      browser.screenshot("signup-2-form");
      browser.click(By.cssSelector("#kc-register-form [type='submit']"));

      browser.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(
              By.tagName("body"), "data-page-id", "login-login-verify-email"));
      assertThat(browser.visible(By.tagName("body")).getText()).contains(email);
      browser.screenshot("signup-3-verify-email");

      LocalMail.Received mail = platform.stack.mail().await(email, "", Duration.ofSeconds(30));
      String link =
          mail.link(platform.stack.keycloak().issuer() + "/login-actions/action-token")
              .orElseThrow(() -> new AssertionError("no verification link in " + mail.text()));
      browser.go(link);
      // Verified: now the password, which Keycloak asks for only after the address is proven.
      browser.visible(By.id("kc-passwd-update-form"));
      browser.visible(By.id("password-new")).sendKeys(password);
      browser.visible(By.id("password-confirm")).sendKeys(password);
      browser.screenshot("signup-3b-choose-password");
      browser.click(By.cssSelector("#kc-passwd-update-form [type='submit']"));

      // Back in the portal, which opens the first-run guide by itself.
      browser.visible(By.id("onboarding"));
      browser.waitUntil(Duration.ofSeconds(30), ExpectedConditions.urlContains("/welcome"));
      browser.visible(By.id("onboarding-profile"));
      assertThat(browser.visible(By.id("onboarding-accepted")).getText())
          .contains("同意済み")
          .contains("2026-12-01");
      assertThat(browser.visible(By.id("onboarding-steps")).getText())
          .contains("利用規約への同意")
          .contains("公開先");
      assertThat(browser.accessibilityFaults()).isEmpty();
      browser.screenshot("signup-4-guide-profile");

      browser.click(By.id("onboarding-blank"));
      browser.visible(By.id("onboarding-availability"));
      browser.click(By.id("available-now"));
      browser.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(
              By.id("current-availability"), "data-status", "AVAILABLE"));
      browser.screenshot("signup-5-guide-availability");

      browser.click(By.id("onboarding-next"));
      browser.visible(By.id("onboarding-sharing"));
      browser.visible(By.id("agency-search")).sendKeys("はじめエージェント " + SUFFIX);
      browser.click(By.cssSelector("[data-testid='pick-" + agency.slug() + "']"));
      browser.waitUntil(Duration.ofSeconds(10), ExpectedConditions.alertIsPresent()).accept();
      browser.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("sharing-notice"), "はじめエージェント " + SUFFIX + " に公開しました"));
      browser.screenshot("signup-6-guide-shared");

      browser.click(By.id("onboarding-finish"));
      browser.waitUntil(Duration.ofSeconds(30), ExpectedConditions.urlContains("/sharing"));
      browser.visible(
          By.cssSelector("[data-testid='consent-" + agency.slug() + "'][data-active='true']"));
      browser.screenshot("signup-7-sharing");

      // Shown once: the portal no longer opens the guide.
      browser.go(platform.baseUrl() + "/");
      browser.visible(By.id("current-availability"));
      assertThat((String) browser.script("return window.location.pathname;")).isEqualTo("/");
    }

    // The agency sees the new freelancer at once.
    HttpResponse<String> sharing =
        platform.send(
            "GET",
            "/t/" + agency.slug() + "/api/v1/freelancers",
            platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password()),
            null);
    assertThat(sharing.statusCode()).as(sharing.body()).isEqualTo(200);
    assertThat(sharing.body()).contains(email);
  }

  @Test
  void aTalentInvitationFromTheMailLeadsANewcomerThroughSignUpToSharing() {
    String email = "shoutai-" + SUFFIX + "@example.jp";
    String password = "Shoutai-" + SUFFIX + "-2026";
    String staff =
        platform.token("tenant-" + agency.slug(), agency.adminEmail(), agency.password());
    try (Chromium admin = Chromium.open("ja")) {
      admin.go(platform.baseUrl() + "/t/" + agency.slug() + "/settings");
      admin.signInOnLoginPage(agency.adminEmail(), agency.password());
      admin.click(By.linkText("人材プールへの招待"));
      admin.visible(By.id("talent-invite-familyName")).sendKeys("招待");
      admin.visible(By.id("talent-invite-givenName")).sendKeys("太一");
      admin.visible(By.id("talent-invite-email")).sendKeys(email);
      assertThat(admin.accessibilityFaults()).isEmpty();
      admin.click(By.id("talent-invite-submit"));
      admin.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("talent-invite-notice"), email + " に招待メールを送りました"));
      admin.visible(By.cssSelector("#talent-invitations tr[data-status='PENDING']"));
      admin.screenshot("talent-1-staff-invited");
    }

    LocalMail.Received mail = platform.stack.mail().await(email, "人材プール", Duration.ofSeconds(20));
    String link = mail.link(platform.baseUrl() + "/t/").orElseThrow();
    assertThat(link).contains("/talent-invitation#token=");

    try (Chromium newcomer = Chromium.open("ja")) {
      newcomer.go(link);
      newcomer.visible(By.id("talent-invitation"));
      assertThat(newcomer.visible(By.id("talent-invitation")).getText())
          .contains("招待 太一 様")
          .contains("はじめエージェント " + SUFFIX);
      assertThat((String) newcomer.script("return window.location.href;"))
          .as("the token leaves the address bar once read")
          .doesNotContain("token");
      assertThat(newcomer.accessibilityFaults()).isEmpty();
      newcomer.screenshot("talent-2-invitation");
      newcomer.click(By.id("talent-accept"));

      // The agency's branded login page, where a newcomer signs up.
      newcomer.visible(By.id("username"));
      assertThat(newcomer.visible(By.id("proxima-brand-name")).getText())
          .contains("はじめエージェント " + SUFFIX);
      newcomer.click(By.linkText("新規登録"));
      newcomer.visible(By.id("kc-register-form"));
      newcomer.visible(By.id("username")).sendKeys("shoutai-" + SUFFIX);
      newcomer.visible(By.id("email")).sendKeys(email);
      newcomer.visible(By.id("lastName")).sendKeys("招待");
      newcomer.visible(By.id("firstName")).sendKeys("太一");
      newcomer.click(By.id("termsAccepted"));
      newcomer.screenshot("talent-3-branded-sign-up");
      newcomer.click(By.cssSelector("#kc-register-form [type='submit']"));
      newcomer.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(
              By.tagName("body"), "data-page-id", "login-login-verify-email"));
      LocalMail.Received verification =
          platform.stack.mail().messagesTo(email).stream()
              .filter(m -> !m.subject().contains("人材プール"))
              .findFirst()
              .orElseGet(
                  () -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (System.nanoTime() < deadline) {
                      var found =
                          platform.stack.mail().messagesTo(email).stream()
                              .filter(m -> !m.subject().contains("人材プール"))
                              .findFirst();
                      if (found.isPresent()) {
                        return found.get();
                      }
                      try {
                        Thread.sleep(200);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }
                    throw new AssertionError("no verification mail to " + email);
                  });
      newcomer.go(
          verification
              .link(platform.stack.keycloak().issuer() + "/login-actions/action-token")
              .orElseThrow());
      newcomer.visible(By.id("password-new")).sendKeys(password);
      newcomer.visible(By.id("password-confirm")).sendKeys(password);
      newcomer.click(By.cssSelector("#kc-passwd-update-form [type='submit']"));

      newcomer.visible(By.id("talent-accepted"));
      assertThat(newcomer.visible(By.id("talent-accepted")).getText())
          .contains("はじめエージェント " + SUFFIX + " に公開されます");
      newcomer.screenshot("talent-4-accepted");
    }

    HttpResponse<String> sharing =
        platform.send("GET", "/t/" + agency.slug() + "/api/v1/freelancers", staff, null);
    assertThat(sharing.body()).contains(email);
    HttpResponse<String> invitations =
        platform.send("GET", "/t/" + agency.slug() + "/api/v1/talent-invitations", staff, null);
    assertThat(invitations.body()).contains("\"status\":\"ACCEPTED\"");
  }
}
