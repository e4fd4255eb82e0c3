import { formatMonth, type Lang } from "@proxima/frontend-core/i18n";
import { api, ApiError } from "../../api";
import type { BoardEntry } from "../../types";
import type { Profile } from "../apiTypes";

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
 * The freelancer's live availability as the board holds it; null when they do not share with this
 * tenant (any more).
 */
export async function boardEntryOf(freelancerId: string, signal?: AbortSignal): Promise<BoardEntry | null> {
  try {
    return await api<BoardEntry>(`/v1/board/${encodeURIComponent(freelancerId)}`, { signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** What the staff page shows: the profile, or null for one who shares but has not saved one. */
export type StaffFreelancer = { profile: Profile | null; entry: BoardEntry | null };

/**
 * Decides the staff page from the two reads it makes. The profile's 404 is the same for a
 * stranger and for a freelancer who shares with this tenant but has never saved a profile (the
 * API tells a tenant nothing about people who do not share with it); the board entry is what
 * tells them apart, since the board answers only for freelancers who share. So a 404 with a board
 * entry is "no profile yet" and the page still shows the entry; a 404 without one, or any other
 * failure, stays the error it was.
 */
export function staffFreelancer(
  profile: PromiseSettledResult<Profile>,
  entry: BoardEntry | null,
): StaffFreelancer {
  if (profile.status === "fulfilled") return { profile: profile.value, entry };
  if (entry && profile.reason instanceof ApiError && profile.reason.status === 404) {
    return { profile: null, entry };
  }
  throw profile.reason;
}

/** Freelancers per page of the board over REST (the server's most). */
const BOARD_PAGE = 1000;

/** Every freelancer sharing with this tenant, read a page at a time in freelancer id order. */
export async function wholeBoard(signal?: AbortSignal): Promise<BoardEntry[]> {
  const all: BoardEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const query: string = after ? `&after=${encodeURIComponent(after)}` : "";
    const page: BoardEntry[] = await api<BoardEntry[]>(`/v1/board?limit=${BOARD_PAGE}${query}`, { signal });
    all.push(...page);
    if (page.length < BOARD_PAGE) return all;
    after = page[page.length - 1].freelancerId;
  }
}

/** The skill sheet's file name: the person's name when there is one, never a path. */
export function skillSheetFileName(name: string | null | undefined): string {
  const safe = (name ?? "").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").trim();
  return (safe ? `skill-sheet-${safe}` : "skill-sheet") + ".pdf";
}
