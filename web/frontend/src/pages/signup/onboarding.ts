import type { OnboardingStep, OnboardingView, TalentInvitationStatus } from "./signupTypes";

/** The guide's steps in order; the terms come first and cannot be skipped. */
export const STEPS: readonly OnboardingStep[] = ["TERMS", "PROFILE", "AVAILABILITY", "SHARING"];

/** The step to show: where the person left off, never past the terms before they accept them. */
export function currentStep(view: Pick<OnboardingView, "step" | "termsAccepted">): OnboardingStep {
  if (!view.termsAccepted) return "TERMS";
  const step = view.step;
  if (step === null || step === "DONE" || step === "TERMS") return "PROFILE";
  return step;
}

/** The step after `step`, or null when it was the last. */
export function nextStep(step: OnboardingStep): OnboardingStep | null {
  const at = STEPS.indexOf(step);
  return at >= 0 && at < STEPS.length - 1 ? STEPS[at + 1] : null;
}

/** "2 / 4": where the person is, counted from one. */
export function progress(step: OnboardingStep): { position: number; total: number } {
  return { position: STEPS.indexOf(step) + 1, total: STEPS.length };
}

/** Whether the portal should send the person to the guide now, from wherever they landed. */
export function shouldOpenGuide(view: Pick<OnboardingView, "show">, path: string): boolean {
  return view.show && path !== "/welcome";
}

/** Whether staff can still send the invitation again (pending or expired, not answered). */
export function canResend(status: TalentInvitationStatus): boolean {
  return status === "PENDING" || status === "EXPIRED";
}

/** Whether staff can take the invitation back. */
export function canRevoke(status: TalentInvitationStatus): boolean {
  return status === "PENDING";
}

/** A person's name as Japanese writes it (family name first) or as English does. */
export function inviteeName(
  familyName: string | null,
  givenName: string | null,
  language: "ja" | "en",
): string {
  const parts = language === "ja" ? [familyName, givenName] : [givenName, familyName];
  return parts.filter((part): part is string => !!part && part.trim() !== "").join(" ");
}

/** What staff must fill in before an invitation can go: a plausible address. */
export function checkInviteEmail(email: string): "required" | "format" | null {
  const value = email.trim();
  if (!value) return "required";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return "format";
  return null;
}

const PENDING_ACCEPT = "proxima.talentInvitation";

/**
 * The link's token kept across the sign-in (or sign-up) round trip to Keycloak, in this tab only:
 * the fragment that carried it does not survive the redirects.
 */
export function rememberAcceptance(storage: Storage, slug: string, token: string, termsVersion?: string): void {
  storage.setItem(PENDING_ACCEPT, JSON.stringify({ slug, token, termsVersion }));
}

/** The token remembered for this tenant, taken out so it is used once. */
export function takeAcceptance(storage: Storage, slug: string): string | null {
  return takePendingAcceptance(storage, slug)?.token ?? null;
}

/**
 * The token and the version of the terms the page showed (accepting agrees to those: changed in
 * the meantime, the server refuses), taken out so they are used once.
 */
export function takePendingAcceptance(storage: Storage, slug: string): { token: string; termsVersion?: string } | null {
  const raw = storage.getItem(PENDING_ACCEPT);
  if (!raw) return null;
  storage.removeItem(PENDING_ACCEPT);
  try {
    const saved = JSON.parse(raw) as { slug?: unknown; token?: unknown; termsVersion?: unknown };
    if (saved.slug !== slug || typeof saved.token !== "string") return null;
    return typeof saved.termsVersion === "string"
      ? { token: saved.token, termsVersion: saved.termsVersion }
      : { token: saved.token };
  } catch {
    return null;
  }
}

/** Whether the path is a tenant's talent invitation page, which works before sign-in. */
export function isTalentInvitationPath(pathname: string): boolean {
  return /^\/t\/[^/]+\/talent-invitation\/?$/.test(pathname);
}
