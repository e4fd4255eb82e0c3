package io.proxima.realtime.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.error.DomainException;
import io.proxima.realtime.freelancer.Refusal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How an entity's typed refusals reach the edge: the problem each one becomes. */
class FreelancerGatewayTest {

  @Test
  void anOverloadedEntityBecomesAnUnavailableProblemWithShortRetryAdvice() {
    DomainException problem =
        FreelancerGateway.refusal(Refusal.overloaded("too many waiting").asError());

    assertThat(problem).isInstanceOf(DomainException.Unavailable.class);
    assertThat(((DomainException.Unavailable) problem).retryAfterSeconds())
        .isEqualTo(FreelancerGateway.OVERLOADED_RETRY_SECONDS);
    assertThat(problem.getMessage()).isEqualTo("too many waiting");
  }

  @Test
  void anOverloadedReplyFailsTheCallerAtOnceInsteadOfAfterTheAskTimeout() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    reply.completeExceptionally(Refusal.overloaded("too many waiting").asError());

    long started = System.nanoTime();
    try {
      FreelancerGateway.await(reply);
    } catch (DomainException.Unavailable expected) {
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
      assertThat(expected.retryAfterSeconds())
          .isEqualTo(FreelancerGateway.OVERLOADED_RETRY_SECONDS);
      return;
    }
    throw new AssertionError("an overloaded entity's refusal must reach the caller");
  }

  @Test
  void theOtherRefusalsKeepTheirProblems() {
    assertThat(FreelancerGateway.refusal(Refusal.conflict("old version").asError()))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(FreelancerGateway.refusal(Refusal.notShared().asError()))
        .isInstanceOf(DomainException.NotFound.class);
    assertThat(FreelancerGateway.refusal(Refusal.unavailable("later").asError()))
        .isInstanceOf(DomainException.Unavailable.class);
  }
}
