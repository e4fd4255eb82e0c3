package io.proxima.signup.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The identity provider's side of signing up: its registration form and external sign-ins. */
public interface SignUpRealm {

  /**
   * An external sign-in offered on the login page.
   *
   * @param kind {@code github}, {@code google} or {@code oidc} (any OpenID Connect provider, read
   *     from its discovery document)
   * @param settings the kind's extra settings (GitHub's base and API URLs, the OIDC discovery URL)
   */
  record ExternalSignIn(
      String alias,
      String displayName,
      String kind,
      String clientId,
      String clientSecret,
      Map<String, String> settings) {

    /** Records print every component; the secret must never reach a log line. */
    @Override
    public String toString() {
      return "ExternalSignIn[alias=" + alias + ", kind=" + kind + ", clientId=" + clientId + "]";
    }
  }

  /**
   * Lets people register themselves on the login page, with their e-mail address verified and the
   * terms accepted on the form; keeps a record of each registration the form took, and puts into
   * tokens which external provider a person came through.
   */
  void openSelfRegistration();

  /**
   * When this account was registered through the sign-up form, which refuses to register anyone who
   * did not tick the terms box; empty for accounts made any other way (invited by a tenant, created
   * by an operator, or first signed in through an external provider).
   */
  Optional<Instant> registeredThroughFormAt(String subject);

  /**
   * Makes the login page offer exactly these external sign-ins among {@code managedAliases}: those
   * configured are created or updated, the others removed. Providers an operator added by hand
   * under other aliases are left alone.
   */
  void offerExternalSignIns(List<ExternalSignIn> configured, Set<String> managedAliases);
}
