package io.proxima.platform.error;

/**
 * A failure the caller can act on. Each kind maps to one HTTP status and a stable problem type; the
 * message is safe to show to the caller.
 */
public abstract sealed class ProblemException extends RuntimeException
    permits ProblemException.InvalidValue,
        ProblemException.NotFound,
        ProblemException.Conflict,
        ProblemException.Forbidden,
        ProblemException.TenantSuspended,
        ProblemException.QuotaExceeded,
        ProblemException.Unavailable,
        ProblemException.RateLimited,
        ProblemException.TooLarge,
        ProblemException.UnsupportedFile,
        ProblemException.UnreadableFile,
        ProblemException.BadGateway,
        ProblemException.GatewayTimeout {

  private final int status;
  private final String slug;
  private final String field;

  private ProblemException(int status, String slug, String message) {
    this(status, slug, null, message);
  }

  private ProblemException(int status, String slug, String field, String message) {
    super(message);
    this.status = status;
    this.slug = slug;
    this.field = field;
  }

  public int status() {
    return status;
  }

  /** The last part of the problem type URN, e.g. {@code not-found}. */
  public String slug() {
    return slug;
  }

  /**
   * The input this is about, as the caller wrote it — a body member ({@code title}, {@code
   * terms.monthlyRateYen}, {@code lines[0].quantity}), a query or a path parameter — or null when
   * no single input is to blame. Problem documents carry it as {@code field}.
   */
  public String field() {
    return field;
  }

  /** A value the caller sent breaks a rule (400). */
  public static final class InvalidValue extends ProblemException {
    public InvalidValue(String message) {
      super(400, "invalid-value", message);
    }

    /** The value of {@code field} breaks a rule; {@code message} says which. */
    public InvalidValue(String field, String message) {
      super(400, "invalid-value", field, message);
    }
  }

  /** Nothing the caller may see has this id — whether it exists elsewhere is not said (404). */
  public static final class NotFound extends ProblemException {
    public NotFound(String message) {
      super(404, "not-found", message);
    }
  }

  /** The request clashes with the current state, e.g. a slug already taken (409). */
  public static final class Conflict extends ProblemException {
    public Conflict(String message) {
      super(409, "conflict", message);
    }

    /** The value of {@code field} clashes with the current state, e.g. a stale version. */
    public Conflict(String field, String message) {
      super(409, "conflict", field, message);
    }
  }

  /** The caller may see this tenant but not do this in it (403). */
  public static final class Forbidden extends ProblemException {
    public Forbidden(String message) {
      super(403, "forbidden", message);
    }
  }

  /** The tenant is suspended by the platform; its data is kept (403). */
  public static final class TenantSuspended extends ProblemException {
    public TenantSuspended(String tenant) {
      super(
          403,
          "tenant-suspended",
          "The workspace " + tenant + " is suspended. Contact your administrator.");
    }
  }

  /**
   * A part of the platform did not answer in time; retrying the same request is safe (503). Every
   * 503 says when to retry (HTTP {@code Retry-After}, and {@code retryAfter} in socket frames).
   */
  public static final class Unavailable extends ProblemException {
    private final int retryAfterSeconds;

    public Unavailable(String message) {
      this(message, DependencyOutage.RETRY_AFTER_SECONDS);
    }

    public Unavailable(String message, int retryAfterSeconds) {
      super(503, "unavailable", message);
      this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The caller sends faster than allowed; waiting helps (429). */
  public static final class RateLimited extends ProblemException {
    public RateLimited(String message) {
      super(429, "rate-limited", message);
    }
  }

  /** A plan limit is reached (429 would invite retries; 403 says it will not pass by waiting). */
  public static final class QuotaExceeded extends ProblemException {
    public QuotaExceeded(String message) {
      super(403, "quota-exceeded", message);
    }
  }

  /** An upload or body exceeds a size, page or time limit (413). */
  public static final class TooLarge extends ProblemException {
    public TooLarge(String message) {
      super(413, "too-large", message);
    }

    /** The value of {@code field} exceeds a size limit. */
    public TooLarge(String field, String message) {
      super(413, "too-large", field, message);
    }
  }

  /** A file of a kind the operation does not take (415). */
  public static final class UnsupportedFile extends ProblemException {
    public UnsupportedFile(String message) {
      super(415, "unsupported-file", message);
    }
  }

  /**
   * A file of an accepted kind that cannot be read: corrupted, encrypted, or built to exhaust the
   * reader (422).
   */
  public static final class UnreadableFile extends ProblemException {
    public UnreadableFile(String message) {
      super(422, "unreadable-file", message);
    }
  }

  /** A server the platform fetched from on the caller's behalf answered with an error (502). */
  public static final class BadGateway extends ProblemException {
    public BadGateway(String message) {
      super(502, "bad-gateway", message);
    }
  }

  /** A server the platform fetched from on the caller's behalf did not answer in time (504). */
  public static final class GatewayTimeout extends ProblemException {
    public GatewayTimeout(String message) {
      super(504, "gateway-timeout", message);
    }
  }
}
