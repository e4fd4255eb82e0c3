const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * How to write a person's name from their token: a name in Japanese script family name first
 * (高橋 美咲), as Japanese writes it; any other as Keycloak composed it (given name first).
 */
export function personName(token: {
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  preferred_username?: unknown;
}): string {
  const given = typeof token.given_name === "string" ? token.given_name.trim() : "";
  const family = typeof token.family_name === "string" ? token.family_name.trim() : "";
  if (given && family && (JAPANESE.test(given) || JAPANESE.test(family))) return `${family} ${given}`;
  return String(token.name ?? token.preferred_username ?? "");
}
