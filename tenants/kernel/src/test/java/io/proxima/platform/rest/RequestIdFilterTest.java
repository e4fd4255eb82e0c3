package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

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
}
