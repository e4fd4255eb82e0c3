package io.proxima.live.socket;

import io.proxima.platform.error.ProblemException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON on the live sockets. Server frames are {@code {"seq":n,"type":"…","data":…}}; client
 * frames are flat objects with a {@code type}. Problems use the same type URNs as the REST API.
 */
public final class LiveFrames {

  static final Jsonb JSON = JsonbBuilder.create();

  /** Largest client frame accepted; the container closes the socket with 1009 above it. */
  static final int MAX_CLIENT_FRAME = 8 * 1024;

  private static final Logger LOG = Logger.getLogger(LiveFrames.class.getName());

  private LiveFrames() {}

  public record Problem(String clientMessageId, int status, String type, String detail) {}

  /**
   * A frame whose body is rendered once however many streams send it: an event fanned out to ten
   * thousand boards is serialized once, and only the sequence number differs per stream.
   */
  static Function<Long, String> frame(String type, Object data) {
    String tail = RENDERED.render(type, data);
    return seq -> "{\"seq\":" + seq + tail;
  }

  /** The recent renderings, by identity of the data: one fan-out is one burst of lookups. */
  private static final Renderings RENDERED = new Renderings(256);

  private static final class Renderings {
    private final int capacity;
    private final java.util.LinkedHashMap<Object, String> recent;

    Renderings(int capacity) {
      this.capacity = capacity;
      this.recent = new java.util.LinkedHashMap<>(capacity, 0.75f, true);
    }

    String render(String type, Object data) {
      Object key = new Identity(type, data);
      synchronized (this) {
        String known = recent.get(key);
        if (known != null) {
          return known;
        }
      }
      String json = JSON.toJson(data);
      String tail = ",\"type\":\"" + type + "\",\"data\":" + json + "}";
      synchronized (this) {
        recent.put(key, tail);
        if (recent.size() > capacity) {
          recent.remove(recent.keySet().iterator().next());
        }
      }
      return tail;
    }
  }

  /** Equal only to the same type and the very same data object. */
  private record Identity(String type, Object data) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && type.equals(that.type) && data == that.data;
    }

    @Override
    public int hashCode() {
      return type.hashCode() * 31 + System.identityHashCode(data);
    }
  }

  static Function<Long, String> problem(String clientMessageId, ProblemException problem) {
    return frame(
        "error",
        new Problem(
            clientMessageId,
            problem.status(),
            "urn:proxima:problem:" + problem.slug(),
            problem.getMessage()));
  }

  /** A client frame as a map, or a 400 problem when it is not a JSON object with a type. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String text) {
    Object parsed;
    try {
      parsed = JSON.fromJson(text, Object.class);
    } catch (JsonbException e) {
      throw new ProblemException.InvalidValue("frames are JSON objects");
    }
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
      throw new ProblemException.InvalidValue("a frame is a JSON object with a \"type\"");
    }
    return (Map<String, Object>) map;
  }

  static String text(Map<String, Object> frame, String field, boolean required) {
    Object value = frame.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String string) || string.isBlank()) {
      throw new ProblemException.InvalidValue(field + " is required and must be a string");
    }
    return string;
  }

  static long number(Map<String, Object> frame, String field) {
    Object value = frame.get(field);
    if (!(value instanceof Number number)) {
      throw new ProblemException.InvalidValue(field + " is required and must be a number");
    }
    return number.longValue();
  }

  /**
   * Per-socket settings. The container's idle timeout is off: with it, Tyrus re-arms a managed
   * timer on every send, and capturing the container context for it scans the WAR's class path
   * (measured: the whole cost of a board broadcast). Dead clients are found by our own pings.
   */
  static void tune(Session session) {
    session.setMaxTextMessageBufferSize(MAX_CLIENT_FRAME);
    session.setMaxIdleTimeout(0);
  }

  /** Closes a socket for a policy reason; the reason says no more than the REST API would. */
  static void refuse(Session session, String reason) {
    if (session == null || !session.isOpen()) {
      return;
    }
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a refused live socket", e);
    }
  }
}
