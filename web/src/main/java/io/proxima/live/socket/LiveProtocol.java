package io.proxima.live.socket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every client frame the live sockets accept, with its fields, in one place. The sockets parse
 * frames against this list ({@link LiveFrames#parse}), so a frame type that is not declared here is
 * refused as unknown; the hostile-input test reads the same list from the built WAR, so a new frame
 * type is fuzzed without anyone remembering to add it.
 *
 * <p>Plain JDK types only: the test loads this class from the WAR without the application's
 * dependencies.
 */
public final class LiveProtocol {

  private LiveProtocol() {}

  /** The JSON a field holds, and how it is checked before any handler sees it. */
  public enum Kind {
    /** A non-blank string without control characters or lone surrogates, at most max chars. */
    TEXT,
    /** A JSON integer within [min, max]; fractions, exponents beyond it and strings are refused. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A list of at most max names, each a short plain string. */
    NAMES
  }

  public record Field(String name, Kind kind, boolean required, long min, long max) {

    static Field text(String name, int maxLength) {
      return new Field(name, Kind.TEXT, true, 1, maxLength);
    }

    static Field integer(String name, boolean required, long min, long max) {
      return new Field(name, Kind.INTEGER, required, min, max);
    }

    static Field bool(String name) {
      return new Field(name, Kind.BOOLEAN, true, 0, 1);
    }

    static Field names(String name, int maxCount) {
      return new Field(name, Kind.NAMES, false, 0, maxCount);
    }
  }

  public record Frame(String socket, String type, List<Field> fields) {}

  public static final String BOARD = "board";
  public static final String CHAT = "chat";
  public static final String NOTIFICATIONS = "notifications";

  /** Longest identifier a client names: a freelancer's subject, a tenant's slug. */
  static final int ID_LIMIT = 255;

  /** Longest name in a filter list; every real one is far shorter. */
  static final int NAME_LIMIT = 40;

  /** Chat bodies are bounded by the frame limit here and by {@code ChatMessage} in characters. */
  static final int BODY_LIMIT = LiveFrames.MAX_CLIENT_FRAME;

  private static final Field WITH = Field.text("with", ID_LIMIT);

  public static final List<Frame> FRAMES =
      List.of(
          new Frame(BOARD, "ping", List.of()),
          new Frame(
              BOARD,
              "filter",
              List.of(
                  Field.names("statuses", 20),
                  Field.names("workStyles", 20),
                  Field.integer("minDaysPerWeek", false, 1, 7),
                  Field.integer("maxRateManYen", false, 1, 1000))),
          new Frame(CHAT, "ping", List.of()),
          new Frame(
              CHAT,
              "send",
              List.of(WITH, Field.text("clientMessageId", 64), Field.text("body", BODY_LIMIT))),
          new Frame(CHAT, "read", List.of(WITH, Field.integer("upToSeq", true, 0, Long.MAX_VALUE))),
          new Frame(
              CHAT, "delivered", List.of(WITH, Field.integer("upToSeq", true, 0, Long.MAX_VALUE))),
          new Frame(CHAT, "typing", List.of(WITH, Field.bool("typing"))),
          new Frame(NOTIFICATIONS, "ping", List.of()));

  static Optional<Frame> frame(String socket, String type) {
    return FRAMES.stream()
        .filter(frame -> frame.socket().equals(socket) && frame.type().equals(type))
        .findFirst();
  }

  /**
   * The protocol as plain maps, for tools that must not depend on this class's types: socket →
   * frame type → field → {@code "KIND required|optional min max"}.
   */
  public static Map<String, Map<String, Map<String, String>>> describe() {
    Map<String, Map<String, Map<String, String>>> sockets = new LinkedHashMap<>();
    for (Frame frame : FRAMES) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (Field field : frame.fields()) {
        fields.put(
            field.name(),
            field.kind()
                + " "
                + (field.required() ? "required" : "optional")
                + " "
                + field.min()
                + " "
                + field.max());
      }
      sockets.computeIfAbsent(frame.socket(), s -> new LinkedHashMap<>()).put(frame.type(), fields);
    }
    return sockets;
  }
}
