package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientUrisTest {

  /** A request that answers only its URI and attributes. */
  private static HttpServletRequest request(String requestUri, Map<String, Object> attributes) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientUrisTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI" -> requestUri;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aForwardedTenantPathIsThePathTheClientSent() {
    HttpServletRequest forwarded =
        request(
            "/api/v1/workspaces/42",
            Map.of(RequestDispatcher.FORWARD_REQUEST_URI, "/t/acme/api/v1/workspaces/42"));
    assertThat(ClientUris.path(forwarded, null)).isEqualTo("/t/acme/api/v1/workspaces/42");
  }

  @Test
  void aRequestServedWhereItWasSentKeepsItsOwnPath() {
    assertThat(ClientUris.path(request("/api/v1/workspaces/42", Map.of()), null))
        .isEqualTo("/api/v1/workspaces/42");
    assertThat(ClientUris.path(null, null)).isNull();
  }
}
