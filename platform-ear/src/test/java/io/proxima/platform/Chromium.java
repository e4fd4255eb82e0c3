package io.proxima.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian's, driven through its chromedriver) with a profile of its own,
 * so two of them are two people on two devices. Screenshots go to {@code target/screenshots}, or to
 * {@code -Dproxima.screenshots=<dir>} (the README's pictures).
 */
final class Chromium implements AutoCloseable {

  static final Path SCREENSHOTS =
      Path.of(
          System.getProperty(
              "proxima.screenshots", RunningPlatform.BUILD.resolve("screenshots").toString()));

  final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Chromium open(String language) {
    Path profile;
    try {
      profile = Files.createTempDirectory("proxima-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("proxima.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        // CI runs as root, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // The machine has no outside network: without these Chromium keeps dialling Google.
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("proxima.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, profile);
  }

  void go(String url) {
    driver.get(url);
  }

  <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
    try {
      // A live page re-renders under the wait: an element found a moment ago may be gone.
      return new WebDriverWait(driver, timeout, Duration.ofMillis(20))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              current -> {
                try {
                  return condition.apply(current);
                } catch (org.openqa.selenium.WebDriverException e) {
                  // The sign-in redirects (page → Keycloak → page) can abort a lookup in flight
                  // ("aborted by navigation", seen in CI under load): look again.
                  if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                    return null;
                  }
                  throw e;
                }
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      // what the page showed instead is the quickest way to the cause
      screenshot("timed-out-" + System.currentTimeMillis());
      throw e;
    }
  }

  WebElement visible(By by) {
    return waitUntil(Duration.ofSeconds(30), ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Signs in on the Keycloak page the portal sent this browser to, then waits for the portal to
   * show its navigation again.
   */
  void signInOnLoginPage(String username, String password) {
    signInOnLoginPage(username, password, By.id("brand-name"));
  }

  /** As above, for a page that shows {@code ready} once it is signed in. */
  void signInOnLoginPage(String username, String password, By ready) {
    visible(By.id("username")).sendKeys(username);
    if (driver.findElements(By.id("password")).isEmpty()) {
      // Organizations make the realm's login identity-first: the password comes on a second page.
      driver.findElement(By.id("kc-login")).click();
    }
    visible(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
    visible(ready);
  }

  /**
   * Clicks what {@code by} finds once it can be clicked, finding it again if React replaced the
   * element in between (a re-render after a live update does that).
   */
  void click(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        waitUntil(Duration.ofSeconds(30), ExpectedConditions.elementToBeClickable(by)).click();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** The texts of the page's alerts that say something, read in one go. */
  @SuppressWarnings("unchecked")
  java.util.List<String> alerts() {
    return (java.util.List<String>)
        script(
            "return Array.from(document.querySelectorAll(\"[role='alert']\"))"
                + ".map(e => e.textContent.trim()).filter(t => t.length > 0);");
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /**
   * The page's basic accessibility faults: a missing language, form fields without a label, buttons
   * and links without a name, images without alternative text, no main landmark or heading. Not a
   * full audit; the faults a keyboard or screen-reader user hits first.
   */
  @SuppressWarnings("unchecked")
  java.util.List<String> accessibilityFaults() {
    return (java.util.List<String>)
        script(
            """
            const faults = [];
            const name = (e) => (e.getAttribute('aria-label') || e.textContent || '').trim();
            if (!document.documentElement.lang) faults.push('html has no lang');
            if (!document.querySelector('main')) faults.push('no main landmark');
            if (!document.querySelector('h1')) faults.push('no h1');
            for (const field of document.querySelectorAll('input, select, textarea')) {
              if (field.type === 'hidden') continue;
              if (field.labels.length === 0 && !field.getAttribute('aria-label')
                  && !field.getAttribute('aria-labelledby')) {
                faults.push('unlabelled ' + field.tagName + ' ' + (field.name || field.id));
              }
            }
            for (const control of document.querySelectorAll('button, a[href]')) {
              if (!name(control) && !control.querySelector('img[alt]:not([alt=""])')) {
                faults.push('nameless ' + control.tagName + ' ' + control.outerHTML.slice(0, 80));
              }
            }
            for (const image of document.querySelectorAll('img:not([alt])')) {
              faults.push('image without alt ' + image.src);
            }
            return faults;
            """);
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
