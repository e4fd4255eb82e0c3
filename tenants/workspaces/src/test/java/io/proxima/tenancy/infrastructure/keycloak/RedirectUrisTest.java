package io.proxima.tenancy.infrastructure.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.tenancy.domain.Branding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

  private static Branding withHosts(String... hosts) {
    return new Branding("さくら", null, "#c2185b", "#ffb300", List.of(hosts));
  }

  @Test
  void theTenantsOwnHostNamesMayReceiveTheSignIn() {
    assertThat(
            KeycloakIdentityProvisioning.redirectUris(
                List.of("http://localhost:8080/*"),
                List.of(),
                withHosts("portal.sakura.example.jp")))
        .containsExactly("http://localhost:8080/*", "https://portal.sakura.example.jp/*");
  }

  @Test
  void rebrandingReplacesTheHostsAndKeepsThePortal() {
    List<String> before =
        List.of("http://localhost:8080/*", "https://old.sakura.example.jp/*", "https://x.test/*");

    assertThat(
            KeycloakIdentityProvisioning.redirectUris(
                before, List.of("old.sakura.example.jp"), withHosts("new.sakura.example.jp")))
        .containsExactly(
            "http://localhost:8080/*", "https://x.test/*", "https://new.sakura.example.jp/*");
    assertThat(
            KeycloakIdentityProvisioning.redirectUris(
                List.of("http://localhost:8080/*", "https://a.example.jp/*"),
                List.of("a.example.jp"),
                withHosts()))
        .containsExactly("http://localhost:8080/*");
  }
}
