package io.proxima.signup.domain;

import java.util.List;
import java.util.Map;
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
   * terms accepted on the form, and puts into tokens what the first-run guide needs to know (when
   * the terms were accepted, which external provider the person came through).
   */
  void openSelfRegistration();

  /**
   * Makes the login page offer exactly these external sign-ins among {@code managedAliases}: those
   * configured are created or updated, the others removed. Providers an operator added by hand
   * under other aliases are left alone.
   */
  void offerExternalSignIns(List<ExternalSignIn> configured, Set<String> managedAliases);
}
