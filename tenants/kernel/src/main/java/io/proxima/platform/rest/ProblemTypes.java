package io.proxima.platform.rest;

import io.proxima.platform.error.DomainException;
import java.util.Map;

/**
 * The one place a domain failure becomes an HTTP status and a problem type, for the REST API and
 * the sockets alike. The domain says what went wrong; only the edge knows how HTTP says it.
 */
public final class ProblemTypes {

  /** How a kind of domain failure is said over HTTP. */
  public record ProblemType(int status, String slug) {
    public String type() {
      return Problem.typeOf(slug);
    }
  }

  private static final Map<Class<? extends DomainException>, ProblemType> TYPES =
      Map.ofEntries(
          Map.entry(DomainException.InvalidValue.class, new ProblemType(400, "invalid-value")),
          Map.entry(DomainException.NotFound.class, new ProblemType(404, "not-found")),
          Map.entry(DomainException.Conflict.class, new ProblemType(409, "conflict")),
          Map.entry(DomainException.Refused.class, new ProblemType(403, "forbidden")),
          Map.entry(
              DomainException.TenantSuspended.class, new ProblemType(403, "tenant-suspended")),
          // 429 would invite retries; 403 says a plan limit does not pass by waiting.
          Map.entry(DomainException.QuotaExhausted.class, new ProblemType(403, "quota-exceeded")),
          Map.entry(DomainException.Unavailable.class, new ProblemType(503, "unavailable")),
          Map.entry(DomainException.RateLimited.class, new ProblemType(429, "rate-limited")),
          Map.entry(DomainException.TooLarge.class, new ProblemType(413, "too-large")),
          Map.entry(
              DomainException.UnsupportedFile.class, new ProblemType(415, "unsupported-file")),
          Map.entry(DomainException.UnreadableFile.class, new ProblemType(422, "unreadable-file")),
          Map.entry(DomainException.UpstreamFailed.class, new ProblemType(502, "bad-gateway")),
          Map.entry(
              DomainException.UpstreamTimedOut.class, new ProblemType(504, "gateway-timeout")));

  private ProblemTypes() {}

  public static ProblemType of(DomainException failure) {
    ProblemType type = TYPES.get(failure.getClass());
    if (type == null) {
      // The hierarchy is sealed and every kind is listed; a new kind must be added here.
      throw new IllegalStateException("no problem type for " + failure.getClass());
    }
    return type;
  }

  /** The problem document for {@code failure}, its message as the detail. */
  public static Problem problemOf(DomainException failure) {
    ProblemType type = of(failure);
    return Problem.of(type.slug(), ProblemMappers.statusOf(type.status()), failure.getMessage())
        .about(failure.field());
  }
}
