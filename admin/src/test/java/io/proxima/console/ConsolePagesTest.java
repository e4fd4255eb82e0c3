package io.proxima.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePagesTest {

  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  @Test
  void aBrowsersDeepLinkIsThePage() {
    assertThat(ConsolePages.isPage("GET", BROWSER, "/tenants/0b6f")).isTrue();
    assertThat(ConsolePages.isPage("GET", BROWSER, "/audit")).isTrue();
    // the console's own charts page; MicroProfile Metrics lives at the server root, not here
    assertThat(ConsolePages.isPage("GET", BROWSER, "/metrics")).isTrue();
  }

  @Test
  void theApiAssetsAndScriptsKeepTheirOwnAnswers() {
    assertThat(ConsolePages.isPage("GET", BROWSER, "/api/v1/nothing")).isFalse();
    assertThat(ConsolePages.isPage("GET", BROWSER, "/assets/index.js")).isFalse();
    assertThat(ConsolePages.isPage("GET", BROWSER, "/sign-in.json")).isFalse();
    assertThat(ConsolePages.isPage("GET", BROWSER, "/")).isFalse();
    assertThat(ConsolePages.isPage("GET", "application/json", "/tenants")).isFalse();
    assertThat(ConsolePages.isPage("GET", null, "/tenants")).isFalse();
    assertThat(ConsolePages.isPage("POST", BROWSER, "/tenants")).isFalse();
  }
}
