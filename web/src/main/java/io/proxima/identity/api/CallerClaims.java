package io.proxima.identity.api;

import io.proxima.identity.domain.IdentityClaims;
import io.proxima.identity.domain.PersonName;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The identity claims of a validated bearer token, as the identity module records them. */
public final class CallerClaims {

  private CallerClaims() {}

  public static IdentityClaims of(JsonWebToken token) {
    return new IdentityClaims(
        token.getSubject(),
        token.getClaim("preferred_username"),
        token.getClaim("email"),
        displayName(token));
  }

  /** The person's one display name (see {@link PersonName}). */
  public static String displayName(JsonWebToken token) {
    return PersonName.display(
        token.getClaim("name"), token.getClaim("given_name"), token.getClaim("family_name"));
  }
}
