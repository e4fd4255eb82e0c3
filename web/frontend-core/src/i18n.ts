import { useSyncExternalStore } from "react";

/** Japanese first: the market is Japan; English for the engineers and staff who prefer it. */
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

/** A page's own messages; both languages must name the same keys, which the compiler checks. */
export type Messages<K extends string> = { ja: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

const STORAGE_KEY = "proxima.lang";
const listeners = new Set<() => void>();
let current: Lang = initialLang();

function initialLang(): Lang {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" || stored === "ja" ? stored : "ja";
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, lang, lang);
}

/** `{name}` placeholders are filled from params; a missing key shows itself, never blank. */
export function translate<K extends string>(
  messages: Messages<K>,
  language: Lang,
  key: K,
  params?: Record<string, string | number>,
): string {
  const text = messages[language][key] ?? messages.ja[key] ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : text;
}

export function useT<K extends string>(messages: Messages<K>) {
  const language = useLang();
  return (key: K, params?: Record<string, string | number>) =>
    translate(messages, language, key, params);
}

export function formatDate(language: Lang, iso: string | null | undefined): string {
  if (!iso) return "";
  const date = iso.length === 10 ? new Date(iso + "T00:00:00") : new Date(iso);
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", {
    dateStyle: "medium",
    ...(iso.length > 10 ? { timeStyle: "short" } : {}),
  }).format(date);
}

export function formatYen(language: Lang, amount: number): string {
  return new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US", {
    style: "currency",
    currency: "JPY",
  }).format(amount);
}

/** 万円 is how rates are quoted in this market, in either language. */
export function formatManYen(language: Lang, min: number, max: number): string {
  const unit = language === "ja" ? "万円" : "0k JPY";
  return min === max ? `${min}${unit}` : `${min}–${max}${unit}`;
}

export function formatCount(language: Lang, value: number): string {
  return new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US").format(value);
}

/** A chart axis or a small cell: "1.2万" / "12K" instead of every digit. */
export function formatCompact(language: Lang, value: number): string {
  return new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(value);
}

/** "2026-11" as "2026年11月" or "Nov 2026". */
export function formatMonth(language: Lang, month: string): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-GB", {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}
