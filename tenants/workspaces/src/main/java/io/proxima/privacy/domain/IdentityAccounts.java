package io.proxima.privacy.domain;

/** The identity provider's user accounts (Keycloak's users in the platform). */
public interface IdentityAccounts {

  /**
   * Removes the user, with their credentials and sessions; a user already gone is no error.
   *
   * @throws Unavailable when the identity provider could not be asked
   */
  void remove(String subject);

  /** The identity provider did not answer, or refused; the removal is retried later. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
