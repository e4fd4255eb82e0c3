package io.proxima.live.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's ordered stream of frames, independent of the WebSocket that carries it. Every frame
 * gets the next sequence number when it is written; the last frames are kept, so a client that
 * reconnects within the grace period with {@code resume=<id>&lastSeq=<n>} gets exactly what it
 * missed. While the socket is slow, frames wait; a waiting frame with a coalescing key is replaced
 * by a newer one with the same key (availability: latest wins), others are never replaced. When
 * more than {@link #MAX_PENDING} frames wait, the client is told to catch up (close 1013) — boards
 * from a fresh snapshot, chats from the REST history — instead of the node holding its backlog.
 * Pages of a board's snapshot are written but not kept for a resume (a hundred thousand freelancers
 * would stay on the heap for every board): a resume that would need one gets a fresh stream and
 * with it a fresh snapshot.
 */
final class LiveStream {

  static final int MAX_PENDING = 1_000;
  // Per stream, so it multiplies by every open socket: 64 frames x 10,000 boards is ~300 MB.
  static final int REPLAY = 64;
  private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

  /** A frame waiting to be written: its body is rendered with its sequence number. */
  private static final class Pending {
    final String type;
    final String coalesceKey;
    final boolean kept;
    Function<Long, String> render;

    Pending(String type, String coalesceKey, boolean kept, Function<Long, String> render) {
      this.type = type;
      this.coalesceKey = coalesceKey;
      this.kept = kept;
      this.render = render;
    }
  }

  /** A frame written; {@code text} is null for one not kept for a resume. */
  private record Written(long seq, String text) {}

  final String id = UUID.randomUUID().toString();
  final String subject;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Map<String, Pending> pendingByKey = new HashMap<>();
  private final Deque<Written> replay = new ArrayDeque<>();
  private long seq;
  private Session session;
  private boolean writing;
  private boolean ended;
  private long detachedAtNanos = -1;
  private volatile long lastHeardNanos = System.nanoTime();

  LiveStream(String subject) {
    this.subject = subject;
  }

  /** Queues a frame; {@code coalesceKey} null means it is never replaced. */
  void offer(String type, String coalesceKey, Function<Long, String> render) {
    offer(type, coalesceKey, true, render);
  }

  /**
   * Queues a frame that is never replaced and not kept for a resume. {@code render} runs when the
   * frame is about to be written, with this stream's lock held: it must not block.
   */
  void offerUnkept(String type, Function<Long, String> render) {
    offer(type, null, false, render);
  }

  private void offer(String type, String coalesceKey, boolean kept, Function<Long, String> render) {
    synchronized (this) {
      if (ended) {
        return;
      }
      Pending waiting = coalesceKey == null ? null : pendingByKey.get(coalesceKey);
      if (waiting != null) {
        waiting.render = render;
        return;
      }
      if (pending.size() >= MAX_PENDING) {
        overflow();
        return;
      }
      Pending frame = new Pending(type, coalesceKey, kept, render);
      pending.addLast(frame);
      if (coalesceKey != null) {
        pendingByKey.put(coalesceKey, frame);
      }
    }
    drain();
  }

  /** Carries the stream on {@code session}, first replaying what came after {@code lastSeq}. */
  boolean attach(Session session, long lastSeq) {
    synchronized (this) {
      if (ended) {
        return false;
      }
      if (lastSeq < seq && (replay.isEmpty() || replay.peekFirst().seq() > lastSeq + 1)) {
        return false; // the gap is no longer in the replay buffer
      }
      for (Written written : replay) {
        if (written.seq() > lastSeq && written.text() == null) {
          return false; // the gap holds a frame that was not kept
        }
      }
      this.session = session;
      this.detachedAtNanos = -1;
      this.writing = false;
      for (Written written : replay) {
        if (written.seq() > lastSeq) {
          // Replayed synchronously, before anything new: the order the client sees is kept.
          try {
            session.getBasicRemote().sendText(written.text());
          } catch (IOException e) {
            return false;
          }
        }
      }
    }
    drain();
    return true;
  }

