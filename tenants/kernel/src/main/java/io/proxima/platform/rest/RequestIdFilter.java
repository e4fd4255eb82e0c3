package io.proxima.platform.rest;

import io.proxima.platform.logging.LogContext;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * returns it in the response, puts it in the log context and writes one access line per request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  private static final String LEFT_ATTRIBUTE = "io.proxima.request.left";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger ACCESS = Logger.getLogger("io.proxima.access");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = requestIdOf(request.getHeader(HEADER));
    // Read before the chain runs: Grizzly may already have recycled the request by the time the
    // finally block runs (seen as a null request URI and a 500 error page in CI).
    String method = request.getMethod();
    String uri = request.getRequestURI();
    long started = System.nanoTime();
    LogContext.begin(requestId, request.getRemoteAddr());
    response.setHeader(HEADER, requestId);
    CompletableFuture<Void> left = new CompletableFuture<>();
    request.setAttribute(LEFT_ATTRIBUTE, left);
    // An exception leaving the chain becomes the container's 500 only after this filter returns,
    // while the response still says 200: the access line must not record what the client never got.
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      // Answered later on another thread (a resource that waits for an actor): the status is
      // known only then. This thread's contexts are cleared now all the same; it serves others.
      if (failed
          || !answeredLater(request, new AccessLine(requestId, method, uri, started, response))) {
        int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
        access(method, uri, status, started);
      }
      LogContext.clear();
      TenancyContext.leave();
      left.complete(null);
    }
  }

  /**
   * Completes once the thread that received the request has left the application's filters. An
   * answer written on another thread before that races the container's own handling of the response
   * on the receiving thread (seen as a 400 problem body sent under status 200, about once in ten
   * thousand answers that came back within microseconds).
   */
  @SuppressWarnings("unchecked")
  public static CompletionStage<Void> receivingThreadLeft(jakarta.servlet.ServletRequest request) {
    Object left = request.getAttribute(LEFT_ATTRIBUTE);
    return left instanceof CompletableFuture<?> future
        ? (CompletionStage<Void>) future
        : CompletableFuture.completedFuture(null);
  }

  private static void access(String method, String uri, int status, long started) {
    long micros = (System.nanoTime() - started) / 1_000;
    if (ACCESS.isLoggable(Level.INFO) && uri != null && !uri.startsWith("/health")) {
      ACCESS.info(method + " " + uri + " " + status + " " + micros / 1000.0 + "ms");
    }
  }

  /** Whether the request goes on asynchronously; the access line is written when it completes. */
  private static boolean answeredLater(HttpServletRequest request, AccessLine line) {
    try {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(line);
        return true;
      }
    } catch (IllegalStateException completedMeanwhile) {
      // Completed already: the response holds its status, written below as for any request.
    }
    return false;
  }

  /** The access line of an asynchronous answer, written when it leaves. */
  private record AccessLine(
      String requestId, String method, String uri, long started, HttpServletResponse response)
      implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
      // The thread completing may be one that carries the request's context already, or none.
      boolean borrowed = LogContext.requestId().isEmpty();
      if (borrowed) {
        LogContext.begin(requestId);
      }
      try {
        access(method, uri, response.getStatus(), started);
      } finally {
        if (borrowed) {
          LogContext.clear();
        }
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {
      // A second asynchronous round of the same request: still one line, when it completes.
      event.getAsyncContext().addListener(this);
    }
  }

  static String requestIdOf(String header) {
    if (header != null && SANE_ID.matcher(header).matches()) {
      return header;
    }
    return UUID.randomUUID().toString();
  }
}
