/** The token an invitation link carries in its fragment (`#token=…`), or null. */
export function tokenOfFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}

export type PasswordProblem = "too-short" | "mismatch" | "is-email";

/** What the page can say about a new password before the identity provider's own policy does. */
export function checkNewPassword(password: string, confirm: string, email: string): PasswordProblem | null {
  if ([...password].length < 10) return "too-short";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "is-email";
  if (password !== confirm) return "mismatch";
  return null;
}

/** Whether the path is a tenant portal's invitation page, which works before sign-in. */
export function isJoinPath(pathname: string): boolean {
  return /^\/t\/[^/]+\/join\/?$/.test(pathname);
}
