import { yenOfManYen } from "../shared/format";
import { length } from "../shared/problems";

/** JobApplication.COVER_NOTE_LIMIT and its rate bounds. */
export const COVER_NOTE_LIMIT = 4000;
export const ANSWER_LIMIT = 1000;

export type ApplyErrors = Partial<Record<"coverNote" | "proposedRateYen", "tooLong" | "rateRange" | "notNumber">>;

/** The body of POST /v1/postings/{id}/applications, or why it would be refused. */
export function checkApplication(
  coverNote: string,
  rateManYen: string,
): { errors: ApplyErrors; body: { coverNote?: string; proposedRateYen?: number } | null } {
  const errors: ApplyErrors = {};
  if (length(coverNote) > COVER_NOTE_LIMIT) errors.coverNote = "tooLong";
  const rate = yenOfManYen(rateManYen);
  if (Number.isNaN(rate)) errors.proposedRateYen = "notNumber";
  else if (rate !== null && (rate < 10_000 || rate > 10_000_000)) errors.proposedRateYen = "rateRange";
  if (Object.keys(errors).length) return { errors, body: null };
  return {
    errors,
    body: {
      ...(coverNote.trim() ? { coverNote: coverNote.trim() } : {}),
      ...(rate !== null ? { proposedRateYen: rate } : {}),
    },
  };
}

/** An optional answer (to a scout, to an interview proposal): at most 1,000 characters. */
export function checkAnswer(answer: string): "tooLong" | null {
  return length(answer) > ANSWER_LIMIT ? "tooLong" : null;
}

/** Whether the freelancer may still withdraw (not once the application is final). */
export function canWithdraw(stage: string): boolean {
  return stage !== "CONTRACTED" && stage !== "REJECTED" && stage !== "WITHDRAWN";
}
