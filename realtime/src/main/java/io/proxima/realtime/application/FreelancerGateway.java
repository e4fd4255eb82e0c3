package io.proxima.realtime.application;

import io.proxima.availability.domain.Availability;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.cluster.RealtimeNode;
import io.proxima.realtime.cluster.Replies;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.realtime.freelancer.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The business side's way into the freelancer entities: every write that must be live goes through
 * the freelancer's entity (the single writer), wherever in the cluster it runs, and the entity's
 * refusals become problem details.
 */
@ApplicationScoped
public class FreelancerGateway {

  static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

  /** An overloaded entity drains within a second or two; sooner retries would only add to it. */
  static final int OVERLOADED_RETRY_SECONDS = 2;

  private final RealtimeNode node;

  protected FreelancerGateway() {
    this(null);
  }

  @Inject
  public FreelancerGateway(RealtimeNode node) {
    this.node = node;
  }

  /** For callers that have a thread to spare (the calendar's background refresh). */
  public Availability changeAvailability(
      @NotBlank String freelancerId,
      @NotNull Availability.Change change,
      @Min(0) Long expectedVersion) {
    return await(changeAvailabilityLater(freelancerId, change, expectedVersion));
  }

  /**
   * Asks without holding the caller's thread: a request thread is released while the entity
   * answers. Fails with the same problems as {@link #changeAvailability}.
   */
  public CompletionStage<Availability> changeAvailabilityLater(
      @NotBlank String freelancerId,
      @NotNull Availability.Change change,
      @Min(0) Long expectedVersion) {
    return problemsOf(
        entity(freelancerId)
            .askWithStatus(
                replyTo -> new Freelancer.ChangeAvailability(change, expectedVersion, replyTo),
                ASK_TIMEOUT));
  }

  /**
   * Sends without holding the caller's thread: a socket keeps reading frames while earlier messages
   * are being stored, so a busy conversation's messages reach the entity together and are committed
   * together; a REST request's thread is released meanwhile. Fails with the entity's refusal as its
   * problem (see {@link #refusal}).
   */
  public CompletionStage<ChatMessage> sendLater(@NotNull ChatMessage.Draft draft) {
    return problemsOf(
        entity(draft.freelancerSubject())
            .<ChatMessage>askWithStatus(
                replyTo -> new Freelancer.SendMessage(draft, replyTo), ASK_TIMEOUT));
  }

  public Conversation acknowledge(
      @NotNull UUID tenantId,
      @NotBlank String freelancerId,
      @NotNull Side side,
      boolean read,
      @Min(0) long upToSeq) {
    return await(acknowledgeLater(tenantId, freelancerId, side, read, upToSeq));
  }

  /** Moves a receipt without holding the caller's thread; the problems of {@link #acknowledge}. */
  public CompletionStage<Conversation> acknowledgeLater(
      @NotNull UUID tenantId,
      @NotBlank String freelancerId,
      @NotNull Side side,
      boolean read,
      @Min(0) long upToSeq) {
    return problemsOf(
        entity(freelancerId)
            .askWithStatus(
                replyTo -> new Freelancer.Acknowledge(tenantId, side, read, upToSeq, replyTo),
                ASK_TIMEOUT));
  }

  /** Registers a connection of the freelancer's; the reply is the state it starts from. */
  public Freelancer.Snapshot connect(
      String freelancerId,
      String connectionId,
      String device,
      org.apache.pekko.actor.typed.ActorRef<io.proxima.realtime.live.LiveEvent> session) {
    return await(
        entity(freelancerId)
            .askWithStatus(
                replyTo -> new Freelancer.Connect(connectionId, device, session, replyTo),
                ASK_TIMEOUT));
  }

  public void typing(UUID tenantId, String freelancerId, Side side, String who, boolean typing) {
    entity(freelancerId).tell(new Freelancer.SetTyping(tenantId, side, who, typing));
  }

  public EntityRef<Freelancer.Command> entity(String freelancerId) {
    return ClusterSharding.get(node.system()).entityRefFor(Freelancer.TYPE_KEY, freelancerId);
  }

  /**
   * The reply as the edge needs it: a refusal, a timeout or a failed store becomes its {@link
   * DomainException}, and the stage fails with that exception itself, not wrapped in a {@link
   * CompletionException}, so whoever completes a response from it finds the problem at once.
   */
  static <T> CompletionStage<T> problemsOf(CompletionStage<T> reply) {
    return Replies.onReplyingThread(reply, failure -> refusal(unwrapped(failure)));
  }

  /** Waits for a reply on the caller's thread: for sockets' receipts and background jobs only. */
  public static <T> T await(CompletionStage<T> reply) {
    try {
      return reply.toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable("interrupted, try again");
    } catch (TimeoutException e) {
      throw new DomainException.Unavailable("the real-time core did not answer in time, retry");
    } catch (ExecutionException e) {
      throw refusal(unwrapped(e.getCause()));
    }
  }

  /** The failure itself, out of the wrappers {@link CompletionStage}s put around it. */
  public static Throwable unwrapped(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  public static DomainException refusal(Throwable cause) {
    if (cause instanceof DomainException problem) {
      return problem;
    }
    if (cause instanceof Refusal.Refused.Conflict conflict) {
      return new DomainException.Conflict(conflict.getMessage());
    }
    if (cause instanceof Refusal.Refused.Invalid invalid) {
      return new DomainException.InvalidValue(invalid.getMessage());
    }
    if (cause instanceof Refusal.Refused.NotShared) {
      // Outside the consent, the freelancer does not exist for this tenant.
      return new DomainException.NotFound("There is no such freelancer.");
    }
    if (cause instanceof Refusal.Refused.Unavailable unavailable) {
      return new DomainException.Unavailable(unavailable.getMessage());
    }
    if (cause instanceof Refusal.Refused.Overloaded overloaded) {
      return new DomainException.Unavailable(overloaded.getMessage(), OVERLOADED_RETRY_SECONDS);
    }
    if (cause instanceof TimeoutException
        || cause instanceof org.apache.pekko.pattern.AskTimeoutException) {
      return new DomainException.Unavailable("the real-time core did not answer in time, retry");
    }
    return io.proxima.platform.error.DependencyOutage.problemFor(cause)
        .orElseGet(() -> new DomainException.Unavailable("the real-time core failed, retry"));
  }
}
