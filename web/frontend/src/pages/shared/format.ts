import { formatMonth, type Lang } from "@proxima/frontend-core/i18n";

/** Monthly yen as the market quotes it: 万円 in Japanese, "650k JPY" in English. */
export function manYen(language: Lang, yen: number): string {
  const man = Math.round(yen / 1000) / 10;
  return language === "ja"
    ? `${man.toLocaleString("ja-JP")}万円`
    : `${(yen / 1000).toLocaleString("en-US", { maximumFractionDigits: 0 })}k JPY`;
}

/** A monthly rate range, open at either end; empty when neither end is set. */
export function rateRange(
  language: Lang,
  min: number | null | undefined,
  max: number | null | undefined,
): string {
  if (min == null && max == null) return "";
  if (min != null && max != null) {
    return min === max
      ? manYen(language, min)
      : `${manYen(language, min).replace(/万円$|k JPY$/, language === "ja" ? "" : "k")}–${manYen(language, max)}`;
  }
  if (min != null) return language === "ja" ? `${manYen(language, min)}〜` : `from ${manYen(language, min)}`;
  return language === "ja" ? `〜${manYen(language, max!)}` : `up to ${manYen(language, max!)}`;
}

/** 万円 typed in a form, as whole yen; null when blank, NaN when not a number. */
export function yenOfManYen(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Math.round(value * 10_000) : Number.NaN;
}

/** Yen as 万円 for a form field ("" when unset). */
export function manYenOfYen(yen: number | null | undefined): string {
  return yen == null ? "" : String(Math.round(yen / 1000) / 10);
}

/** A whole number typed in a form; null when blank, NaN when not a whole number. */
export function integerOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A comma / 、 / newline separated list typed in a form. */
export function listOf(text: string): string[] {
  return text
    .split(/[,、，\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A value between 0 and 1 as a percentage. */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** "<input type=datetime-local>" (local time) as an ISO instant; null when blank or invalid. */
export function instantOfLocal(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** File sizes for people. */
export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A certification's date as typed ("2022-04", "2022/4", "２０２２年４月", "2022", "2022年"), in the
 * form the API takes: "2022-04", or "2022" when only the year is known — never a made-up month.
 * value is null when blank or refused; error says why it was refused: no month or year
 * ("acquiredFormat"), or a year before 1950 or after next year, the server's bounds
 * ("acquiredRange").
 */
export function acquiredOf(
  typed: string,
  now: Date = new Date(),
): { value: string | null; error: "acquiredFormat" | "acquiredRange" | null } {
  const text = typed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!text) return { value: null, error: null };
  const match = /^(\d{4})(?:\s*(?:[-/.－／]|年)\s*(\d{1,2})\s*月?|\s*年)?$/.exec(text);
  if (!match) return { value: null, error: "acquiredFormat" };
  const year = Number(match[1]);
  if (year < 1950 || year > now.getFullYear() + 1) return { value: null, error: "acquiredRange" };
  if (match[2] === undefined) return { value: match[1], error: null };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { value: null, error: "acquiredFormat" };
  return { value: `${match[1]}-${String(month).padStart(2, "0")}`, error: null };
}

/** A certification's date from the API for reading: "2022年4月" / "Apr 2022", or "2022年" / "2022". */
export function acquiredText(language: Lang, acquired: string): string {
  if (/^\d{4}$/.test(acquired)) return language === "ja" ? `${acquired}年` : acquired;
  return formatMonth(language, acquired);
}
