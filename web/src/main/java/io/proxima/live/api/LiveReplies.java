package io.proxima.live.api;

import io.proxima.platform.logging.LogContext;
import io.proxima.platform.rest.RequestIdFilter;
import io.proxima.realtime.application.FreelancerGateway;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where a REST answer that waited for a freelancer's entity is written. The entity answers on a
 * Pekko dispatcher thread, which must not serialise JSON or write to a slow client, and which
 * carries neither the application's class loader nor the request's log context; the answer is
 * handed to a container thread of this pool instead, with the request id the problem bodies and log
 * lines quote. The request thread itself was released when the resource method returned.
 *
 * <p>An answer is written only once the thread that received the request has left the application's
 * filters ({@link RequestIdFilter#receivingThreadLeft}). Written earlier, an answer that came back
 * within microseconds raced the container's own handling of the response on that thread and went
 * out, about once in ten thousand, as its problem body under status 200 (found by the
 * 100,000-entity benchmark; reproduced at that rate with answers completed at once).
 */
@ApplicationScoped
public class LiveReplies {

  /** Writing an answer takes microseconds; a few threads keep up with every entity. */
  static final int WRITERS = 4;

  /**
   * Answers waiting for a writer; beyond it (or once the pool is shut down) the thread that
   * completed the reply writes the answer itself.
   */
  static final int WAITING = 10_000;

  // Container threads made once, as the live openings do: a managed executor would capture the
  // container context for every task, and that capture scans the WAR's class path.
  @Resource ManagedThreadFactory threadFactory;

  // The request the resource method runs for; on a writer thread it would resolve to none.
  @Inject HttpServletRequest request;

  private ThreadPoolExecutor writers;

  @PostConstruct
  void startWriters() {
    writers =
        new ThreadPoolExecutor(
            WRITERS,
            WRITERS,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(WAITING),
            threadFactory,
            // Unlike CallerRunsPolicy, also while the pool shuts down: no answer is ever dropped.
            (task, pool) -> task.run());
  }

  @PreDestroy
  void stopWriters() {
    writers.shutdown();
  }

  /**
   * The entity's reply as a resource method returns it. Call it on the request thread: it captures
   * the request's log context there. A failure reaches JAX-RS as the {@code DomainException} itself
   * (Jersey hands a failed stage's exception to the exception mappers as it is, and a {@code
   * CompletionException} around it would be a 500), so every refusal keeps the problem body and
   * status it had when the request thread waited.
   */
  public <T> CompletionStage<T> answer(CompletionStage<T> reply) {
    return answer(reply, Function.identity());
  }

  /** A 201 with the created resource; as {@link #answer(CompletionStage)} otherwise. */
  public <T> CompletionStage<Response> created(CompletionStage<T> reply) {
    return answer(
        reply, created -> Response.status(Response.Status.CREATED).entity(created).build());
  }

  // The response is made on the writer thread too: a stage derived from the answer (thenApply)
  // would fail with a CompletionException around the problem.
  private <T, R> CompletionStage<R> answer(CompletionStage<T> reply, Function<T, R> response) {
    String requestId = LogContext.requestId().orElse(null);
    String clientAddress = LogContext.clientAddress().orElse(null);
    String tenant = LogContext.tenant().orElse(null);
    CompletableFuture<R> answer = new CompletableFuture<>();
    CompletionStage<Void> receivingThreadLeft = RequestIdFilter.receivingThreadLeft(request);
    reply.whenComplete(
        (value, failure) ->
            receivingThreadLeft.thenRun(
                () ->
                    writers.execute(
                        () -> {
                          LogContext.begin(requestId, clientAddress);
                          if (tenant != null) {
                            LogContext.tenant(tenant);
                          }
                          try {
                            settle(answer, value, failure, response);
                          } finally {
                            LogContext.clear();
                          }
                        })));
    return answer;
  }

  private static <T, R> void settle(
      CompletableFuture<R> answer, T value, Throwable failure, Function<T, R> response) {
    try {
      if (failure == null) {
        answer.complete(response.apply(value));
      } else {
        answer.completeExceptionally(
            FreelancerGateway.refusal(FreelancerGateway.unwrapped(failure)));
      }
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
  }
}
