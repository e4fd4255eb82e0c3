import { ApiError } from "../../api";
import type { Lang } from "@proxima/frontend-core/i18n";

/** Errors per field of a form, plus one for the form as a whole. */
export type FieldErrors<F extends string> = Partial<Record<F | "form", string>>;

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

const GENERIC = {
  ja: {
    0: "サーバーに接続できません。通信環境を確認してもう一度お試しください。",
    401: "ログインの有効期限が切れました。もう一度ログインしてください。",
    403: "この操作を行う権限がありません。",
    404: "対象が見つかりません。削除されたか、閲覧できなくなった可能性があります。",
    409: "ほかの操作と競合しました。最新の状態を読み込んでからやり直してください。",
    413: "ファイルまたは入力が大きすぎます。",
    415: "この形式のファイルには対応していません。",
    422: "内容を読み取れませんでした。",
    429: "操作が集中しています。しばらく待ってからお試しください。",
    500: "サーバーでエラーが発生しました。時間をおいてお試しください。",
  },
  en: {
    0: "Cannot reach the server. Check your connection and try again.",
    401: "Your session has expired. Please sign in again.",
    403: "You are not allowed to do this.",
    404: "Not found. It may have been deleted or is no longer visible to you.",
    409: "This clashed with another change. Reload and try again.",
    413: "The file or input is too large.",
    415: "This kind of file is not supported.",
    422: "The content could not be read.",
    429: "Too many requests. Please wait a moment and try again.",
    500: "The server failed. Please try again later.",
  },
} as const;

type Known = keyof (typeof GENERIC)["ja"];

/** Problem types (urn:proxima:problem:<slug>) that say more than their status. */
const BY_TYPE = {
  ja: {
    "quota-exceeded": "プランの上限に達しました。",
    "tenant-suspended": "このテナントは停止中です。",
    "unsupported-file": "この形式のファイルには対応していません。",
    "unreadable-file": "ファイルを読み取れませんでした（破損・暗号化されている可能性があります）。",
  },
  en: {
    "quota-exceeded": "Your plan's limit is reached.",
    "tenant-suspended": "This tenant is suspended.",
    "unsupported-file": "This kind of file is not supported.",
    "unreadable-file": "The file could not be read (it may be damaged or encrypted).",
  },
} as const;

/**
 * What to tell the person about a failed call: a sentence in their language for the status, then
 * the server's own detail (which is English and specific: "rateMinYen cannot exceed rateMaxYen").
 */
export function problemText(error: unknown, language: Lang): string {
  if (error instanceof ApiError) {
    const status = (error.status >= 500 ? 500 : error.status) as Known;
    const slug = error.type?.replace(/^urn:proxima:problem:/, "") as keyof (typeof BY_TYPE)["ja"] | undefined;
    const generic: string | undefined =
      (slug && BY_TYPE[language][slug]) || GENERIC[language][status];
    const detail = error.detail?.trim();
    if (generic && detail && error.status < 500 && error.status !== 0) {
      return language === "ja" ? `${generic}（${detail}）` : `${generic} (${detail})`;
    }
    return generic ?? (detail || error.title || String(error.status));
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Which field of a form a server problem is about. The domain's messages name the field first
 * ("title is required", "message: a scout needs a message", "durationMonths must be…"); a few
 * name it in words, which `aliases` maps (e.g. /days per week/ → "daysMin").
 */
export function fieldOfProblem<F extends string>(
  detail: string | undefined | null,
  fields: readonly F[],
  aliases: readonly (readonly [RegExp, F])[] = [],
): F | null {
  if (!detail) return null;
  const head = /^([A-Za-z][A-Za-z0-9.]*)\b/.exec(detail.trim());
  if (head) {
    const name = head[1].split(".")[0];
    const found = fields.find((field) => field === name);
    if (found) return found;
  }
  for (const [pattern, field] of aliases) {
    if (pattern.test(detail)) return field;
  }
  return null;
}

/**
 * A server refusal as form errors: on the field it names when it names one, on the form
 * otherwise. Non-400 problems (409 stale version, 403 quota) always go on the form.
 */
export function serverErrors<F extends string>(
  error: unknown,
  language: Lang,
  fields: readonly F[],
  aliases: readonly (readonly [RegExp, F])[] = [],
): FieldErrors<F> {
  if (error instanceof ApiError && error.status === 400) {
    const field = fieldOfProblem(error.detail, fields, aliases);
    if (field) return { [field]: error.detail } as FieldErrors<F>;
  }
  return { form: problemText(error, language) } as FieldErrors<F>;
}

/** Code points, as the server counts its text limits (a kanji or emoji is one). */
export function length(text: string): number {
  return [...text.trim()].length;
}
