package io.proxima.platform.logging;

import java.util.Optional;

/**
 * What every log line of the current request carries: the request id and, once the edge has
 * resolved it, the tenant. Set by the request filter and cleared when the response leaves.
 */
public final class LogContext {

  private record Values(String requestId, String tenant) {}

  private static final ThreadLocal<Values> CURRENT = new ThreadLocal<>();

  private LogContext() {}

  public static void begin(String requestId) {
    CURRENT.set(new Values(requestId, null));
  }

  public static void tenant(String tenant) {
    Values values = CURRENT.get();
    CURRENT.set(new Values(values == null ? null : values.requestId(), tenant));
  }

  public static Optional<String> requestId() {
    return Optional.ofNullable(CURRENT.get()).map(Values::requestId);
  }

  public static Optional<String> tenant() {
    return Optional.ofNullable(CURRENT.get()).map(Values::tenant);
  }

  public static void clear() {
    CURRENT.remove();
  }
}
