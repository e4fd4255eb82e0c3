package io.proxima.platform.logging;

import java.util.Optional;

/**
 * What every log line of the current request carries: the request id and, once the edge has
 * resolved it, the tenant. Set by the request filter and cleared when the response leaves.
 */
public final class LogContext {

  private record Values(String requestId, String tenant, String clientAddress) {}

  private static final ThreadLocal<Values> CURRENT = new ThreadLocal<>();

  private LogContext() {}

  public static void begin(String requestId) {
    begin(requestId, null);
  }

  /** Starts a request's context; the client address goes to the audit log, not to log lines. */
  public static void begin(String requestId, String clientAddress) {
    CURRENT.set(new Values(requestId, null, clientAddress));
  }

  public static void tenant(String tenant) {
    Values values = CURRENT.get();
    CURRENT.set(
        values == null
            ? new Values(null, tenant, null)
            : new Values(values.requestId(), tenant, values.clientAddress()));
  }

  public static Optional<String> clientAddress() {
    return Optional.ofNullable(CURRENT.get()).map(Values::clientAddress);
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
