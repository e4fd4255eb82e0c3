package io.proxima.tenancy.infrastructure.keycloak;

/** A Keycloak admin call answered with an error status; the message carries Keycloak's reason. */
class KeycloakCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  KeycloakCallException(String call, int status, String body) {
    super(
        call + " failed with HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** No HTTP status to report: the call did not get a usable answer. */
  KeycloakCallException(String call, Throwable cause) {
    super(call + " failed: " + cause.getMessage(), cause);
    this.status = 0;
    this.body = "";
  }

  /** Keycloak's own answer, at most a few hundred characters. */
  String body() {
    return body;
  }

  int status() {
    return status;
  }

  boolean isConflict() {
    return status == 409;
  }
}
