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

  public record Frame(long seq, String type, Object data) {}

  public record Problem(String clientMessageId, int status, String type, String detail) {}

  static Function<Long, String> frame(String type, Object data) {
    return seq -> JSON.toJson(new Frame(seq, type, data));
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

  /** Closes a socket for a policy reason; the reason says no more than the REST API would. */
  static void refuse(Session session, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a refused live socket", e);
    }
  }
}
