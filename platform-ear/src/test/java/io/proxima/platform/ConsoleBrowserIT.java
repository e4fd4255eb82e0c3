package io.proxima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The tenant console in a real headless Chromium: a platform admin creates a tenant with its
 * branding previewed, finds it in the list, suspends it, and reads the charts and the audit log.
 */
class ConsoleBrowserIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aPlatformAdminCreatesATenantAndSuspendsIt() {
    RunningPlatform platform = RunningPlatform.get();
    String slug = "momiji-" + SUFFIX;
    String name = "もみじ人材 " + SUFFIX;
    try (Chromium admin = Chromium.open("ja")) {
      admin.go(platform.baseUrl() + "/admin/");
      admin.signInOnLoginPage("platform-admin", "admin", By.id("tenant-table"));
      assertThat(admin.accessibilityFaults()).isEmpty();

      admin.click(By.id("new-tenant-link"));
      admin.visible(By.id("tenant-form"));
      admin.driver.findElement(By.name("slug")).sendKeys(slug);
      new Select(admin.driver.findElement(By.name("type"))).selectByValue("COMPANY");
      admin.driver.findElement(By.name("displayName")).sendKeys(name);
      admin.driver.findElement(By.name("primaryColor")).sendKeys("#6a1b9a");
      admin.driver.findElement(By.name("accentColor")).sendKeys("#ffca28");
      admin.driver.findElement(By.name("adminEmail")).sendKeys("owner-" + slug + "@example.jp");
      admin.driver.findElement(By.name("adminLastName")).sendKeys("紅葉");
      admin.driver.findElement(By.name("adminFirstName")).sendKeys("葵");
      admin.waitUntil(
          Duration.ofSeconds(5), ExpectedConditions.textToBe(By.id("preview-name"), name));
      assertThat(admin.accessibilityFaults()).isEmpty();
      admin.screenshot("console-new-tenant");

      admin.click(By.id("create-tenant"));
      admin.waitUntil(
          Duration.ofSeconds(60),
          ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-title"), name));
      admin.screenshot("console-tenant");

      admin.go(platform.baseUrl() + "/admin/");
      By row = By.cssSelector("[data-testid='tenant-row-" + slug + "']");
      admin.waitUntil(
          Duration.ofSeconds(30), ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));
      admin.click(By.id("suspend-" + slug));
      admin.click(By.id("confirm-yes"));
      admin.waitUntil(
          Duration.ofSeconds(30),
          ExpectedConditions.attributeToBe(row, "data-status", "SUSPENDED"));
      admin.screenshot("console-tenants");

      admin.go(platform.baseUrl() + "/admin/metrics");
      admin.visible(By.id("chart-matches"));
      admin.visible(By.id("chart-revenue"));
      assertThat(admin.accessibilityFaults()).isEmpty();
      admin.screenshot("console-metrics");

      admin.go(platform.baseUrl() + "/admin/audit");
      admin.visible(By.id("audit-table"));
      assertThat(admin.accessibilityFaults()).isEmpty();
      admin.screenshot("console-audit");
    }
  }
}
