package io.proxima.platform.rest;

import io.proxima.platform.logging.LogContext;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
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
    // An exception leaving the chain becomes the container's 500 only after this filter returns,
    // while the response still says 200: the access line must not record what the client never got.
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      long micros = (System.nanoTime() - started) / 1_000;
      int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
      if (ACCESS.isLoggable(Level.INFO) && uri != null && !uri.startsWith("/health")) {
        ACCESS.info(method + " " + uri + " " + status + " " + micros / 1000.0 + "ms");
      }
      LogContext.clear();
      TenancyContext.leave();
    }
  }

  static String requestIdOf(String header) {
    if (header != null && SANE_ID.matcher(header).matches()) {
      return header;
    }
    return UUID.randomUUID().toString();
  }
}
