package io.proxima.live.socket;

import io.proxima.platform.error.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where live sockets open: on threads of their own, never on the container thread that upgraded the
 * connection. That thread runs {@code @OnOpen} inside the upgrade, before the container has
 * finished the HTTP request, and the same pool reads every socket's frames: an opening that waited
 * there for the database, Keycloak or an actor held a reader, and under load (the full CI on two
 * cores) a socket neither sent its first frame nor closed within ten seconds. So the endpoint hands
 * the opening over and returns at once; the opening sends the first frame when it has it, or closes
 * the socket saying why: 1008 with the refusal (retrying cannot help), 1013 when the platform could
 * not open it now (the portal retries with backoff). Whatever happens, within {@link #DEADLINE}.
 */
@ApplicationScoped
public class LiveOpenings {

  /** The longest a socket waits for its first frame before it is told to try again. */
  static final Duration DEADLINE = Duration.ofSeconds(4);

  /** Openings at once; they mostly wait for the database or an actor, not for a core. */
  static final int OPENERS = 8;

  /** Openings waiting for an opener; beyond it a socket is told to try again at once. */
  static final int WAITING = 2_000;

  private static final Logger LOG = Logger.getLogger(LiveOpenings.class.getName());

  @Resource private ManagedThreadFactory threadFactory;

  private final LiveStreams streams;
  private ThreadPoolExecutor openers;
  private ThreadPoolExecutor pages;
  private ScheduledExecutorService deadlines;

  protected LiveOpenings() {
    this(null);
  }

  @Inject
  public LiveOpenings(LiveStreams streams) {
    this.streams = streams;
  }

  /**
   * Container threads made once, as the freelancer store does: a managed executor would capture the
   * container context for every task, and that capture scans the WAR's class path.
   */
  @PostConstruct
  void startOpeners() {
    openers =
        new ThreadPoolExecutor(
            OPENERS,
            OPENERS,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(WAITING),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
    // A board reads its next snapshot page only once the last one was written, so at most one
    // page task per open board waits here: the open boards bound the queue.
    pages =
        new ThreadPoolExecutor(
            2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threadFactory);
    timer.setRemoveOnCancelPolicy(true);
    deadlines = timer;
  }

  @PreDestroy
  void stopOpeners() {
    openers.shutdownNow();
    pages.shutdownNow();
    deadlines.shutdownNow();
  }

  /** Reads a later page of a stream's snapshot, off the thread that wrote the one before. */
  void nextPage(Runnable read) {
    try {
      pages.execute(read);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "no snapshot page read: the node is stopping", e);
    }
  }

  /**
   * Opens {@code session} with {@code work}, which returns the stream registered, attached to the
   * session and with its first frame offered, or throws the refusal. Returns at once.
   */
  <T extends LiveStreams.Registration> LiveOpening<T> open(
      Session session, String what, Supplier<T> work) {
    LiveOpening<T> opening = new LiveOpening<>();
    var deadline =
        deadlines.schedule(
            () -> {
              if (opening.give(null)) {
                LOG.warning(() -> what + " socket not open after " + DEADLINE.toSeconds() + " s");
                tryAgain(session, "the socket could not open in time, try again");
              }
            },
            DEADLINE.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      openers.execute(
          () -> {
            T opened = run(session, what, work);
            deadline.cancel(false);
            if (opened == null) {
              opening.give(null);
            } else if (!opening.give(opened)) {
              // Too late: the client was told to try again, and will open a fresh stream.
              streams.end(opened);
            } else if (!session.isOpen()) {
              // Closed while opening: the stream waits out its grace period for a resume.
              opened.stream().detach(session);
            }
          });
    } catch (RejectedExecutionException e) {
      deadline.cancel(false);
      opening.give(null);
      LOG.warning(() -> what + " socket refused: " + WAITING + " openings already wait");
      tryAgain(session, "too many sockets opening, try again");
    }
    return opening;
  }

  private static <T> T run(Session session, String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (DomainException.Unavailable e) {
      LOG.log(Level.FINE, what + " socket could not open now", e);
      tryAgain(session, e.getMessage());
    } catch (DomainException e) {
      LOG.log(Level.FINE, what + " socket refused", e);
      LiveFrames.refuse(session, LiveFrames.reason(e));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " socket could not open", e);
      tryAgain(session, "try again");
    }
    return null;
  }

  /** Closes with 1013: nothing is wrong with the request, the platform could not serve it now. */
  static void tryAgain(Session session, String reason) {
    if (session == null || !session.isOpen()) {
      return;
    }
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "closing a live socket that could not open", e);
    }
  }

  /** One socket's opening: the stream once it is open, or null when it was refused or timed out. */
  static final class LiveOpening<T> {
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    /** True for the first outcome only: the opener and the deadline race for it. */
    boolean give(T opened) {
      return outcome.complete(opened);
    }

    /** The stream if the socket is open by now, else null (still opening, or never). */
    T now() {
      return outcome.getNow(null);
    }

    /**
     * The stream, waiting for the opening when the client spoke before its first frame: its frames
     * are then handled in order once the socket is open. Null when it never opened.
     */
    T await() {
      try {
        return outcome.get(DEADLINE.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | TimeoutException e) {
        return null;
      }
    }
  }
}
