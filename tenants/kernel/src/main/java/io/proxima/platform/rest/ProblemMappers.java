package io.proxima.platform.rest;

import io.proxima.platform.error.DependencyOutage;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.logging.LogContext;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem details; nothing leaks a stack trace or an HTML page. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** A detail quoting the caller's input is cut here: a refused megabyte is not sent back. */
  static final int DETAIL_LIMIT = 500;

  static Response respond(String path, Problem problem) {
    return respond(path, problem, DependencyOutage.RETRY_AFTER_SECONDS);
  }

  private static Response respond(String path, Problem problem, int retryAfter) {
    if (problem.detail() != null && problem.detail().length() > DETAIL_LIMIT) {
      problem =
          new Problem(
              problem.type(),
              problem.title(),
              problem.status(),
              problem.detail().substring(0, DETAIL_LIMIT) + "…",
              problem.instance(),
              problem.requestId(),
              problem.field() != null && problem.field().length() > DETAIL_LIMIT
                  ? problem.field().substring(0, DETAIL_LIMIT) + "…"
                  : problem.field(),
              problem.violations() == null
                  ? null
                  : problem.violations().stream()
                      .map(
                          v ->
                              v.message() != null && v.message().length() > DETAIL_LIMIT
                                  ? new Problem.Violation(
                                      v.field(), v.message().substring(0, DETAIL_LIMIT) + "…")
                                  : v)
                      .toList());
    }
    Response response = problem.at(path, LogContext.requestId().orElse(null)).toResponse();
    if (problem.status() == 401) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"proxima\"")
          .build();
    }
    if (problem.status() == 503) {
      // Every 503 says when to retry: the delay its cause chose, or the one default.
      return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }
    return response;
  }

  static Response respond(String path, DomainException problem) {
    return respond(
        path,
        ProblemTypes.problemOf(problem),
        problem instanceof DomainException.Unavailable unavailable
            ? unavailable.retryAfterSeconds()
            : DependencyOutage.RETRY_AFTER_SECONDS);
  }

  /**
   * A dependency outage (database restarting, pool unable to connect …) behind any failure: 503
   * with Retry-After and one log line naming the request, not a stack trace per request.
   */
  static Response outage(String path, Throwable exception) {
    return DependencyOutage.problemFor(exception)
        .map(
            problem -> {
              logOutage(exception, path == null ? "?" : path);
              return respond(path, problem);
            })
        .orElse(null);
  }

  /** The one line an outage costs the log per refused request. */
  static void logOutage(Throwable exception, String path) {
    LOG.warning(
        () ->
            "dependency unavailable, answered 503: " + rootMessage(exception) + " (" + path + ")");
  }

  /** A failure nobody mapped on purpose: an outage, the caller's data, or our own fault. */
  static Response unexpected(String path, Throwable exception) {
    Response unavailable = outage(path, exception);
    if (unavailable != null) {
      return unavailable;
    }
    Response refused = databaseRefusal(path, exception);
    return refused != null ? refused : serverError(path, exception);
  }

  static String rootMessage(Throwable exception) {
    Throwable root = exception;
    for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).replaceAll("[\\r\\n]+", " ");
    return root.getClass().getSimpleName()
        + ": "
        + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
  }

  /** JAX-RS knows no 422; the status line still needs a reason phrase. */
  public static Response.StatusType statusOf(int code) {
    Response.StatusType known = Response.Status.fromStatusCode(code);
    if (known != null) {
      return known;
    }
    String reason = code == 422 ? "Unprocessable Content" : "Error";
    return new Response.StatusType() {
      @Override
      public int getStatusCode() {
        return code;
      }

      @Override
      public Response.Status.Family getFamily() {
        return Response.Status.Family.familyOf(code);
      }

      @Override
      public String getReasonPhrase() {
        return reason;
      }
    };
  }

  /**
   * A mapper that names the path the client asked for in its problem's {@code instance}: under
   * {@code /t/{slug}} that is the forwarded request's original path, which {@link UriInfo} lacks.
   */
  abstract static class PathMapper<E extends Throwable> implements ExceptionMapper<E> {
    @Context UriInfo uri;
    @Context HttpServletRequest request;

    String path() {
      return ClientUris.path(request, uri);
    }

    /** Another mapper answering for this one, about the same request. */
    <M extends PathMapper<?>> M sharingRequest(M other) {
      other.uri = uri;
      other.request = request;
      return other;
    }
  }

  /** Errors the API raised on purpose (404, 403, 409 …) keep their status. */
  @Provider
  public static final class WebApplication extends PathMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      Response.StatusType status = exception.getResponse().getStatusInfo();
      if (exception.getCause() instanceof JsonbException
          || exception.getCause() instanceof JsonException) {
        return malformedJson(path(), exception.getCause());
      }
      if (exception.getClass().getName().startsWith("org.glassfish.jersey.server.ParamException")) {
        // JAX-RS answers 404 when a query or path parameter does not convert; it is bad input.
        String parameter = parameterName(exception);
        return respond(
            path(),
            Problem.of(
                    "invalid-parameter",
                    Response.Status.BAD_REQUEST,
                    parameter == null
                        ? "A query or path parameter has a value of the wrong type."
                        : parameter + " has a value of the wrong type.")
                .about(parameter));
      }
      if (status.getStatusCode() >= 500) {
        Response unavailable = outage(path(), exception);
        if (unavailable != null) {
          return unavailable;
        }
        LOG.log(Level.SEVERE, "request failed", exception);
        return respond(path(), Problem.of("server-error", status, "The server could not answer."));
      }
      String detail = exception.getMessage();
      if (status.getStatusCode() == 401 || status.getStatusCode() == 403) {
        // The security layer's own wording says nothing useful to a client.
        detail = ProblemErrorServlet.detailFor(status.getStatusCode());
      } else if (detail == null || detail.startsWith("HTTP " + status.getStatusCode())) {
        detail = status.getReasonPhrase();
      }
      return respond(path(), Problem.of(Problem.slugFor(status.getStatusCode()), status, detail));
    }
  }

  /** Jersey's ParamException names its parameter; read reflectively, Jersey is not on our API. */
  static String parameterName(WebApplicationException exception) {
    try {
      Object name = exception.getClass().getMethod("getParameterName").invoke(exception);
      return name instanceof String text && !text.isBlank() ? text : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Bean Validation on resource and service signatures: 400 with each rejected field. */
  @Provider
  public static final class Validation extends PathMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException exception) {
      List<Problem.Violation> violations =
          exception.getConstraintViolations().stream()
              .map(Validation::violation)
              .sorted(Comparator.comparing(Problem.Violation::field))
              .toList();
      Problem problem =
          Problem.of("validation", Response.Status.BAD_REQUEST, "The request has invalid values.")
              .withViolations(violations);
      return respond(path(), problem);
    }

    private static Problem.Violation violation(ConstraintViolation<?> violation) {
      String path = violation.getPropertyPath().toString();
      // "method.arg0.field" → "field": clients know their own body, not our method names.
      String[] nodes = path.split("\\.");
      String field =
          nodes.length > 2
              ? String.join(".", List.of(nodes).subList(2, nodes.length))
              : nodes[nodes.length - 1];
      return new Problem.Violation(field, violation.getMessage());
    }
  }

  /** A body that is not JSON, or not the JSON we expect. */
  @Provider
  public static final class MalformedJson extends PathMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException exception) {
      return malformedJson(path(), exception);
    }
  }

  @Provider
  public static final class Processing extends PathMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException exception) {
      return malformedJson(path(), exception);
    }
  }

  static Response malformedJson(String path, Throwable cause) {
    LOG.log(Level.FINE, "unreadable body", cause);
    // Domain values validate themselves while the body is read: their reason is the useful one.
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof DomainException problem) {
        return respond(path, problem);
      }
    }
    return respond(
        path,
        Problem.of(
            "malformed-body",
            Response.Status.BAD_REQUEST,
            "The request body is not valid JSON for this operation."));
  }

  /** Failures the domain raised for the caller: each has its status and problem type. */
  @Provider
  public static final class Domain extends PathMapper<DomainException> {
    @Override
    public Response toResponse(DomainException exception) {
      return respond(path(), exception);
    }
  }

  /**
   * A unique constraint that two concurrent requests both passed in code: the loser gets 409, not a
   * 500. Other persistence failures are ours.
   */
  @Provider
  public static final class Persistence extends PathMapper<PersistenceException> {
    @Override
    public Response toResponse(PersistenceException exception) {
      return unexpected(path(), exception);
    }
  }

  /**
   * The database refusing the caller's data, however deeply wrapped (JPA, JTA, CDI interceptors): a
   * unique key two concurrent requests both passed in code is 409; a class 22 data exception (a
   * value too long, out of range, or a character PostgreSQL cannot store) is the caller's 400 —
   * validation should have named the field, so it is logged as a warning to be found and fixed.
   * Null for anything else.
   */
  static Response databaseRefusal(String path, Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return respond(
            path,
            Problem.of(
                "conflict",
                Response.Status.CONFLICT,
                "This clashes with something that exists already."));
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")
          && !"22012".equals(sql.getSQLState())) { // division by zero is ours
        LOG.log(Level.WARNING, "a value reached the database unchecked", exception);
        return respond(
            path,
            Problem.of(
                "invalid-value",
                Response.Status.BAD_REQUEST,
                "A value is too long, out of range or not storable."));
      }
    }
    return null;
  }

  /**
   * A commit that failed in the transaction manager. Jersey's own mapper for this type looks for a
   * mapper of the cause and, for a commit that lost its database, fails itself and answers a bare
   * 500; this one, preferred by its priority (and listed in PlatformProviders, without which it
   * never ran), says 503 for an outage like everything else.
   */
  @Provider
  @jakarta.annotation.Priority(1)
  public static final class Transactional
      extends PathMapper<jakarta.transaction.TransactionalException> {
    @Override
    public Response toResponse(jakarta.transaction.TransactionalException exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof DomainException problem) {
          return respond(path(), problem);
        }
        if (cause instanceof jakarta.ws.rs.WebApplicationException refused) {
          return sharingRequest(new WebApplication()).toResponse(refused);
        }
        if (cause instanceof ConstraintViolationException violations) {
          return sharingRequest(new Validation()).toResponse(violations);
        }
      }
      return unexpected(path(), exception);
    }
  }

  /** Anything else is our fault: log it with the request id, say nothing about internals. */
  @Provider
  public static final class Unexpected extends PathMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return unexpected(path(), exception);
    }
  }

  private static Response serverError(String path, Throwable exception) {
    LOG.log(Level.SEVERE, "request failed", exception);
    return respond(
        path,
        Problem.of(
            "server-error",
            Response.Status.INTERNAL_SERVER_ERROR,
            "The server could not answer. Quote the request id when you report it."));
  }
}
