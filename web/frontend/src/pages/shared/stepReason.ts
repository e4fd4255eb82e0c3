import type { Lang } from "@proxima/frontend-core/i18n";

/** Why the platform took a step of an application's history on its own (the server's code). */
export type StepCause = "INTERVIEW_AGREED";

const CAUSES: Record<Lang, Record<StepCause, string>> = {
  ja: { INTERVIEW_AGREED: "面接日時が確定しました" },
  en: { INTERVIEW_AGREED: "Interview time agreed" },
};

/**
 * The reason to show beside a history step: the platform's cause in the reader's language, or
 * what the person wrote, as they wrote it; an unknown cause (a newer server) shows nothing rather
 * than a code.
 */
export function stepReason(
  step: { reason?: string | null; cause?: string | null },
  language: Lang,
): string | null {
  if (step.cause) {
    return (CAUSES[language] as Record<string, string>)[step.cause] ?? null;
  }
  return step.reason?.trim() ? step.reason : null;
}
