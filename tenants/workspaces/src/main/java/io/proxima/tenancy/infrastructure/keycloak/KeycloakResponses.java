package io.proxima.tenancy.infrastructure.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Turns the admin client's two ways of failing (a returned {@link Response} with an error status,
 * or a thrown {@link WebApplicationException}) into one exception that carries Keycloak's reason.
 * Every response that passes through here is closed: RESTEasy keeps a pooled connection per unread
 * response, and a handful of leaks would stall the pool.
 */
final class KeycloakResponses {

  private static final int MAX_BODY = 500;

  private KeycloakResponses() {}

  /** The id of what a create call made, from the {@code Location} header of its 201. */
  static String createdId(String call, Supplier<Response> request) {
    try (Response response = call(call, request)) {
      if (response.getStatus() != 201) {
        throw failure(call, response);
      }
      URI location = response.getLocation();
      if (location == null) {
        throw new KeycloakCallException(call, 201, "no Location header");
      }
      String path = location.getPath().replaceAll("/+$", "");
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** Sends a call whose answer carries nothing but its status. */
  static void expectSuccess(String call, Supplier<Response> request) {
    try (Response response = call(call, request)) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw failure(call, response);
      }
    }
  }

  /** Runs a call whose answer is a representation (or nothing), translating an error status. */
  static <T> T call(String call, Supplier<T> request) {
    try {
      return request.get();
    } catch (WebApplicationException e) {
      try (Response response = e.getResponse()) {
        throw failure(call, response);
      }
    } catch (ProcessingException e) {
      // Unreachable server, timeout, or an answer that is not what the representation expects.
      throw new KeycloakCallException(call, e);
    }
  }

  static void run(String call, Runnable request) {
    call(
        call,
        () -> {
          request.run();
          return null;
        });
  }

  private static KeycloakCallException failure(String call, Response response) {
    return new KeycloakCallException(call, response.getStatus(), body(response));
  }

  private static String body(Response response) {
    try {
      if (!response.hasEntity()) {
        return "";
      }
      String body = response.readEntity(String.class);
      return body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…" : body;
    } catch (RuntimeException unreadable) {
      // The status alone still says what went wrong.
      return "";
    }
  }
}
