package io.proxima.live.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.RequestIdFilter;
import io.proxima.platform.rest.ServletFakes;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveRepliesTest {

  private final LiveReplies replies = new LiveReplies();
  private final HttpServletRequest request = request();

  @BeforeEach
  void start() {
    replies.threadFactory = new Threads();
    replies.request = request;
    replies.startWriters();
  }

  @AfterEach
  void stop() {
    replies.stopWriters();
  }

  @Test
  void anAnswerThatCameBackWhileTheRequestThreadWasStillInsideWaitsForItToLeave() throws Exception {
    AtomicReference<CompletableFuture<String>> answer = new AtomicReference<>();
    FilterChain resource =
        (req, res) -> {
          CompletableFuture<String> entity = new CompletableFuture<>();
          answer.set(replies.answer(entity).toCompletableFuture());
          entity.complete("receipts");
          sleep(50);
          assertThat(answer.get()).as("written while the request thread is inside").isNotDone();
        };

    new RequestIdFilter().doFilter(request, response(), resource);

    assertThat(answer.get().get(5, TimeUnit.SECONDS)).isEqualTo("receipts");
  }

  @Test
  void aRefusalKeepsItsOwnTypeAndAlsoWaits() throws Exception {
    AtomicReference<CompletableFuture<Object>> answer = new AtomicReference<>();
    FilterChain resource =
        (req, res) -> {
          CompletableFuture<Object> entity = new CompletableFuture<>();
          answer.set(replies.answer(entity).toCompletableFuture());
          entity.completeExceptionally(
              new CompletionException(
                  new DomainException.InvalidValue("no conversation with this tenant")));
          sleep(50);
          assertThat(answer.get()).isNotDone();
        };

    new RequestIdFilter().doFilter(request, response(), resource);

    assertThat(answer.get())
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(DomainException.InvalidValue.class)
        .withMessage("no conversation with this tenant");
  }

  @Test
  void anAnswerAfterTheRequestThreadLeftIsWrittenAtOnce() throws Exception {
    AtomicReference<CompletableFuture<String>> entity = new AtomicReference<>();
    AtomicReference<CompletionStage<String>> answer = new AtomicReference<>();
    new RequestIdFilter()
        .doFilter(
            request,
            response(),
            (req, res) -> {
              entity.set(new CompletableFuture<>());
              answer.set(replies.answer(entity.get()));
            });

    entity.get().complete("later");

    assertThat(answer.get().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("later");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpServletRequest request() {
    return ServletFakes.request("POST", "/api/v1/conversations/x/receipts");
  }

  private static HttpServletResponse response() {
    return ServletFakes.response();
  }

  /** Plain threads where the container would give managed ones. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "live-reply-test");
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    }
  }
}
