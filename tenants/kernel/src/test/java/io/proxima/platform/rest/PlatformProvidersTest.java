package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlatformProvidersTest {

  /**
   * The applications list their providers instead of scanning, so a mapper written but not listed
   * never runs: ProblemMappers.Transactional was missing, and a commit that lost its database
   * answered 500 instead of 503.
   */
  @Test
  void everyProblemMapperIsRegistered() {
    assertThat(
            Arrays.stream(ProblemMappers.class.getDeclaredClasses())
                .filter(type -> type.isAnnotationPresent(Provider.class)))
        .isNotEmpty()
        .allSatisfy(mapper -> assertThat(PlatformProviders.all()).contains(mapper));
  }
}
