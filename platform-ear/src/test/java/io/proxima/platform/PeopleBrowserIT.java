package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalMail;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * People in a real Chromium, with real mail: an admin invites a colleague on the members page, the
 * colleague follows the link in the mail the local SMTP server received, sets a password and signs
 * in; someone who forgot their password gets Keycloak's reset mail through the same server.
 */
class PeopleBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  private static RunningPlatform platform;
  private static RunningPlatform.ProvisionedTenant tenant;

  @BeforeAll
  static void aTenant() {
    platform = RunningPlatform.get();
    tenant =
        platform.provisionTenant(
            "people-ui-" + SUFFIX,
            """
            {"displayName":"みなと人材 %s","primaryColor":"#6a1b9a","accentColor":"#ffb300"}
            """
                .formatted(SUFFIX));
  }

  @AfterAll
  static void whereTheScreenshotsAre() {
    System.out.println("Browser screenshots: " + Chromium.SCREENSHOTS.toAbsolutePath());
  }

  private String portal() {
    return platform.baseUrl() + "/t/" + tenant.slug();
  }

  @Test
  void anAdminInvitesAColleagueByMailWhoSetsAPasswordAndSignsIn() {
    String email = "colleague-" + SUFFIX + "@example.jp";
    try (Chromium admin = Chromium.open("ja")) {
      admin.go(portal() + "/settings");
      admin.signInOnLoginPage(tenant.adminEmail(), tenant.password());
      admin.visible(By.id("settings-sections"));
      admin.screenshot("people-settings");
      admin.click(By.linkText("メンバー"));
      admin.visible(By.id("invite-form"));
      admin.visible(By.id("invite-form-familyName")).sendKeys("高橋");
      admin.visible(By.id("invite-form-givenName")).sendKeys("美咲");
      admin.visible(By.id("invite-form-email")).sendKeys(email);
      assertThat(admin.accessibilityFaults()).isEmpty();
      admin.click(By.cssSelector("#invite-form button[type='submit']"));
      admin.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("invite-notice"), email + " に招待メールを送りました"));
      admin.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("[data-testid='member-" + email + "'] .standing"), "招待中"));
      admin.screenshot("people-invited");
    }

    LocalMail.Received mail = platform.stack.mail().await(email, "Proxima", Duration.ofSeconds(20));
    assertThat(mail.subject()).contains("みなと人材 " + SUFFIX);
    String link = mail.link(platform.baseUrl() + "/t/").orElseThrow();
    assertThat(link).contains("/join#token=");

    try (Chromium mailbox = Chromium.open("ja")) {
      mailbox.go(platform.stack.mail().mailboxUrl());
      mailbox.visible(By.linkText(mail.subject()));
      mailbox.click(By.linkText(mail.subject()));
      mailbox.visible(By.tagName("iframe"));
      mailbox.screenshot("people-local-mailbox");
    }

    String password = "Misaki-" + SUFFIX + "-2026";
    try (Chromium colleague = Chromium.open("ja")) {
      colleague.go(link);
      colleague.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.textToBePresentInElementLocated(By.id("join-welcome"), "リクルーター"));
      assertThat(colleague.visible(By.id("join-welcome")).getText())
          .as("a Japanese name, family name first")
          .startsWith("高橋 美咲");
      assertThat(colleague.visible(By.id("brand-name")).getText()).contains("みなと人材");
      assertThat((String) colleague.script("return window.location.href;"))
          .as("the token leaves the address bar once read")
          .doesNotContain("token");
      assertThat(colleague.accessibilityFaults()).isEmpty();
      colleague.screenshot("people-join");
      colleague.visible(By.id("join-password")).sendKeys("short");
      colleague.visible(By.id("join-confirm")).sendKeys("short");
      colleague.click(By.cssSelector("#join-form button[type='submit']"));
      assertThat(colleague.visible(By.id("join-error")).getText()).contains("10文字以上");
      // Select and delete, as a person would: clear() bypasses React's change events.
      colleague
          .visible(By.id("join-password"))
          .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      colleague.visible(By.id("join-confirm")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      colleague.visible(By.id("join-password")).sendKeys(password);
      colleague.visible(By.id("join-confirm")).sendKeys(password);
      colleague.click(By.cssSelector("#join-form button[type='submit']"));
      colleague.visible(By.id("join-done"));
      colleague.screenshot("people-join-done");
      colleague.click(By.id("join-sign-in"));
      colleague.signInOnLoginPage(email, password);
      colleague.visible(By.linkText("空き状況ボード"));
      colleague.screenshot("people-colleague-signed-in");
    }
  }

  @Test
  void someoneWhoForgotTheirPasswordResetsItThroughKeycloaksMail() {
    String email = "forgetful-" + SUFFIX + "@example.jp";
    String original = "pw-" + UUID.randomUUID();
    platform.send(
        "POST",
        "/t/" + tenant.slug() + "/api/v1/members",
        platform.token("tenant-" + tenant.slug(), tenant.adminEmail(), tenant.password()),
        """
        {"email":"%s","firstName":"Yui","lastName":"Kato","role":"recruiter"}
        """
            .formatted(email));
    platform.activateThroughMail(tenant.slug(), email, original);

    String renewed = "Renewed-" + SUFFIX + "-pass";
    try (Chromium browser = Chromium.open("ja")) {
      browser.go(portal() + "/");
      browser.visible(By.id("username")).sendKeys(email);
      if (browser.script("return document.getElementById('password');") == null) {
        browser.click(By.id("kc-login"));
      }
      browser.click(By.cssSelector("a[href*='reset-credentials']"));
      browser.visible(By.id("username")).clear();
      browser.visible(By.id("username")).sendKeys(email);
      browser.screenshot("people-forgot-password");
      browser.click(By.cssSelector("input[type='submit'], button[type='submit']"));

      LocalMail.Received reset =
          platform.stack.mail().await(email, "パスワード", Duration.ofSeconds(30));
      String link =
          reset
              .link(platform.stack.keycloak().baseUrl())
              .orElseThrow(() -> new AssertionError("no reset link in " + reset.text()));
      browser.go(link);
      browser.visible(By.id("password-new")).sendKeys(renewed);
      browser.visible(By.id("password-confirm")).sendKeys(renewed);
      browser.screenshot("people-new-password");
      browser.click(By.cssSelector("input[type='submit'], button[type='submit']"));
      browser.visible(By.id("brand-name"));
      browser.screenshot("people-reset-signed-in");
    }
    assertThat(platform.token("tenant-" + tenant.slug(), email, renewed)).isNotBlank();
  }
}
