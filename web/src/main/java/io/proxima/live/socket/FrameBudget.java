package io.proxima.live.socket;

/**
 * How many frames a client may send: a token bucket refilled at {@code perSecond}, holding at most
 * {@code burst}. A client that keeps spending past it is disconnected.
 */
final class FrameBudget {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long refilledAt;
  private int refusedInARow;

  FrameBudget(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = System.nanoTime();
  }

  /** Whether one more frame may pass now. */
  synchronized boolean spend() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return true;
    }
    refusedInARow++;
    return false;
  }

  /**
   * Lets a client frame through, or answers it: a 429 problem while the client merely bursts, a
   * close (1008) once it floods.
   */
  boolean admit(LiveStream stream, jakarta.websocket.Session session) {
    stream.heard();
    if (spend()) {
      return true;
    }
    if (flooding()) {
      LiveFrames.refuse(session, "too many frames");
    } else {
      stream.offer(
          "error",
          null,
          LiveFrames.problem(
              null, new io.proxima.platform.error.DomainException.RateLimited("slow down")));
    }
    return false;
  }

  /** A client that ignored this many refusals in a row is flooding, not bursting. */
  synchronized boolean flooding() {
    return refusedInARow > burst;
  }
}
