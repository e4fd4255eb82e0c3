package io.proxima.realtime.freelancer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.proxima.realtime.CborSerializable;

/**
 * Why a freelancer entity refused a command, as data: what the entity's own messages carry between
 * a failed write and the reply. The reply itself carries it as a {@link Refused} exception, since
 * {@code StatusReply} errors are exceptions.
 */
public record Refusal(Reason reason, String message) implements CborSerializable {

  public enum Reason {
    /** The change was made against an old version; reload and retry. */
    CONFLICT,
    /** The command breaks a rule of the entity. */
    INVALID,
    /** The tenant asks about a freelancer who does not share with it. */
    NOT_SHARED,
    /** The write did not reach the database; retrying is safe. */
    UNAVAILABLE,
    /**
     * The entity's queue, or the store's, is full: refused at once rather than left to time out, so
     * the caller backs off and retries instead of piling more onto a node that cannot keep up.
     */
    OVERLOADED
  }

  public static Refusal conflict(String message) {
    return new Refusal(Reason.CONFLICT, message);
  }

  public static Refusal invalid(String message) {
    return new Refusal(Reason.INVALID, message);
  }

  public static Refusal notShared() {
    return new Refusal(Reason.NOT_SHARED, "the freelancer does not share with this tenant");
  }

  public static Refusal unavailable(String message) {
    return new Refusal(Reason.UNAVAILABLE, message);
  }

  public static Refusal overloaded(String message) {
    return new Refusal(Reason.OVERLOADED, message);
  }

  /** The refusal as the error of a {@code StatusReply}. */
  public Refused asError() {
    return switch (reason) {
      case CONFLICT -> new Refused.Conflict(message);
      case INVALID -> new Refused.Invalid(message);
      case NOT_SHARED -> new Refused.NotShared(message);
      case UNAVAILABLE -> new Refused.Unavailable(message);
      case OVERLOADED -> new Refused.Overloaded(message);
    };
  }

  /**
   * A refusal as a {@code StatusReply} error. Pekko serializes a reply's exception with the
   * serializer bound to its class (CBOR here; without one it arrives as a generic "not
   * serializable" exception), so the reason is the class: typed on both sides, no codes parsed out
   * of strings. No stack trace: a refusal is an answer, not a failure.
   */
  // Only the message travels: Throwable's fields are closed to reflection on Java 17, and its
  // cause, stack and suppressed list mean nothing on the other node.
  @JsonAutoDetect(
      fieldVisibility = JsonAutoDetect.Visibility.NONE,
      getterVisibility = JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public abstract static sealed class Refused extends RuntimeException implements CborSerializable
      permits Refused.Conflict,
          Refused.Invalid,
          Refused.NotShared,
          Refused.Unavailable,
          Refused.Overloaded {

    Refused(String message) {
      super(message, null, false, false);
    }

    @JsonProperty("message")
    String said() {
      return getMessage();
    }

    public static final class Conflict extends Refused {
      @JsonCreator
      public Conflict(@JsonProperty("message") String message) {
        super(message);
      }
    }

    public static final class Invalid extends Refused {
      @JsonCreator
      public Invalid(@JsonProperty("message") String message) {
        super(message);
      }
    }

    public static final class NotShared extends Refused {
      @JsonCreator
      public NotShared(@JsonProperty("message") String message) {
        super(message);
      }
    }

    public static final class Unavailable extends Refused {
      @JsonCreator
      public Unavailable(@JsonProperty("message") String message) {
        super(message);
      }
    }

    public static final class Overloaded extends Refused {
      @JsonCreator
      public Overloaded(@JsonProperty("message") String message) {
        super(message);
      }
    }
  }
}
