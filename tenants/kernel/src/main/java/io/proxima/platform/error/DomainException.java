package io.proxima.platform.error;

/**
 * A failure the caller can act on, said in the domain's words. The domain and application layers
 * know nothing of HTTP: the edge ({@code io.proxima.platform.rest.ProblemTypes}) gives each kind
 * its status and problem type, for REST and for the sockets alike. The message is safe to show to
 * the caller.
 */
public abstract sealed class DomainException extends RuntimeException
    permits DomainException.InvalidValue,
        DomainException.NotFound,
        DomainException.Conflict,
        DomainException.Refused,
        DomainException.TenantSuspended,
        DomainException.QuotaExhausted,
        DomainException.Unavailable,
        DomainException.RateLimited,
        DomainException.TooLarge,
        DomainException.UnsupportedFile,
        DomainException.UnreadableFile,
        DomainException.UpstreamFailed,
        DomainException.UpstreamTimedOut {

  private final String field;

  private DomainException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The input this is about, as the caller wrote it — a body member ({@code title}, {@code
   * terms.monthlyRateYen}, {@code lines[0].quantity}), a query or a path parameter — or null when
   * no single input is to blame.
   */
  public String field() {
    return field;
  }

  /** A value the caller gave breaks a rule. */
  public static final class InvalidValue extends DomainException {
    public InvalidValue(String message) {
      super(null, message);
    }

    /** The value of {@code field} breaks a rule; {@code message} says which. */
    public InvalidValue(String field, String message) {
      super(field, message);
    }
  }

  /** Nothing the caller may see has this id — whether it exists elsewhere is not said. */
  public static final class NotFound extends DomainException {
    public NotFound(String message) {
      super(null, message);
    }
  }

  /**
   * The request clashes with the current state: a slug already taken, a step the aggregate's state
   * does not allow, or a change made against a version that is no longer current.
   */
  public static final class Conflict extends DomainException {
    public Conflict(String message) {
      super(null, message);
    }

    /** The value of {@code field} clashes with the current state, e.g. a stale version. */
    public Conflict(String field, String message) {
      super(field, message);
    }
  }

  /** The caller may see this tenant but its role does not allow this operation. */
  public static final class Refused extends DomainException {
    public Refused(String message) {
      super(null, message);
    }
  }

  /** The tenant is suspended by the platform; its data is kept. */
  public static final class TenantSuspended extends DomainException {
    public TenantSuspended(String tenant) {
      super(null, "The workspace " + tenant + " is suspended. Contact your administrator.");
    }
  }

  /** A plan limit is reached; waiting does not help, a bigger plan does. */
  public static final class QuotaExhausted extends DomainException {
    public QuotaExhausted(String message) {
      super(null, message);
    }
  }

  /**
   * A part of the platform did not answer in time; retrying the same request is safe, after the
   * delay this carries.
   */
  public static final class Unavailable extends DomainException {
    private final int retryAfterSeconds;

    public Unavailable(String message) {
      this(message, DependencyOutage.RETRY_AFTER_SECONDS);
    }

    public Unavailable(String message, int retryAfterSeconds) {
      super(null, message);
      this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The caller sends faster than allowed; waiting helps. */
  public static final class RateLimited extends DomainException {
    public RateLimited(String message) {
      super(null, message);
    }
  }

  /** An upload or value exceeds a size, page or time limit. */
  public static final class TooLarge extends DomainException {
    public TooLarge(String message) {
      super(null, message);
    }

    /** The value of {@code field} exceeds a size limit. */
    public TooLarge(String field, String message) {
      super(field, message);
    }
  }

  /** A file of a kind the operation does not take. */
  public static final class UnsupportedFile extends DomainException {
    public UnsupportedFile(String message) {
      super(null, message);
    }
  }

  /** A file of an accepted kind that cannot be read: corrupted, encrypted, or built to exhaust. */
  public static final class UnreadableFile extends DomainException {
    public UnreadableFile(String message) {
      super(null, message);
    }
  }

  /** A service the platform asked on the caller's behalf (a calendar feed, GitHub) failed. */
  public static final class UpstreamFailed extends DomainException {
    public UpstreamFailed(String message) {
      super(null, message);
    }
  }

  /** A service the platform asked on the caller's behalf did not answer in time. */
  public static final class UpstreamTimedOut extends DomainException {
    public UpstreamTimedOut(String message) {
      super(null, message);
    }
  }
}
