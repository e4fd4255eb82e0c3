import { personName } from "./personName";
import Keycloak from "keycloak-js";

/**
 * Signing in with the authorization-code flow and PKCE (S256) against a public client of the
 * platform realm: a tenant's own client (so its people see its branded login page), the
 * platform's portal client, or the console's. Tokens stay in memory; keycloak-js refreshes them
 * before each call.
 */
let keycloak: Keycloak | null = null;

export type Identity = { subject: string; name: string; email: string; roles: string[] };

let signInIssuer: string | null = null;

/**
 * Keycloak cannot be reached (or fails itself) right now: nobody can sign in, and the page says so
 * in its own colours instead of sending the browser to an error it cannot explain.
 */
export class SignInUnavailable extends Error {
  constructor() {
    super("sign-in is unavailable right now");
    this.name = "SignInUnavailable";
  }
}

/**
 * Whether the issuer answers for its realm. A CORS read shows Keycloak's own status (a 5xx while
 * its database is away); should the answer carry no CORS headers, an opaque read still tells a
 * server that answers from one that is not there.
 */
export async function identityProviderAnswers(issuer: string): Promise<boolean> {
  const discovery = `${issuer}/.well-known/openid-configuration`;
  const timeout = () => AbortSignal.timeout(4000);
  try {
    const response = await fetch(discovery, { signal: timeout(), cache: "no-store" });
    return response.ok;
  } catch {
    try {
      await fetch(discovery, { mode: "no-cors", signal: timeout(), cache: "no-store" });
      return true;
    } catch {
      return false;
    }
  }
}

export async function signIn(issuer: string, clientId: string): Promise<Identity> {
  const marker = "/realms/";
  const at = issuer.indexOf(marker);
  if (at < 0) throw new Error(`not a Keycloak issuer: ${issuer}`);
  signInIssuer = issuer;
  // Checked before keycloak-js sends the browser away: a redirect to a stopped Keycloak ends on the
  // browser's own error page, with nothing to say what happened or what to do.
  if (!(await identityProviderAnswers(issuer))) throw new SignInUnavailable();
  keycloak = new Keycloak({
    url: issuer.substring(0, at),
    realm: issuer.substring(at + marker.length),
    clientId,
  });
  try {
    await keycloak.init({
      onLoad: "login-required",
      pkceMethod: "S256",
      checkLoginIframe: false,
      responseMode: "query",
    });
  } catch (e) {
    // Keycloak went away between the check and the code exchange.
    if (!(await identityProviderAnswers(issuer))) throw new SignInUnavailable();
    throw e;
  }
  const token = keycloak.tokenParsed as Record<string, unknown> | undefined;
  const access = (token?.realm_access as { roles?: string[] } | undefined)?.roles ?? [];
  return {
    subject: String(token?.sub ?? ""),
    name: personName(token ?? {}),
    email: String(token?.email ?? ""),
    roles: access,
  };
}

export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    if (signInIssuer && !(await identityProviderAnswers(signInIssuer))) {
      // Keycloak is away: the token in hand stays good until it expires, and the platform keeps
      // accepting it; a login now would only send the browser to an error page.
      if (!keycloak.isTokenExpired()) return keycloak.token ?? null;
      throw new SignInUnavailable();
    }
    // the session ended at Keycloak: start the login again rather than fail every call
    await keycloak.login();
  }
  return keycloak.token ?? null;
}

export function signOut(): void {
  void keycloak?.logout({ redirectUri: window.location.origin + window.location.pathname });
}
