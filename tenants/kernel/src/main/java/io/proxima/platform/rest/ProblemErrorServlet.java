package io.proxima.platform.rest;

import io.proxima.platform.error.DependencyOutage;
import io.proxima.platform.logging.LogContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for errors raised outside JAX-RS: the container's 401 when a token is missing or
 * invalid, 403 from role checks, 404 for unknown paths, 405. It writes problem details too, so
 * clients see one error format everywhere. Mapped by {@code <error-page>} in each WAR.
 */
@WebServlet(urlPatterns = ProblemErrorServlet.PATH)
public class ProblemErrorServlet extends HttpServlet {

  public static final String PATH = "/problem-error";
  private static final java.util.logging.Logger REFUSED =
      java.util.logging.Logger.getLogger("io.proxima.security");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : response.getStatus();
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    boolean outage =
        status >= 500
            && failure instanceof Throwable thrown
            && DependencyOutage.of(thrown).isPresent();
    if (outage) {
      // A filter (tenant resolution, rate limits) met the outage before JAX-RS could map it.
      status = 503;
      ProblemMappers.logOutage((Throwable) failure, escape(uri == null ? "?" : uri));
    }
    Response.StatusType statusType = Response.Status.fromStatusCode(status);
    String title = statusType == null ? "Error" : statusType.getReasonPhrase();
    String detail = detailFor(status);
    String requestId = LogContext.requestId().orElse(null);
    String body =
        "{\"type\":\""
            + Problem.typeOf(Problem.slugFor(status))
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\""
            + (uri == null ? "" : ",\"instance\":\"" + escape(uri) + "\"")
            + (requestId == null ? "" : ",\"requestId\":\"" + escape(requestId) + "\"")
            + "}";
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == 503) {
      response.setHeader("Retry-After", Integer.toString(DependencyOutage.RETRY_AFTER_SECONDS));
    }
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"proxima\"");
      if (request.getHeader("Authorization") != null) {
        // One line per refused token (Payara's own entry, a stack trace, is turned down).
        REFUSED.warning(
            "bearer token refused: " + request.getMethod() + " " + escape(uri == null ? "?" : uri));
      }
    }
    response.getWriter().write(body);
  }

  static String detailFor(int status) {
    return switch (status) {
      case 401 -> "A valid bearer token from the Proxima identity provider is required.";
      case 403 -> "You are signed in but not allowed to do this.";
      case 404 -> "There is nothing here.";
      case 405 -> "This method is not allowed on this resource.";
      default -> status >= 500 ? "The server could not answer." : "The request was not accepted.";
    };
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
