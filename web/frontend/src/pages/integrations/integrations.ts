import type { Lang } from "@proxima/frontend-core/i18n";
import type { ApiKeyView, AttemptView, DeliveryView } from "./integrationTypes";

/** The scopes a key may have, in the order the form lists them, with their labels. */
export const SCOPES: { scope: string; ja: string; en: string }[] = [
  { scope: "jobs:read", ja: "案件の参照", en: "Read jobs" },
  { scope: "jobs:write", ja: "案件の作成・更新", en: "Create and change jobs" },
  { scope: "applications:read", ja: "選考（応募）の参照", en: "Read applications" },
  { scope: "applications:write", ja: "選考の進行・メモ", en: "Move applications, add notes" },
  { scope: "candidates:read", ja: "候補者の検索", en: "Search candidates" },
  { scope: "scouts:read", ja: "スカウトの参照", en: "Read scouts" },
  { scope: "scouts:write", ja: "スカウトの送信", en: "Send scouts" },
  { scope: "contracts:read", ja: "契約の参照", en: "Read contracts" },
  { scope: "invoices:read", ja: "請求書の参照", en: "Read invoices" },
];

/** The events a webhook may subscribe to, with their labels. */
export const EVENT_TYPES: { type: string; ja: string; en: string }[] = [
  { type: "application.created", ja: "応募があった", en: "Application created" },
  { type: "application.moved", ja: "選考ステータスが変わった", en: "Application moved" },
  { type: "scout.answered", ja: "スカウトに返答があった", en: "Scout answered" },
  { type: "contract.signed", ja: "契約が締結された", en: "Contract signed" },
  { type: "invoice.issued", ja: "請求書を発行した", en: "Invoice issued" },
  { type: "invoice.paid", ja: "請求書が入金済みになった", en: "Invoice paid" },
  { type: "availability.changed", ja: "共有中フリーランスの稼働状況が変わった", en: "Availability changed" },
];

export function scopeLabel(language: Lang, scope: string): string {
  const found = SCOPES.find((s) => s.scope === scope);
  return found ? found[language] : scope;
}

export function eventLabel(language: Lang, type: string): string {
  if (type === "webhook.test") return language === "ja" ? "テスト送信" : "Test event";
  const found = EVENT_TYPES.find((e) => e.type === type);
  return found ? found[language] : type;
}

/** A date and time to the minute, in the viewer's time zone. */
export function dateTime(language: Lang, iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
}

/** Where a key stands: revoked, or active (with a previous secret still valid). */
export function keyState(key: ApiKeyView, now: Date): "revoked" | "overlap" | "active" {
  if (key.revokedAt) return "revoked";
  if (key.previousValidUntil && new Date(key.previousValidUntil) > now) return "overlap";
  return "active";
}

/** A URL the form may send: absolute http(s) with a host; the server checks the address. */
export function plausibleUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** One attempt or the last one of a delivery, as the log shows it: "200 · 35 ms" or the error. */
export function outcome(language: Lang, attempt: Pick<AttemptView, "statusCode" | "latencyMs" | "error">): string {
  const code = attempt.statusCode ?? null;
  const parts: string[] = [];
  if (code !== null) parts.push(String(code));
  else parts.push(language === "ja" ? "応答なし" : "no answer");
  parts.push(`${attempt.latencyMs} ms`);
  return parts.join(" · ") + (attempt.error && code === null ? ` (${attempt.error})` : "");
}

/** The last attempt of a delivery as an attempt, for the log's summary column. */
export function lastAttempt(delivery: DeliveryView): Pick<AttemptView, "statusCode" | "latencyMs" | "error"> | null {
  if (delivery.attempts === 0 && !delivery.lastStatusCode && !delivery.lastError) return null;
  return {
    statusCode: delivery.lastStatusCode ?? null,
    latencyMs: delivery.lastLatencyMs ?? 0,
    error: delivery.lastError ?? null,
  };
}

/** The payload pretty-printed for reading; as it came when it is not JSON. */
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
