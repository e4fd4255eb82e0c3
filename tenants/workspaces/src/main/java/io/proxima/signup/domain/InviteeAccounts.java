package io.proxima.signup.domain;

import java.util.Optional;

/**
 * The identity provider's accounts, as far as a talent invitation needs them: whether the invited
 * address already belongs to someone who can be told in the app as well as by mail.
 */
public interface InviteeAccounts {

  /**
   * The subject of the account whose e-mail is this address, only if that account has proved the
   * address: an unverified address may be someone else's, and the invitation must not reach them.
   *
   * @throws Unavailable when the identity provider cannot be asked
   */
  Optional<String> verifiedOwnerOf(String email);

  /** The identity provider did not answer; the invitation still travels by mail. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
