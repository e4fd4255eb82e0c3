package io.proxima.realtime.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.error.DomainException;
import io.proxima.realtime.freelancer.Refusal;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import scala.concurrent.Promise;
import scala.jdk.javaapi.FutureConverters;

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

  /**
   * Pekko's Java ask completes Scala's CompletableFuture, whose continuations go to the JDK's
   * default async executor: a new thread per reply on a machine with fewer than three cores (the
   * benchmark found 5–10 ms of server CPU per chat message, most of it starting threads). The
   * edge's continuations are short, so they run where the reply was completed.
   */
  @Test
  void repliesContinueOnTheThreadThatCompletedThemNotOnAThreadEach() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Thread replying =
        new Thread(
            () -> {
              CompletableFuture<?>[] continued = new CompletableFuture<?>[200];
              Promise<String>[] promises = promises(continued.length);
              for (int i = 0; i < continued.length; i++) {
                CompletionStage<String> reply = FutureConverters.asJava(promises[i].future());
                continued[i] =
                    FreelancerGateway.problemsOf(reply)
                        .thenAccept(value -> threads.add(Thread.currentThread().getName()))
                        .toCompletableFuture();
              }
              for (Promise<String> promise : promises) {
                promise.success("stored");
              }
            },
            "entity-replying");
    replying.start();
    replying.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(threads).containsExactly("entity-replying");
  }

  @SuppressWarnings("unchecked")
  private static Promise<String>[] promises(int count) {
    Promise<String>[] promises = new Promise[count];
    for (int i = 0; i < count; i++) {
      promises[i] = Promise.apply();
    }
    return promises;
  }
}
