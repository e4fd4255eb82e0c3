import { formatMonth, type Lang } from "@proxima/frontend-core/i18n";
import type { BoardEntry } from "../../types";

/** A work-history or education period: "2023年8月 〜 現在", "Aug 2023 – present". */
export function periodText(
  language: Lang,
  period: { from: string; to?: string | null } | null | undefined,
): string {
  if (!period) return "";
  const to = period.to ? formatMonth(language, period.to) : language === "ja" ? "現在" : "present";
  return language === "ja"
    ? `${formatMonth(language, period.from)} 〜 ${to}`
    : `${formatMonth(language, period.from)} – ${to}`;
}

/**
 * The 商流 from the freelancer's side to the end client ("A社 → B社 → エンド"), or "" when the
 * freelancer worked for the client directly (or did not say).
 */
export function chainText(via: readonly string[] | null | undefined, client: string | null | undefined): string {
  if (!via?.length) return "";
  return [...via, ...(client ? [client] : [])].join(" → ");
}

/**
 * The freelancer's live availability as the board holds it; null when they share no availability
 * (or do not share with this tenant any more).
 */
export function boardEntryOf(board: BoardEntry[], freelancerId: string): BoardEntry | null {
  return board.find((entry) => entry.freelancerId === freelancerId) ?? null;
}

/** The skill sheet's file name: the person's name when there is one, never a path. */
export function skillSheetFileName(name: string | null | undefined): string {
  const safe = (name ?? "").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").trim();
  return (safe ? `skill-sheet-${safe}` : "skill-sheet") + ".pdf";
}
