package io.proxima.realtime.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Actor replies as the rest of the platform may continue them. Pekko's Java {@code ask} answers
 * with Scala's {@code CompletableFuture} subclass, which runs even a plain {@code whenComplete} on
 * the JDK's default async executor; with fewer than three cores that executor starts a new thread
 * for every task, and the chat benchmark spent most of a message's server CPU starting them.
 */
public final class Replies {

  /**
   * The thread that completed the reply (an actor's dispatcher thread, or the scheduler's for a
   * timeout). Continuations must be short and must not block: the edge hands anything heavier
   * (writing a REST answer) to its own threads.
   */
  private static final Executor REPLYING_THREAD = Runnable::run;

  private Replies() {}

  /** The same outcome, in a plain future whose dependents run on the replying thread. */
  public static <T> CompletableFuture<T> onReplyingThread(CompletionStage<T> reply) {
    return onReplyingThread(reply, Function.identity());
  }

  /** As {@link #onReplyingThread(CompletionStage)}, failing with {@code failureAs} of a failure. */
  public static <T> CompletableFuture<T> onReplyingThread(
      CompletionStage<T> reply, Function<Throwable, ? extends Throwable> failureAs) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    reply.whenCompleteAsync(
        (value, failure) -> {
          if (failure == null) {
            plain.complete(value);
          } else {
            plain.completeExceptionally(failureAs.apply(failure));
          }
        },
        REPLYING_THREAD);
    return plain;
  }
}
