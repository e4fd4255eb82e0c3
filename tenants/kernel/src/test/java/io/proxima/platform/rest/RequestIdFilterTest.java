package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

  @Test
  void keepsASaneCallerId() {
    assertThat(RequestIdFilter.requestIdOf("trace-123_a.b")).isEqualTo("trace-123_a.b");
  }

  @Test
  void replacesMissingOversizedOrHostileIds() {
    assertThat(RequestIdFilter.requestIdOf(null)).hasSize(36);
    assertThat(RequestIdFilter.requestIdOf("x".repeat(65))).hasSize(36);
    assertThat(RequestIdFilter.requestIdOf("a\"}\n{\"evil\":1")).hasSize(36);
  }

  @Test
  void tellsWhenTheReceivingThreadHasLeftTheFilters() throws Exception {
    HttpServletRequest request = request();
    AtomicReference<CompletionStage<Void>> seenInside = new AtomicReference<>();
    FilterChain chain =
        (req, res) -> {
          CompletionStage<Void> left =
              RequestIdFilter.receivingThreadLeft((HttpServletRequest) req);
          assertThat(left.toCompletableFuture()).isNotDone();
          seenInside.set(left);
        };

    new RequestIdFilter().doFilter(request, response(), chain);

    assertThat(seenInside.get().toCompletableFuture()).isCompleted();
  }

  @Test
  void theReceivingThreadHasLeftAlsoWhenTheChainFailed() {
    HttpServletRequest request = request();
    FilterChain failing =
        (req, res) -> {
          throw new IllegalStateException("boom");
        };

    assertThatThrownBy(() -> new RequestIdFilter().doFilter(request, response(), failing))
        .hasMessage("boom");

    assertThat(RequestIdFilter.receivingThreadLeft(request).toCompletableFuture()).isCompleted();
  }

  @Test
  void aRequestThatNeverPassedTheFilterHasNothingToWaitFor() {
    assertThat(RequestIdFilter.receivingThreadLeft(request()).toCompletableFuture()).isCompleted();
  }

  private static HttpServletRequest request() {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestIdFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "getMethod" -> "POST";
                  case "getRequestURI" -> "/api/v1/conversations/x/receipts";
                  case "getRemoteAddr" -> "127.0.0.1";
                  case "isAsyncStarted" -> false;
                  default -> null;
                });
  }

  private static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            RequestIdFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> "getStatus".equals(method.getName()) ? 200 : null);
  }
}