  void detach(Session session) {
    synchronized (this) {
      if (this.session == session) {
        this.session = null;
        this.writing = false;
        this.detachedAtNanos = System.nanoTime();
      }
    }
  }

  synchronized boolean expired(long graceNanos) {
    return ended || (detachedAtNanos >= 0 && System.nanoTime() - detachedAtNanos > graceNanos);
  }

  synchronized void end() {
    ended = true;
    pending.clear();
    pendingByKey.clear();
  }

  private void drain() {
    Session target;
    String text;
    synchronized (this) {
      if (writing || session == null || !session.isOpen() || pending.isEmpty()) {
        return;
      }
      Pending next = pending.pollFirst();
      if (next.coalesceKey != null) {
        pendingByKey.remove(next.coalesceKey);
      }
      seq++;
      text = next.render.apply(seq);
      replay.addLast(new Written(seq, next.kept ? text : null));
      if (replay.size() > REPLAY) {
        replay.removeFirst();
      }
      writing = true;
      target = session;
    }
    sendWithLeanContext(
        target,
        text,
        result -> {
          synchronized (this) {
            if (session == target) {
              writing = false;
            }
          }
          if (result.isOK()) {
            drain();
          } else {
            LOG.log(Level.FINE, "live frame not written", result.getException());
          }
        });
  }

  /**
   * Sends with the platform class loader as context class loader. Tyrus re-arms its idle timer on
   * every send; on a managed executor, whose context capture runs a ServiceLoader lookup over the
   * context class loader, that lookup over this WAR's hundred jars was, measured, nearly all of a
   * board broadcast's cost. {@link SocketTimers} normally moves the timers off the managed executor
   * (which also covers frames read, where no class loader can be chosen); this keeps sends cheap
   * where it could not (another Tyrus).
   */
  private static void sendWithLeanContext(
      Session session, String text, jakarta.websocket.SendHandler handler) {
    withLeanContext(() -> session.getAsyncRemote().sendText(text, handler));
  }

  private static void withLeanContext(Runnable send) {
    Thread thread = Thread.currentThread();
    ClassLoader application = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      send.run();
    } finally {
      thread.setContextClassLoader(application);
    }
  }

  /** Called with the lock held. */
  private void overflow() {
    Session slow = session;
    end();
    if (slow != null && slow.isOpen()) {
      try {
        slow.close(
            new CloseReason(
                CloseReason.CloseCodes.TRY_AGAIN_LATER,
                "too far behind: reload the board, or the chat history from the REST API"));
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a slow live socket", e);
      }
    }
  }

  /**
   * Ends the stream and tells the client to open a fresh one (close 1013): something this stream
   * owed the client (a snapshot page) could not be read.
   */
  void restart(String reason) {
    Session current;
    synchronized (this) {
      current = session;
      end();
    }
    LiveOpenings.tryAgain(current, reason);
  }

  /** Ends the stream and closes its socket: the caller lost the right to it. */
  void revoke(String reason) {
    Session current;
    synchronized (this) {
      current = session;
      end();
    }
    LiveFrames.refuse(current, reason);
  }

  /** The client said something (a frame or a pong): it is alive. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * Pings the client; a client silent for longer than {@code silence} is disconnected (it may
   * resume). Returns whether the stream is carried by an open socket.
   */
  boolean ping(long silenceNanos) {
    Session current;
    synchronized (this) {
      current = session;
    }
    if (current == null || !current.isOpen()) {
      return false;
    }
    try {
      if (System.nanoTime() - lastHeardNanos > silenceNanos) {
        current.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no heartbeat"));
        return false;
      }
      withLeanContext(
          () -> {
            try {
              current.getAsyncRemote().sendPing(java.nio.ByteBuffer.wrap(id.getBytes()));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "live ping failed", e);
      return false;
    }
  }
}
