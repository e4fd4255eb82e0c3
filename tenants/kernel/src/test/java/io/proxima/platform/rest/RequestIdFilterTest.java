package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    return ServletFakes.request("POST", "/api/v1/conversations/x/receipts");
  }

  private static HttpServletResponse response() {
    return ServletFakes.response();
  }
}
