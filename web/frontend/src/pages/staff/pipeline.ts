import type { ApplicationStage, ApplicationView } from "../apiTypes";

/** Every stage, in the order the kanban shows them (ApplicationStage's order). */
export const STAGES: readonly ApplicationStage[] = [
  "APPLIED",
  "SCREENING",
  "INTERVIEW",
  "OFFER",
  "TRIAL",
  "CONTRACTED",
  "REJECTED",
  "WITHDRAWN",
];

/** ApplicationStage.staffMoves(): where staff may move an application from each stage. */
const STAFF_MOVES: Record<ApplicationStage, readonly ApplicationStage[]> = {
  APPLIED: ["SCREENING", "INTERVIEW", "REJECTED"],
  SCREENING: ["INTERVIEW", "REJECTED"],
  INTERVIEW: ["OFFER", "REJECTED"],
  OFFER: ["TRIAL", "CONTRACTED", "REJECTED"],
  TRIAL: ["CONTRACTED", "REJECTED"],
  CONTRACTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function staffMoves(from: ApplicationStage): readonly ApplicationStage[] {
  return STAFF_MOVES[from];
}

export function canMove(from: ApplicationStage, to: ApplicationStage): boolean {
  return STAFF_MOVES[from].includes(to);
}

export function isFinal(stage: ApplicationStage): boolean {
  return stage === "CONTRACTED" || stage === "REJECTED" || stage === "WITHDRAWN";
}

/** Whether interview times may still be proposed (JobApplication.interviewsPossible). */
export function interviewsPossible(stage: ApplicationStage): boolean {
  return stage === "APPLIED" || stage === "SCREENING" || stage === "INTERVIEW";
}

/** Applications by stage, newest move first within a column, every stage present. */
export function columns(applications: ApplicationView[]): Record<ApplicationStage, ApplicationView[]> {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, [] as ApplicationView[]])) as Record<
    ApplicationStage,
    ApplicationView[]
  >;
  for (const application of applications) byStage[application.stage].push(application);
  for (const stage of STAGES) byStage[stage].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return byStage;
}

/** The board after a move: the card replaced where it now is (or unchanged when not found). */
export function replaced(applications: ApplicationView[], moved: ApplicationView): ApplicationView[] {
  return applications.map((a) => (a.id === moved.id ? moved : a));
}

// ---- interview proposals (InterviewProposal.propose) -------------------------------------------

export const MAX_SLOTS = 5;
const LONGEST_MS = 4 * 60 * 60 * 1000;

export type SlotDraft = { start: string; end: string };
export type SlotErrorKey =
  | "slotCount"
  | "slotMissing"
  | "slotOrder"
  | "slotTooLong"
  | "slotPast"
  | "slotTwice"
  | "meetingUrl"
  | "locationLength";

/** Checks a proposal as the server will; slots are instants (ISO), already converted. */
export function checkProposal(
  slots: SlotDraft[],
  meetingUrl: string,
  location: string,
  now: Date,
): { key: SlotErrorKey; slot?: number } | null {
  const filled = slots.filter((s) => s.start || s.end);
  if (filled.length === 0 || filled.length > MAX_SLOTS) return { key: "slotCount" };
  const seen = new Set<string>();
  for (let i = 0; i < filled.length; i++) {
    const { start, end } = filled[i];
    if (!start || !end) return { key: "slotMissing", slot: i };
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (Number.isNaN(from) || Number.isNaN(to)) return { key: "slotMissing", slot: i };
    if (to <= from) return { key: "slotOrder", slot: i };
    if (to - from > LONGEST_MS) return { key: "slotTooLong", slot: i };
    if (from <= now.getTime()) return { key: "slotPast", slot: i };
    const key = `${from}/${to}`;
    if (seen.has(key)) return { key: "slotTwice", slot: i };
    seen.add(key);
  }
  if (meetingUrl.trim() && !/^https:\/\/\S+$/.test(meetingUrl.trim())) return { key: "meetingUrl" };
  if ([...location.trim()].length > 200) return { key: "locationLength" };
  return null;
}
