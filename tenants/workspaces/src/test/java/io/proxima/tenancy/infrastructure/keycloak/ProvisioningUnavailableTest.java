package io.proxima.tenancy.infrastructure.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.error.DomainException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Which provisioning failures the caller may simply retry (503) and which are something else. */
class ProvisioningUnavailableTest {

  private static IdentityProvisioningException failed(RuntimeException cause) {
    return new IdentityProvisioningException("inviting a person failed", cause);
  }

  @Test
  void keycloakNotAnsweringIsA503TheCallerMayRetry() {
    var unreachable =
        new KeycloakCallException(
            "create user", new ProcessingException(new ConnectException("Connection refused")));

    assertThat(KeycloakIdentityProvisioning.unavailable(failed(unreachable)))
        .get()
        .isInstanceOfSatisfying(
            DomainException.Unavailable.class,
            problem -> {
              assertThat(problem.getMessage())
                  .contains("identity provider")
                  .doesNotContain("Connection refused");
            });
  }

  @Test
  void keycloakFailingItselfIsA503Too() {
    var failing = new KeycloakCallException("create user", 500, "{\"error\":\"unknown_error\"}");

    assertThat(KeycloakIdentityProvisioning.unavailable(failed(failing))).isPresent();
  }

  @Test
  void aTokenRequestThatCannotConnectIsA503() {
    var token = new ProcessingException(new ConnectException("Connection refused"));

    assertThat(KeycloakIdentityProvisioning.unavailable(failed(token))).isPresent();
  }

  @Test
  void keycloakRefusingTheRequestIsNotAnOutage() {
    var refused = new KeycloakCallException("create user", 400, "{\"errorMessage\":\"bad name\"}");

    assertThat(KeycloakIdentityProvisioning.unavailable(failed(refused))).isEmpty();
  }
}
