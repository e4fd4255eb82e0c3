import Keycloak from "keycloak-js";

/**
 * Signing in with the authorization-code flow and PKCE (S256) against a public client of the
 * platform realm: a tenant's own client (so its people see its branded login page), the
 * platform's portal client, or the console's. Tokens stay in memory; keycloak-js refreshes them
 * before each call.
 */
let keycloak: Keycloak | null = null;

export type Identity = { subject: string; name: string; email: string; roles: string[] };

export async function signIn(issuer: string, clientId: string): Promise<Identity> {
  const marker = "/realms/";
  const at = issuer.indexOf(marker);
  if (at < 0) throw new Error(`not a Keycloak issuer: ${issuer}`);
  keycloak = new Keycloak({
    url: issuer.substring(0, at),
    realm: issuer.substring(at + marker.length),
    clientId,
  });
  await keycloak.init({
    onLoad: "login-required",
    pkceMethod: "S256",
    checkLoginIframe: false,
    responseMode: "query",
  });
  const token = keycloak.tokenParsed as Record<string, unknown> | undefined;
  const access = (token?.realm_access as { roles?: string[] } | undefined)?.roles ?? [];
  return {
    subject: String(token?.sub ?? ""),
    name: String(token?.name ?? token?.preferred_username ?? ""),
    email: String(token?.email ?? ""),
    roles: access,
  };
}

export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    // the session ended at Keycloak: start the login again rather than fail every call
    await keycloak.login();
  }
  return keycloak.token ?? null;
}

export function signOut(): void {
  void keycloak?.logout({ redirectUri: window.location.origin + window.location.pathname });
}
