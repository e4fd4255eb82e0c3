package io.proxima.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URN clients can switch on; {@code
 * requestId} ties the answer to the server's log line; {@code field}, when one input is to blame,
 * names it as the caller wrote it (a body member such as {@code title} or {@code
 * lines[0].quantity}, a query or a path parameter), and {@code violations} lists every rejected
 * input with its reason.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    String field,
    List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";
  // Built directly: valueOf needs a JAX-RS runtime, which plain unit tests do not have.
  public static final MediaType MEDIA = new MediaType("application", "problem+json");

  /** One rejected input: where it is ({@code field}) and what is wrong with it. */
  public record Violation(String field, String message) {}

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String requestId,
      List<Violation> violations) {
    this(type, title, status, detail, instance, requestId, null, violations);
  }

  public static Problem of(String slug, Response.StatusType status, String detail) {
    return new Problem(
        typeOf(slug),
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        null,
        null,
        null,
        null);
  }

  public static String typeOf(String slug) {
    return "urn:proxima:problem:" + slug;
  }

  public Problem at(String instance, String requestId) {
    return new Problem(type, title, status, detail, instance, requestId, field, violations);
  }

  /** Every rejected input; the first one is also the problem's {@code field}. */
  public Problem withViolations(List<Violation> violations) {
    String first = violations == null || violations.isEmpty() ? null : violations.get(0).field();
    return new Problem(type, title, status, detail, instance, requestId, first, violations);
  }

  /** The one input this problem is about, with the reason as its violation. */
  public Problem about(String field) {
    if (field == null) {
      return this;
    }
    return new Problem(
        type,
        title,
        status,
        detail,
        instance,
        requestId,
        field,
        List.of(new Violation(field, detail)));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }

  /** A slug for a status code, used where nothing more specific is known. */
  public static String slugFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 422 -> "unprocessable";
      case 429 -> "too-many-requests";
      default -> status >= 500 ? "server-error" : "client-error";
    };
  }
}
