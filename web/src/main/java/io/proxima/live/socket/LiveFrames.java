package io.proxima.live.socket;

import io.proxima.platform.error.DependencyOutage;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.ProblemTypes;
import io.proxima.platform.text.PlainText;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /**
   * The close reason (with 1008) of a suspended tenant's staff sockets, at connect and when the
   * suspension happens while they are open: the portal turns exactly this into its suspension page,
   * so it is a fixed token rather than a sentence.
   */
  static final String TENANT_SUSPENDED = "tenant-suspended";

  private static final Logger LOG = Logger.getLogger(LiveFrames.class.getName());

  private LiveFrames() {}

  /**
   * An error frame's data; {@code retryAfter} (seconds) only on 503, like HTTP's Retry-After, so a
   * client waits instead of hammering a platform that is waiting for its database.
   */
  public record Problem(
      String clientMessageId, int status, String type, String detail, Integer retryAfter) {}

  /**
   * A frame whose body is rendered once however many streams send it: an event fanned out to ten
   * thousand boards is serialized once, and only the sequence number differs per stream.
   */
  static Function<Long, String> frame(String type, Object data) {
    String tail = RENDERED.render(type, data);
    return seq -> "{\"seq\":" + seq + tail;
  }

  /**
   * A frame for one stream only (a snapshot page, an acknowledgement), rendered without the fan-out
   * cache: there it would only push out what is shared, and keep its data and JSON alive after it
   * was sent. Snapshot pages through the cache held up to 256 pages of a large board, tens of
   * megabytes, after the snapshot ended.
   */
  static Function<Long, String> frameForOne(String type, Object data) {
    String tail = tail(type, JSON.toJson(data));
    return seq -> "{\"seq\":" + seq + tail;
  }

  private static String tail(String type, String json) {
    return ",\"type\":\"" + type + "\",\"data\":" + json + "}";
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
      String tail = tail(type, JSON.toJson(data));
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

  static Function<Long, String> problem(String clientMessageId, DomainException problem) {
    return frame(
        "error",
        new Problem(
            clientMessageId,
            ProblemTypes.of(problem).status(),
            ProblemTypes.of(problem).type(),
            problem.getMessage(),
            problem instanceof DomainException.Unavailable unavailable
                ? unavailable.retryAfterSeconds()
                : null));
  }

  /**
   * An unexpected failure, said without its details: a dependency outage as such (logged in one
   * line), anything else logged with its stack trace as the bug it is.
   */
  static DomainException failed(String what, RuntimeException failure) {
    return DependencyOutage.problemFor(failure)
        .<DomainException>map(
            outage -> {
              LOG.warning(
                  () ->
                      what
                          + ": dependency unavailable, answered 503: "
                          + DependencyOutage.of(failure).orElse("?"));
              return outage;
            })
        .orElseGet(
            () -> {
              LOG.log(Level.WARNING, what, failure);
              return new DomainException.Unavailable("the frame could not be handled");
            });
  }

  /** Deeper JSON than any declared frame needs is refused before it is parsed. */
  static final int MAX_DEPTH = 4;

  /**
   * A client frame of {@code socket}, checked against {@link LiveProtocol}: a JSON object whose
   * {@code type} is declared for the socket and whose declared fields hold what they must. Anything
   * else is a 400 problem naming the field; undeclared fields are ignored.
   */
  static ClientFrame parse(String socket, String text) {
    if (depth(text) > MAX_DEPTH) {
      throw new DomainException.InvalidValue("frames are flat JSON objects");
    }
    Object parsed;
    try {
      parsed = JSON.fromJson(text, Object.class);
    } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
      throw new DomainException.InvalidValue("frames are JSON objects");
    }
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
      throw new DomainException.InvalidValue("a frame is a JSON object with a \"type\"");
    }
    LiveProtocol.Frame declared =
        LiveProtocol.frame(socket, type)
            .orElseThrow(() -> new DomainException.InvalidValue("unknown frame type"));
    Map<String, Object> values = new HashMap<>();
    for (LiveProtocol.Field field : declared.fields()) {
      Object value = checked(field, map.get(field.name()));
      if (value != null) {
        values.put(field.name(), value);
      }
    }
    return new ClientFrame(type, values);
  }

  /** A declared frame, its fields checked and typed: strings, longs, booleans, name lists. */
  record ClientFrame(String type, Map<String, Object> values) {

    String text(String field) {
      return (String) values.get(field);
    }

    long number(String field) {
      return (Long) values.get(field);
    }

    Long optionalNumber(String field) {
      return (Long) values.get(field);
    }

    boolean bool(String field) {
      return (Boolean) values.get(field);
    }

    @SuppressWarnings("unchecked")
    List<String> names(String field) {
      return (List<String>) values.getOrDefault(field, List.of());
    }
  }

  private static Object checked(LiveProtocol.Field field, Object value) {
    String name = field.name();
    if (value == null) {
      if (field.required()) {
        throw new DomainException.InvalidValue(name + " is required");
      }
      return null;
    }
    return switch (field.kind()) {
      case TEXT -> {
        if (!(value instanceof String string) || string.isBlank()) {
          throw new DomainException.InvalidValue(name + " must be a non-empty string");
        }
        if (string.length() > field.max()) {
          throw new DomainException.InvalidValue(
              name + " is at most " + field.max() + " characters");
        }
        yield PlainText.require(string, name);
      }
      case INTEGER -> {
        BigDecimal number = value instanceof BigDecimal big ? big : null;
        long exact;
        try {
          if (number == null || number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
            throw new ArithmeticException();
          }
          exact = number.longValueExact();
        } catch (ArithmeticException e) {
          throw new DomainException.InvalidValue(name + " must be a whole number");
        }
        if (exact < field.min() || exact > field.max()) {
          throw new DomainException.InvalidValue(
              name + " must be between " + field.min() + " and " + field.max());
        }
        yield exact;
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean bool)) {
          throw new DomainException.InvalidValue(name + " must be true or false");
        }
        yield bool;
      }
      case NAMES -> {
        if (!(value instanceof List<?> list) || list.size() > field.max()) {
          throw new DomainException.InvalidValue(
              name + " must be a list of at most " + field.max() + " names");
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
          if (!(item instanceof String string)
              || string.isBlank()
              || string.length() > LiveProtocol.NAME_LIMIT) {
            throw new DomainException.InvalidValue(name + " must hold short names");
          }
          names.add(PlainText.require(string, name));
        }
        yield List.copyOf(names);
      }
    };
  }

  /** How deeply {@code text} nests arrays and objects, brackets inside strings not counted. */
  static int depth(String text) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return deepest;
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

  /** The close reason for a refusal: the problem's message, or the suspension's fixed token. */
  static String reason(DomainException refused) {
    return refused instanceof DomainException.TenantSuspended
        ? TENANT_SUSPENDED
        : refused.getMessage();
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
