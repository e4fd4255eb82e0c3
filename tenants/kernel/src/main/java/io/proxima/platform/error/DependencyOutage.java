package io.proxima.platform.error;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a failure that says a part the platform depends on is not there right now (the
 * database restarting, a pool that cannot open connections, an unreachable server), however deeply
 * JPA, JTA, CDI or the connector pool wrapped it. Such a failure is nobody's bug and passes by
 * itself: callers get 503 with Retry-After and the log one line, instead of a 500 and a stack trace
 * for every request the outage touches.
 */
public final class DependencyOutage {

  /** What a client should wait before retrying: a restarted PostgreSQL is back within seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DependencyOutage() {}

  /** PostgreSQL's and its driver's words for a connection that went away under a statement. */
  private static final java.util.List<String> LOST_CONNECTION =
      java.util.List.of(
          "terminating connection",
          "This connection has been closed",
          "An I/O error occurred",
          "the database system is",
          "Connection refused");

  /** The unavailable dependency behind {@code failure}, or empty when it is something else. */
  public static Optional<String> of(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable cause = failure;
        cause != null && seen.put(cause, Boolean.TRUE) == null;
        cause = cause.getCause()) {
      Optional<String> found = direct(cause);
      if (found.isPresent()) {
        return found;
      }
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        found = direct(sql.getNextException());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The problem to answer for {@code failure} when it is an outage. */
  public static Optional<DomainException.Unavailable> problemFor(Throwable failure) {
    return of(failure)
        .map(
            dependency ->
                new DomainException.Unavailable(
                    "The " + dependency + " is unavailable for a moment; retry the request.",
                    RETRY_AFTER_SECONDS));
  }

  private static Optional<String> direct(Throwable cause) {
    if (cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException
        || cause instanceof SQLRecoverableException) {
      return Optional.of("database");
    }
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null
          && (state.startsWith("08") // connection exceptions
              || state.equals("57P01") // admin shutdown
              || state.equals("57P02") // crash shutdown
              || state.equals("57P03") // cannot connect now: starting up or recovering
              || state.equals("53300"))) { // too many connections
        return Optional.of("database");
      }
      // Payara's pool says it could not open a connection without an SQL state.
      if (state == null
          && sql.getMessage() != null
          && sql.getMessage().contains("allocating a connection")) {
        return Optional.of("database");
      }
    }
    String type = cause.getClass().getName();
    // The transaction manager reports a commit that lost its connection as an XA or local
    // transaction exception that keeps only the driver's words, not the driver's exception.
    if ((type.equals("javax.transaction.xa.XAException")
            || type.equals("jakarta.resource.spi.LocalTransactionException")
            || type.equals("jakarta.transaction.SystemException"))
        && cause.getMessage() != null
        && LOST_CONNECTION.stream().anyMatch(cause.getMessage()::contains)) {
      return Optional.of("database");
    }
    if (type.equals("org.hibernate.exception.JDBCConnectionException")
        || type.equals("com.sun.appserv.connectors.internal.api.PoolingException")
        || type.equals("jakarta.resource.spi.ResourceAllocationException")) {
      return Optional.of("database");
    }
    if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
      return Optional.of("service this needs");
    }
    return Optional.empty();
  }
}
